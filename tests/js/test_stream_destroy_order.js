'use strict';
// The order of events when streams end, finish, error and are destroyed (Node's order).
const assert = require('assert');
const { Readable, Writable, Duplex, finished } = require('stream');

const events = [];
const w = new Writable({ write(c, e, cb) { cb(); } });
for (const ev of ['finish', 'close', 'error', 'prefinish']) w.on(ev, () => events.push(`w:${ev}`));
w.end('x', () => events.push('w:endcb'));

const r = new Readable({ read() {} });
for (const ev of ['end', 'close', 'error']) r.on(ev, () => events.push(`r:${ev}`));
r.resume();
r.push(null);

const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
for (const ev of ['end', 'finish', 'close', 'error']) d.on(ev, (e) => events.push(`d:${ev}${e ? `:${e.message}` : ''}`));
d.destroy(new Error('bad'));

finished(d, (err) => events.push(`d:finished:${err.message}`));

setTimeout(() => {
  assert.deepStrictEqual(events.filter((e) => e.startsWith('w:')),
                         ['w:prefinish', 'w:endcb', 'w:finish', 'w:close']);
  assert.deepStrictEqual(events.filter((e) => e.startsWith('r:')), ['r:end', 'r:close']);
  assert.deepStrictEqual(events.filter((e) => e.startsWith('d:')),
                         ['d:error:bad', 'd:finished:bad', 'd:close']);
  console.log('ok');
}, 20);
