'use strict';
// Turns the kernel's bare `process` object into Node's process and installs the globals.
// Anything not needed by every program is installed as a lazy getter, so startup stays cheap.

// Node 20 provides Symbol.dispose and Symbol.asyncDispose, which V8 10.2 lacks, as these
// registered symbols; the library's [Symbol.for('nodejs.dispose')] methods answer to them.
for (const name of ['dispose', 'asyncDispose']) {
  if (Symbol[name] === undefined) {
    Object.defineProperty(Symbol, name, { value: Symbol.for(`nodejs.${name}`), writable: false,
                                          enumerable: false, configurable: false });
  }
}

const EventEmitter = require('events');
const native = internalBinding('process');
const taskQueues = require('internal/process/task_queues');
const { promiseRejectHandler } = require('internal/process/promises');
const perThread = require('internal/process/per_thread');

// process is an EventEmitter whose prototype is named `process`, as in Node.
const processProto = Object.create(EventEmitter.prototype, {
  constructor: { value: function process() {}, writable: true, configurable: true },
  [Symbol.toStringTag]: { value: 'process', writable: false, enumerable: false, configurable: true },
});
Object.setPrototypeOf(process, processProto);
EventEmitter.call(process);

perThread.setup(process, native);

function defineLazyGlobal(name, load, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable,
    get() {
      const value = load();
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
      return value;
    },
    set(value) {
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
    },
  });
}

function defineGlobal(name, value, enumerable = true) {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
}

defineGlobal('global', globalThis);
defineGlobal('process', process, false);
const timers = require('timers');
defineGlobal('clearImmediate', timers.clearImmediate);
defineGlobal('setImmediate', timers.setImmediate);
defineGlobal('clearInterval', timers.clearInterval);
defineGlobal('clearTimeout', timers.clearTimeout);
defineGlobal('setInterval', timers.setInterval);
defineGlobal('setTimeout', timers.setTimeout);
defineGlobal('queueMicrotask', taskQueues.queueMicrotask);

// V8's own console reaches a connected debugger; the global console calls it as well as printing.
const vmConsole = globalThis.console;
Object.defineProperty(globalThis, Symbol.for('nodus.vmConsole'), { value: vmConsole });
defineLazyGlobal('console', () => {
  const console = require('console');
  const { consoleCall } = internalBinding('inspector');
  for (const key of Object.keys(vmConsole)) {
    const nodeMethod = console[key];
    const vmMethod = vmConsole[key];
    if (typeof nodeMethod !== 'function' || typeof vmMethod !== 'function') continue;
    // A bound native function: no JS frame of ours sits between the caller and V8's console, so
    // the stack a debugger shows for a console call starts at the caller.
    const wrapped = consoleCall.bind(console, vmMethod, nodeMethod);
    Object.defineProperty(wrapped, 'name', { value: key });
    Object.defineProperty(console, key, { value: wrapped, writable: true, configurable: true, enumerable: true });
  }
  return console;
});
defineLazyGlobal('Buffer', () => require('buffer').Buffer);
defineLazyGlobal('URL', () => require('internal/url').URL);
defineLazyGlobal('URLSearchParams', () => require('internal/url').URLSearchParams);

// Web globals (TextEncoder, AbortController, EventTarget, structuredClone, atob, performance...)
// come from internal/web_globals when it exists; each is loaded on first touch.
let webGlobals;
try {
  webGlobals = require('internal/web_globals');
} catch {
  webGlobals = null;
}
if (webGlobals) {
  for (const name of Object.keys(webGlobals)) {
    const enumerable = name === 'structuredClone' || name === 'atob' || name === 'btoa' ||
      name === 'performance';
    defineLazyGlobal(name, webGlobals[name], enumerable);
  }
}

// Web Crypto (crypto, Crypto, CryptoKey, SubtleCrypto) comes from the crypto plugin, opened on
// first touch; a runtime without the plugin has none of them, as a Node built without OpenSSL.
function webcrypto() {
  try {
    return require('crypto').webcrypto;
  } catch {
    return undefined;
  }
}
defineLazyGlobal('crypto', webcrypto, true);
defineLazyGlobal('Crypto', () => webcrypto()?.constructor);
defineLazyGlobal('CryptoKey', () => webcrypto()?.CryptoKey);
defineLazyGlobal('SubtleCrypto', () => webcrypto()?.subtle.constructor);

const hooks = {
  tickCallback: taskQueues.processTicksAndRejections,
  fatalException: require('internal/process/execution').onGlobalUncaughtException,
  promiseReject: promiseRejectHandler,
  emitBeforeExit() {
    if (process._exiting) return;
    process.emit('beforeExit', process.exitCode === undefined ? 0 : process.exitCode | 0);
  },
  emitExit() {
    process._exiting = true;
    const code = process.exitCode === undefined ? 0 : process.exitCode | 0;
    process.emit('exit', code);
    return process.exitCode === undefined ? 0 : process.exitCode | 0;
  },
  processTimers: require('internal/timers').processTimers,
  processImmediates: require('internal/timers').processImmediates,
  // ES modules load on first use: import() and import.meta reach the loader through these.
  importModuleDynamically(specifier, referrer, attributes, vmImportMode) {
    return require('internal/modules/esm/loader').importModuleDynamically(specifier, referrer, attributes, vmImportMode);
  },
  initializeImportMeta(meta, wrap) {
    require('internal/modules/esm/loader').initializeImportMeta(meta, wrap);
  },
};

// Per-process state: native hooks, shared arrays and the process fields that differ per run.
function rehydrate(freshNative) {
  freshNative.setup(hooks, taskQueues.tickInfo, process);
  require('internal/timers').rehydrate();
  perThread.refresh(process, freshNative);
}

module.exports = { rehydrate };
