'use strict';
// `mock` of node:test (and `t.mock`): mock functions that record their calls, methods, getters
// and setters replaced by them and put back by restore()/restoreAll()/reset(). Mock timers are not
// provided.

const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } } = require('internal/errors');

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'function', value);
}

function validateTimes(times) {
  if (times === undefined) return Infinity;
  if (times !== Infinity && (!Number.isInteger(times) || times < 1)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    if (typeof times !== 'number') throw new ERR_INVALID_ARG_TYPE('options.times', 'number', times);
    throw new ERR_OUT_OF_RANGE('options.times', '>= 1', times);
  }
  return times;
}

// What `mockFn.mock` is: the calls so far and the implementation to use next.
class MockFunctionContext {
  #calls = [];
  #once = new Map();
  #implementation;
  #restoreTo;
  #times;

  constructor(implementation, restoreTo, times) {
    this.#implementation = implementation;
    this.#restoreTo = restoreTo;
    this.#times = times;
  }

  get calls() {
    return this.#calls.slice();
  }

  callCount() {
    return this.#calls.length;
  }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const next = this.#calls.length;
    const at = onCall ?? next;
    if (!Number.isInteger(at) || at < next) {
      const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
      if (typeof at !== 'number') throw new ERR_INVALID_ARG_TYPE('onCall', 'number', at);
      throw new ERR_OUT_OF_RANGE('onCall', `>= ${next}`, at);
    }
    this.#once.set(at, implementation);
  }

  resetCalls() {
    this.#calls = [];
  }

  // A mocked method gets its property back; a mock function calls its original again.
  restore() {
    const r = this.#restoreTo;
    if (r.object !== undefined) Object.defineProperty(r.object, r.name, r.descriptor);
    else this.#implementation = r.original;
  }

  // The implementation for the call about to be made.
  nextImplementation() {
    const n = this.#calls.length;
    const once = this.#once.get(n);
    this.#once.delete(n);
    const impl = once ?? this.#implementation;
    if (n + 1 === this.#times) this.restore();
    return impl;
  }

  record(call) {
    this.#calls.push(call);
  }
}

class MockTracker {
  #contexts = [];

  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    const times = validateTimes(options?.times);
    const ctx = new MockFunctionContext(implementation, { original }, times);
    return this.#track(ctx, original);
  }

  method(object, name, implementation, options) {
    if ((object === null || typeof object !== 'object') && typeof object !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
    }
    if (typeof name !== 'string' && typeof name !== 'symbol') {
      throw new ERR_INVALID_ARG_TYPE('methodName', ['string', 'symbol'], name);
    }
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    const getter = Boolean(options?.getter);
    const setter = Boolean(options?.setter);
    if (getter && setter) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', setter, "cannot be used with 'options.getter'");
    }
    let descriptor;
    for (let o = object; o !== null && descriptor === undefined; o = Object.getPrototypeOf(o)) {
      descriptor = Object.getOwnPropertyDescriptor(o, name);
    }
    const original = descriptor === undefined ? undefined :
      getter ? descriptor.get : setter ? descriptor.set : descriptor.value;
    if (typeof original !== 'function') {
      throw new ERR_INVALID_ARG_VALUE(name, original, 'must be a method');
    }
    if (implementation === undefined) implementation = original;
    validateFunction(implementation, 'implementation');
    const times = validateTimes(options?.times);
    const own = Object.getOwnPropertyDescriptor(object, name);
    const restoreDescriptor = own ?? { ...descriptor };
    const ctx = new MockFunctionContext(implementation, { object, name, descriptor: restoreDescriptor }, times);
    const mock = this.#track(ctx, original);
    const replacement = { configurable: descriptor.configurable, enumerable: descriptor.enumerable };
    if (getter) {
      replacement.get = mock;
      replacement.set = descriptor.set;
    } else if (setter) {
      replacement.get = descriptor.get;
      replacement.set = mock;
    } else {
      replacement.value = mock;
      replacement.writable = descriptor.writable;
    }
    Object.defineProperty(object, name, replacement);
    return mock;
  }

  getter(object, name, implementation, options) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    if (options?.getter === false) {
      throw new ERR_INVALID_ARG_VALUE('options.getter', false, 'cannot be false');
    }
    return this.method(object, name, implementation, { ...options, getter: true });
  }

  setter(object, name, implementation, options) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    if (options?.setter === false) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', false, 'cannot be false');
    }
    return this.method(object, name, implementation, { ...options, setter: true });
  }

  reset() {
    this.restoreAll();
    this.#contexts = [];
  }

  restoreAll() {
    for (const ctx of this.#contexts) ctx.restore();
  }

  #track(ctx, original) {
    this.#contexts.push(ctx);
    return new Proxy(original, {
      apply(_, thisArg, args) {
        const impl = ctx.nextImplementation();
        let result;
        let error;
        try {
          result = Reflect.apply(impl, thisArg, args);
          return result;
        } catch (err) {
          error = err;
          throw err;
        } finally {
          ctx.record({ arguments: args, error, result, stack: new Error(), target: undefined, this: thisArg });
        }
      },
      construct(target, args, newTarget) {
        const impl = ctx.nextImplementation();
        let result;
        let error;
        try {
          result = Reflect.construct(impl, args, newTarget);
          return result;
        } catch (err) {
          error = err;
          throw err;
        } finally {
          ctx.record({ arguments: args, error, result, stack: new Error(), target, this: result });
        }
      },
      get(target, property, receiver) {
        if (property === 'mock') return ctx;
        return Reflect.get(target, property, receiver);
      },
    });
  }
}

module.exports = { MockTracker };
