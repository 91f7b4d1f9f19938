'use strict';
// How streams look to util.inspect / Object.keys: Node's property layout (_events first, in
// EventEmitter's shape mode, then the states, allowHalfOpen, _maxListeners), and eventNames()
// leaving out the pre-filled events nobody listens to. Also a cleared timer's ref state.
const { Readable, Writable, Duplex, PassThrough, Transform } = require('stream');
const util = require('util');
class MyReadable extends Readable { _read() {} }
function OldStyle() { Duplex.call(this, { allowHalfOpen: false, read() {} }); }
Object.setPrototypeOf(OldStyle.prototype, Duplex.prototype);
Object.setPrototypeOf(OldStyle, Duplex);
const read = () => {};
for (const s of [new Readable({ read }), new Writable(), new Duplex({ read }), new PassThrough(),
  new Transform(), new MyReadable(), new OldStyle(), new Duplex({ readable: false }),
  new Duplex({ read, write(c, e, cb) { cb(); }, final(cb) { cb(); }, destroy(e, cb) { cb(e); } })]) {
  console.log(util.inspect(s, { depth: 0 }));
  console.log(Object.keys(s), Object.keys(s._events));
  s.on('data', () => {});
  s.on('custom', () => {});
  console.log(s.eventNames(), s.listenerCount('end'), s.listenerCount('data'));
  s.removeAllListeners('data');
  console.log(s.eventNames(), Object.keys(s._events).length);
}
const t = setTimeout(() => {}, 1000);
clearTimeout(t);
console.log(t.hasRef(), t._destroyed);
t.unref();
console.log(t.hasRef());
