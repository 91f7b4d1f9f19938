'use strict';
// async_hooks: AsyncLocalStorage, AsyncResource, createHook and the execution ids, over the frames
// of internal/async_context (see there for what carries a context and what does not).

const {
  codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');
const { deprecate } = require('internal/util');
const context = require('internal/async_context');

context.state.tracking = true;

function executionAsyncId() { return context.currentFrame().asyncId; }
function triggerAsyncId() { return context.currentFrame().triggerAsyncId; }
function executionAsyncResource() { return context.currentFrame().resource; }

// ---- createHook ----------------------------------------------------------------------------------

const kHookNames = ['init', 'before', 'after', 'destroy', 'promiseResolve'];
const kHookSymbols = Object.fromEntries(kHookNames.map((name) => [name, Symbol(name)]));

class AsyncHook {
  constructor(callbacks) {
    for (const name of kHookNames) {
      const fn = callbacks[name];
      if (fn !== undefined && typeof fn !== 'function') throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
      this[kHookSymbols[name]] = fn;
    }
  }

  #callbacks() {
    return Object.fromEntries(kHookNames.map((name) => [name, this[kHookSymbols[name]]]));
  }

  enable() {
    context.addHooks(this.#callbacks());
    return this;
  }

  disable() {
    context.removeHooks(this.#callbacks());
    return this;
  }
}

function createHook(callbacks) {
  return new AsyncHook(callbacks);
}

// ---- AsyncResource -------------------------------------------------------------------------------

const asyncIdSymbol = Symbol('async_id_symbol');
const triggerAsyncIdSymbol = Symbol('trigger_async_id_symbol');
const destroyed = new FinalizationRegistry((asyncId) => context.emitDestroy(asyncId));

const boundResourceWarning = deprecate(() => {},
  'The asyncResource property on bound functions is deprecated', 'DEP0172');

class AsyncResource {
  #frame;
  #destroyToken;

  constructor(type, opts = {}) {
    validateString(type, 'type');
    let triggerId = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      triggerId = opts.triggerAsyncId === undefined ? executionAsyncId() : opts.triggerAsyncId;
      requireManualDestroy = !!opts.requireManualDestroy;
    }
    if (!Number.isSafeInteger(triggerId) || triggerId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerId);
    }
    if (type.length === 0 && context.state.hooks) throw new ERR_ASYNC_TYPE(type);
    const asyncId = context.newAsyncId();
    this[asyncIdSymbol] = asyncId;
    this[triggerAsyncIdSymbol] = triggerId;
    this.#frame = context.newFrame(this, asyncId, triggerId);
    // Without a manual emitDestroy(), 'destroy' comes when the resource is garbage collected.
    if (!requireManualDestroy && context.state.hooks) {
      this.#destroyToken = {};
      destroyed.register(this, asyncId, this.#destroyToken);
    }
    context.emitInit(asyncId, type, triggerId, this);
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const prev = context.enterFrame(this.#frame);
    try {
      return Reflect.apply(fn, thisArg, args);
    } finally {
      context.leaveFrame(prev);
    }
  }

  emitDestroy() {
    if (this.#destroyToken !== undefined) destroyed.unregister(this.#destroyToken);
    context.emitDestroy(this[asyncIdSymbol]);
    return this;
  }

  asyncId() { return this[asyncIdSymbol]; }
  triggerAsyncId() { return this[triggerAsyncIdSymbol]; }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const resource = this;
    const bound = thisArg === undefined ?
      function(...args) { return resource.runInAsyncScope(fn, this, ...args); } :
      (...args) => resource.runInAsyncScope(fn, thisArg, ...args);
    let current = resource;
    Object.defineProperties(bound, {
      length: { __proto__: null, configurable: true, enumerable: false, writable: false, value: fn.length },
      asyncResource: {
        __proto__: null,
        configurable: true,
        enumerable: true,
        get() { boundResourceWarning(); return current; },
        set(value) { current = value; },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return new AsyncResource(type).bind(fn, thisArg);
  }
}

// ---- AsyncLocalStorage ---------------------------------------------------------------------------

// How many instances are enabled: promise hooks are set only while there is one.
let enabledCount = 0;

class AsyncLocalStorage {
  constructor() {
    this.kResourceStore = Symbol('kResourceStore');
    this.enabled = false;
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const resource = new AsyncResource('AsyncLocalStorageSnapshot');
    return function runInAsyncScope(fn, ...args) {
      return resource.runInAsyncScope(fn, this, ...args);
    };
  }

  _enable() {
    if (this.enabled) return;
    this.enabled = true;
    if (enabledCount++ === 0) context.setPromiseTracking(true);
  }

  disable() {
    if (!this.enabled) return;
    this.enabled = false;
    if (--enabledCount === 0) context.setPromiseTracking(false);
    const stores = context.currentFrame().stores;
    if (stores !== null && stores.has(this)) context.setStores(context.withStore(stores, this, undefined, true));
  }

  getStore() {
    if (!this.enabled) return undefined;
    const stores = context.currentFrame().stores;
    return stores === null ? undefined : stores.get(this);
  }

  enterWith(store) {
    this._enable();
    context.setStores(context.withStore(context.currentFrame().stores, this, store));
  }

  run(store, callback, ...args) {
    // The same store already: nothing to enter.
    if (this.enabled && Object.is(store, this.getStore())) return Reflect.apply(callback, null, args);
    this._enable();
    const prev = context.enterStores(context.withStore(context.currentFrame().stores, this, store));
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      context.restoreFrame(prev);
    }
  }

  exit(callback, ...args) {
    if (!this.enabled) return Reflect.apply(callback, null, args);
    const prev = context.enterStores(context.withStore(context.currentFrame().stores, this, undefined, true));
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      context.restoreFrame(prev);
    }
  }
}

// Node's provider names (async_hooks.asyncWrapProviders), in its order; nodus reports no native
// resources to hooks, but code reads this table.
const providerNames = ['NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE',
  'FILEHANDLECLOSEREQ', 'BLOBREADER', 'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE',
  'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP', 'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM',
  'HTTP2PING', 'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'JSSTREAM', 'JSUDPWRAP',
  'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP', 'PROMISE',
  'QUERYWRAP', 'QUIC_LOGSTREAM', 'QUIC_PACKET', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER',
  'STREAMPIPE', 'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP', 'UDPWRAP',
  'SIGINTWATCHDOG', 'WORKER', 'WORKERHEAPSNAPSHOT', 'WRITEWRAP', 'ZLIB', 'CHECKPRIMEREQUEST',
  'PBKDF2REQUEST', 'KEYPAIRGENREQUEST', 'KEYGENREQUEST', 'KEYEXPORTREQUEST', 'CIPHERREQUEST',
  'DERIVEBITSREQUEST', 'HASHREQUEST', 'RANDOMBYTESREQUEST', 'RANDOMPRIMEREQUEST', 'SCRYPTREQUEST',
  'SIGNREQUEST', 'TLSWRAP', 'VERIFYREQUEST'];
const asyncWrapProviders = Object.freeze({
  __proto__: null,
  ...Object.fromEntries(providerNames.map((name, i) => [name, i])),
});

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
