'use strict';
// Event, CustomEvent and EventTarget with Node's semantics: no tree (so no capture or bubble
// phases beyond AT_TARGET), listeners called in registration order, an exception thrown by a
// listener reported as an uncaught exception on the next tick without stopping the others.

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { exposeMembers } = require('internal/util');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kTrustEvent = Symbol('kTrustEvent');
// Shared with events.js (addAbortListener), so its listeners run even after stopImmediatePropagation.
const kResistStopPropagation = Symbol.for('nodus.event.resistStopPropagation');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kStop = Symbol('kStop');
const kTarget = Symbol('kTarget');
const kEvents = Symbol('kEvents');
const kWeakHandler = Symbol('kWeak');
const kIsEventTarget = Symbol.for('nodejs.event_target');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
// events.js owns these: setMaxListeners(n, eventTarget) and getMaxListeners() use them.
const {
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
} = require('events');
// events.getEventListeners(eventTarget, type) calls this method.
const kEventTargetListeners = Symbol.for('nodus.eventTarget.listeners');

let perfNow;
function now() {
  if (perfNow === undefined) perfNow = require('internal/perf').now;
  return perfNow();
}

let inspectFn;
function inspect(value, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, opts);
}

function inspectWith(name, obj, depth, options) {
  if (depth < 0) return name;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(obj, opts)}`;
}

const kState = Symbol('kEventState');

function isEvent(value) {
  return value != null && typeof value === 'object' && value[kState] !== undefined;
}

class Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options != null && typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    this[kState] = {
      type: `${type}`,
      bubbles: !!options?.bubbles,
      cancelable: !!options?.cancelable,
      composed: !!options?.composed,
      defaultPrevented: false,
      timestamp: now(),
      propagationStopped: false,
      trusted: options?.[kTrustEvent] === true,
      target: null,
      currentTarget: null,
      phase: 0,
      dispatching: false,
    };
  }

  initEvent(type, bubbles = false, cancelable = false) {
    const s = checkEvent(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (s.dispatching) return;
    s.type = `${type}`;
    s.bubbles = !!bubbles;
    s.cancelable = !!cancelable;
  }

  [customInspect](depth, options) {
    const s = checkEvent(this);
    const name = this.constructor.name;
    return inspectWith(name, {
      type: s.type,
      defaultPrevented: s.defaultPrevented,
      cancelable: s.cancelable,
      timeStamp: s.timestamp,
    }, depth, options);
  }

  stopImmediatePropagation() {
    const s = checkEvent(this);
    s.propagationStopped = true;
    this[kStop] = true;
  }

  preventDefault() {
    const s = checkEvent(this);
    // Node does not ignore preventDefault() in passive listeners.
    if (s.cancelable) s.defaultPrevented = true;
  }

  get target() { return checkEvent(this).target; }
  get currentTarget() { return checkEvent(this).currentTarget; }
  get srcElement() { return checkEvent(this).target; }
  get type() { return checkEvent(this).type; }
  get cancelable() { return checkEvent(this).cancelable; }
  get defaultPrevented() {
    const s = checkEvent(this);
    return s.cancelable && s.defaultPrevented;
  }
  get timeStamp() { return checkEvent(this).timestamp; }
  composedPath() {
    const s = checkEvent(this);
    return s.dispatching ? [s.currentTarget] : [];
  }
  get returnValue() {
    const s = checkEvent(this);
    return !(s.cancelable && s.defaultPrevented);
  }
  set returnValue(value) {
    if (!value) this.preventDefault();
  }
  get bubbles() { return checkEvent(this).bubbles; }
  get composed() { return checkEvent(this).composed; }
  get eventPhase() { return checkEvent(this).phase; }
  get cancelBubble() { return checkEvent(this).propagationStopped; }
  set cancelBubble(value) {
    if (value) this.stopPropagation();
  }
  stopPropagation() {
    checkEvent(this).propagationStopped = true;
  }

  static NONE = 0;
  static CAPTURING_PHASE = 1;
  static AT_TARGET = 2;
  static BUBBLING_PHASE = 3;
}

function checkEvent(self) {
  const s = self == null ? undefined : self[kState];
  if (s === undefined) throw new ERR_INVALID_THIS('Event');
  return s;
}

Object.defineProperty(Event.prototype, 'isTrusted', {
  __proto__: null, enumerable: true, configurable: true,
  get: function isTrusted() {
    const st = this == null ? undefined : this[kState];
    return st !== undefined && st.trusted;
  },
});
exposeMembers(Event.prototype, ['initEvent', 'stopImmediatePropagation', 'preventDefault', 'target',
  'currentTarget', 'srcElement', 'type', 'cancelable', 'defaultPrevented', 'timeStamp',
  'composedPath', 'returnValue', 'bubbles', 'composed', 'eventPhase', 'cancelBubble',
  'stopPropagation', 'isTrusted']);
Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Event', configurable: true,
});

class CustomEvent extends Event {
  #detail;
  constructor(type, options = {}) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() {
    if (!(#detail in this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'CustomEvent', configurable: true,
});
exposeMembers(CustomEvent.prototype, ['detail']);

// ---- EventTarget ---------------------------------------------------------------------------------

let warnedNull = false;
function validateListener(listener) {
  if (typeof listener === 'function' ||
      (listener != null && typeof listener === 'object')) {
    return true;
  }
  if (listener == null) return false;
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function emitNullWarning(type, listener) {
  if (warnedNull) return;
  const w = new Error(`addEventListener called with ${listener} which has no effect.`);
  w.name = 'AddEventListenerArgumentTypeWarning';
  w.target = undefined;
  w.type = type;
  process.emitWarning(w);
}

function validateOptions(options) {
  if (typeof options === 'boolean') return { capture: options, once: false, passive: false };
  if (options == null) return { capture: false, once: false, passive: false };
  if (typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  return {
    capture: !!options.capture,
    once: !!options.once,
    passive: !!options.passive,
    signal: options.signal,
    resist: !!options[kResistStopPropagation],
    weak: !!options[kWeakHandler],
  };
}

function checkTarget(self) {
  if (self == null || self[kEvents] === undefined) throw new ERR_INVALID_THIS('EventTarget');
}

function reportException(err) {
  process.nextTick(() => { throw err; });
}

class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  addEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const { capture, once, passive, signal, resist } = validateOptions(options);
    if (!validateListener(listener)) {
      emitNullWarning(type, listener);
      return;
    }
    type = typeof type === 'symbol' ? type : `${type}`;
    if (signal !== undefined) {
      const { validateAbortSignal } = require('internal/validators');
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, { __proto__: null, once: true, [kWeakHandler]: this, [kResistStopPropagation]: true });
    }
    let list = this[kEvents].get(type);
    if (list === undefined) {
      list = [];
      this[kEvents].set(type, list);
    }
    for (const l of list) {
      if (l.listener === listener && l.capture === capture) return;
    }
    list.push({ listener, capture, once, passive, resist, removed: false });
    checkMaxListeners(this, type, list.length);
    if (typeof this[kNewListener] === 'function') {
      this[kNewListener](list.length, type, listener, once, capture, passive);
    }
  }

  removeEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!validateListener(listener)) return;
    type = typeof type === 'symbol' ? type : `${type}`;
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    const list = this[kEvents].get(type);
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const l = list[i];
      if (l.listener === listener && l.capture === capture) {
        l.removed = true;
        list.splice(i, 1);
        if (list.length === 0) this[kEvents].delete(type);
        if (typeof this[kRemoveListener] === 'function') {
          this[kRemoveListener](list.length, type, listener, capture);
        }
        return;
      }
    }
  }

  dispatchEvent(event) {
    checkTarget(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    const s = event[kState];
    if (s.dispatching) throw new ERR_EVENT_RECURSION(s.type);
    s.dispatching = true;
    s.target = this;
    s.currentTarget = this;
    s.phase = 2;
    const list = this[kEvents].get(s.type);
    if (list !== undefined) {
      // Listeners added while dispatching wait for the next event; removed ones are skipped.
      const snapshot = list.slice();
      for (const entry of snapshot) {
        if (entry.removed) continue;
        if (event[kStop] && !entry.resist) continue;
        if (entry.once) this.removeEventListener(s.type, entry.listener, entry);
        const { listener } = entry;
        try {
          let result;
          if (typeof listener === 'function') {
            result = listener.call(this, event);
          } else if (typeof listener.handleEvent === 'function') {
            result = listener.handleEvent(event);
          }
          if (result != null && typeof result.then === 'function') {
            result.then(undefined, reportException);
          }
        } catch (err) {
          reportException(err);
        }
      }
    }
    s.currentTarget = null;
    s.phase = 0;
    s.dispatching = false;
    return !(s.cancelable && s.defaultPrevented);
  }

  [customInspect](depth, options) {
    checkTarget(this);
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({}, options)}`;
  }
}
Object.defineProperty(EventTarget.prototype, kEventTargetListeners, {
  __proto__: null, enumerable: false, configurable: true, writable: true,
  value: function listeners(type) { return getEventListeners(this, type); },
});
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'EventTarget', configurable: true,
});
exposeMembers(EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']);

function initEventTarget(self) {
  Object.defineProperty(self, kEvents, {
    __proto__: null, value: new Map(), writable: false, enumerable: false, configurable: false,
  });
  self[kMaxEventTargetListeners] = defaultMaxListeners();
  self[kMaxEventTargetListenersWarned] = false;
}

function defaultMaxListeners() {
  try {
    return require('events').defaultMaxListeners;
  } catch {
    return 10;
  }
}

function checkMaxListeners(target, type, size) {
  const max = target[kMaxEventTargetListeners];
  if (max > 0 && size > max && !target[kMaxEventTargetListenersWarned]) {
    target[kMaxEventTargetListenersWarned] = true;
    const w = new Error('Possible EventTarget memory leak detected. ' +
      `${size} ${typeof type === 'symbol' ? type.toString() : type} listeners added to ` +
      `${inspect(target, { depth: -1 })}. MaxListeners is ${max}. Use ` +
      'events.setMaxListeners() to increase limit');
    w.name = 'MaxListenersExceededWarning';
    w.target = target;
    w.type = type;
    w.count = size;
    process.emitWarning(w);
  }
}

// A trusted event dispatched by the runtime itself (AbortSignal's 'abort').
function createTrustedEvent(type) {
  return new Event(type, { [kTrustEvent]: true });
}

// The listeners of `type` on a target (events.getEventListeners).
function getEventListeners(target, type) {
  const list = target[kEvents]?.get(type);
  return list ? list.map((l) => l.listener) : [];
}

function illegalConstructor() {
  return new ERR_ILLEGAL_CONSTRUCTOR();
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  createTrustedEvent,
  getEventListeners,
  initEventTarget,
  illegalConstructor,
  isEvent,
  kEvents,
  kIsEventTarget,
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kTrustEvent,
  kWeakHandler,
  kIsBeingDispatched,
  kTarget,
};
