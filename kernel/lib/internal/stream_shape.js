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
  // The Readable and Writable parts assign the methods given as options and (EventEmitter's init)
  // `_maxListeners` before Duplex sets `allowHalfOpen`; Node's Duplex has them after it. For a
  // Duplex those first assignments are held aside and made own properties right after
  // `allowHalfOpen`. (Deleting and re-adding them instead would turn every socket into a slow
  // dictionary-mode object.)
  const pending = new WeakMap();
  for (const key of kMovedAfterAllowHalfOpen) {
    const inherited = Object.getOwnPropertyDescriptor(Duplex.prototype, key) ||
      Object.getOwnPropertyDescriptor(Readable.prototype, key);
    const fallback = inherited === undefined ? undefined : inherited.value;
    Object.defineProperty(Duplex.prototype, key, {
      __proto__: null,
      configurable: true,
      enumerable: inherited !== undefined && inherited.enumerable,
      get() {
        const held = pending.get(this);
        return held !== undefined && key in held ? held[key] : fallback;
      },
      set(value) {
        // Only an instance under construction (its states made, allowHalfOpen not yet) defers;
        // prototypes (Socket.prototype._read = ...) and later assignments are plain.
        if (hasOwn(this, 'allowHalfOpen') ||
            !(hasOwn(this, '_readableState') || hasOwn(this, '_writableState'))) {
          own(this, key, value);
          return;
        }
        let held = pending.get(this);
        if (held === undefined) pending.set(this, held = { __proto__: null });
        held[key] = value;
      },
    });
  }
  catchFirst(Duplex.prototype, 'allowHalfOpen', () => {}, (obj) => {
    const held = pending.get(obj);
    if (held === undefined) return;
    pending.delete(obj);
    for (const key of kMovedAfterAllowHalfOpen) {
      if (key in held) own(obj, key, held[key]);
    }
  });
}

module.exports = { install };
