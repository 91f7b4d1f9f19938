'use strict';
// EventEmitter throughput: runs under node and nodus alike, prints "<case> <ops/s>".
// Each case runs for about BENCH_MS milliseconds (default 300) after a short warm-up.
const EventEmitter = require('events');
const ms = Number(process.env.BENCH_MS || 300);

function bench(name, fn) {
  for (let i = 0; i < 2000; i++) fn();
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 1000; i++) fn();
    ops += 1000;
    now = performance.now();
  }
  console.log(`${name} ${Math.round(ops / ((now - start) / 1000))}`);
}

let sink = 0;
const one = new EventEmitter();
one.on('data', (x) => { sink += x; });
const many = new EventEmitter();
for (let i = 0; i < 5; i++) many.on('data', (x, y) => { sink += x + y; });
const none = new EventEmitter();
const onceEmitter = new EventEmitter();
const listener = () => { sink++; };

bench('emit-1-listener-1-arg', () => one.emit('data', 1));
bench('emit-5-listeners-2-args', () => many.emit('data', 1, 2));
bench('emit-no-listener', () => none.emit('data', 1));
bench('emit-4-args', () => one.emit('data', 1, 2, 3, 4));
bench('on-off', () => {
  one.on('tmp', listener);
  one.removeListener('tmp', listener);
});
bench('once-emit', () => {
  onceEmitter.once('x', listener);
  onceEmitter.emit('x');
});
if (sink === -1) console.log(sink);
