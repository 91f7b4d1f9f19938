'use strict';
// AbortController and AbortSignal (abort, timeout, any) over the kernel's EventTarget.

const {
  EventTarget,
  createTrustedEvent,
  initEventTarget,
  kResistStopPropagation,
} = require('internal/event_target');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const { validateAbortSignalArray, validateUint32 } = require('internal/validators');
const { exposeMembers } = require('internal/util');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kOnabort = Symbol('kOnabort');
const kDontThrow = Symbol('kDontThrow');

let DOMException;
function domException(message, name) {
  if (DOMException === undefined) DOMException = require('internal/dom_exception');
  return new DOMException(message, name);
}

let inspectFn;
function inspect(value, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, opts);
}

function customInspectWith(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function validateThisSignal(self) {
  if (self == null || self[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

class AbortSignal extends EventTarget {
  constructor(key = undefined) {
    if (key !== kDontThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  get aborted() {
    validateThisSignal(this);
    return this[kAborted];
  }

  get reason() {
    validateThisSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  get onabort() {
    validateThisSignal(this);
    return this[kOnabort]?.handler ?? null;
  }

  set onabort(handler) {
    validateThisSignal(this);
    const current = this[kOnabort];
    if (current) this.removeEventListener('abort', current.wrapper);
    if (typeof handler === 'function' || (handler !== null && typeof handler === 'object')) {
      const wrapper = (event) => {
        if (typeof handler === 'function') return handler.call(this, event);
        return undefined;
      };
      this[kOnabort] = { handler, wrapper };
      this.addEventListener('abort', wrapper);
    } else {
      this[kOnabort] = undefined;
    }
  }

  [customInspect](depth, options) {
    return customInspectWith(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = domException('This operation was aborted', 'AbortError')) {
    return createAbortSignal({ aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    // The timer does not keep the process alive, as in Node.
    const timer = setTimeout(() => {
      abortSignal(signal, domException('The operation was aborted due to timeout',
                                       'TimeoutError'));
    }, delay);
    if (typeof timer?.unref === 'function') timer.unref();
    return signal;
  }

  static any(signals) {
    validateAbortSignalArray(signals, 'signals');
    const result = createAbortSignal();
    for (const signal of signals) {
      if (signal.aborted) {
        result[kAborted] = true;
        result[kReason] = signal.reason;
        return result;
      }
    }
    const sources = signals.slice();
    const listeners = [];
    const onAbort = (source) => {
      for (const [s, fn] of listeners) s.removeEventListener('abort', fn);
      abortSignal(result, source.reason);
    };
    for (const source of sources) {
      const fn = () => onAbort(source);
      listeners.push([source, fn]);
      source.addEventListener('abort', fn, { __proto__: null, once: true,
                                             [kResistStopPropagation]: true });
    }
    return result;
  }
}

Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'AbortSignal', configurable: true,
});
exposeMembers(AbortSignal.prototype, ['aborted', 'onabort']);

function createAbortSignal(init = {}) {
  const signal = new AbortSignal(kDontThrow);
  signal[kAborted] = !!init.aborted;
  signal[kReason] = init.reason;
  return signal;
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  signal.dispatchEvent(createTrustedEvent('abort'));
}

class AbortController {
  #signal;

  constructor() {
    this.#signal = createAbortSignal();
  }

  get signal() {
    if (!(#signal in this)) throw new ERR_INVALID_THIS('AbortController');
    return this.#signal;
  }

  abort(reason = domException('This operation was aborted', 'AbortError')) {
    if (!(#signal in this)) throw new ERR_INVALID_THIS('AbortController');
    abortSignal(this.#signal, reason);
  }

  [customInspect](depth, options) {
    return customInspectWith(this, { signal: this.signal }, depth, options);
  }
}

Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'AbortController', configurable: true,
});
exposeMembers(AbortController.prototype, ['signal', 'abort']);

module.exports = {
  AbortController,
  AbortSignal,
  abortSignal,
  createAbortSignal,
  kAborted,
  initEventTarget,
};
