'use strict';
// The README's first command runs this: a small tour that works on any nodus runtime.
const path = require('path');
const { EventEmitter } = require('events');

const bus = new EventEmitter();
bus.once('ready', (who) => console.log(`hello from ${who} (${process.version}, nodus ${process.versions.nodus})`));

setTimeout(() => {
  bus.emit('ready', path.basename(process.argv[1]));
  Promise.resolve().then(() => console.log('microtasks run after the timer callback'));
  process.nextTick(() => console.log('and process.nextTick runs before them'));
}, 10);
