'use strict';
// Node 20's stream constructors give every stream one property layout: `_events` first,
// pre-filled with the common events as undefined (EventEmitter's shape mode), then the states,
// `allowHalfOpen`, then `_maxListeners`. readable-stream builds the same properties in another
// order, which util.inspect (console.log of a stream) shows. Accessors on the prototypes catch
// each constructor's first assignment and lay the properties out as Node does; every later
// assignment finds the own data property and never reaches them.

const kReadableEvents = ['close', 'error', 'data', 'end', 'readable'];
const kWritableEvents = ['close', 'error', 'prefinish', 'finish', 'drain'];
const kDuplexEvents = ['close', 'error', 'prefinish', 'finish', 'drain', 'data', 'end', 'readable'];
const kMovedAfterAllowHalfOpen = ['_read', '_write', '_writev', '_destroy', '_final', '_construct',
  '_maxListeners'];

function own(obj, key, value) {
  Object.defineProperty(obj, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
}

// A prototype accessor for `key` whose setter lays out the instance: `before` runs, the own data
// property is made, then `after` runs.
function catchFirst(proto, key, before, after = undefined) {
  Object.defineProperty(proto, key, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() { return undefined; },
    set(value) {
      before(this);
      own(this, key, value);
      if (after !== undefined) after(this);
    },
  });
}

function install({ Readable, Writable, Duplex }) {
  const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
  const presetEvents = (obj) => {
    if (hasOwn(obj, '_events')) return;
    const names = obj instanceof Duplex ? kDuplexEvents :
      obj instanceof Writable ? kWritableEvents : kReadableEvents;
    const events = {};
    for (const name of names) events[name] = undefined;
    obj._events = events;
  };
  catchFirst(Readable.prototype, '_readableState', presetEvents);
  catchFirst(Writable.prototype, '_writableState', presetEvents);
  // Duplex.prototype inherits from Readable.prototype only.
  catchFirst(Duplex.prototype, '_writableState', presetEvents);
  // The Readable and Writable parts made the methods given as options and (EventEmitter's init)
  // `_maxListeners` next to their states; Node's Duplex makes them after `allowHalfOpen`.
  catchFirst(Duplex.prototype, 'allowHalfOpen', () => {}, (obj) => {
    for (const key of kMovedAfterAllowHalfOpen) {
      if (!hasOwn(obj, key)) continue;
      const value = obj[key];
      delete obj[key];
      obj[key] = value;
    }
  });
}

module.exports = { install };
