'use strict';
// The inspector module: open/close/url/waitForDebugger for the DevTools server, and Session for
// speaking the Chrome DevTools Protocol from inside the program (profilers, heap snapshots).

const EventEmitter = require('events');
const binding = internalBinding('inspector');

function codes() { return require('internal/errors').codes; }

const kSessionId = Symbol('kSessionId');
const kCallbacks = Symbol('kCallbacks');
const kNextId = Symbol('kNextId');

class Session extends EventEmitter {
  constructor() {
    super();
    this[kSessionId] = null;
    this[kCallbacks] = new Map();
    this[kNextId] = 1;
  }

  connect() {
    if (this[kSessionId] !== null) throw new (codes().ERR_INSPECTOR_ALREADY_CONNECTED)('The inspector session');
    this[kSessionId] = binding.connect((message) => this._onMessage(message));
  }

  // Only a worker thread can connect to the main thread's inspector; nodus has no workers.
  connectToMainThread() {
    throw new (codes().ERR_INSPECTOR_NOT_WORKER)();
  }

  // Called by the agent, synchronously inside post() for most replies. A throwing callback or
  // listener becomes a process warning, as in Node, so the agent never sees a JS exception.
  _onMessage(message) {
    const parsed = JSON.parse(message);
    try {
      if (parsed.id !== undefined) {
        const callback = this[kCallbacks].get(parsed.id);
        this[kCallbacks].delete(parsed.id);
        if (!callback) return;
        if (parsed.error) {
          callback(new (codes().ERR_INSPECTOR_COMMAND)(parsed.error.code, parsed.error.message));
          return;
        }
        callback(null, parsed.result);
      } else {
        this.emit(parsed.method, parsed);
        this.emit('inspectorNotification', parsed);
      }
    } catch (err) {
      process.emitWarning(err);
    }
  }

  post(method, params, callback) {
    const { validateFunction, validateObject, validateString } = require('internal/validators');
    validateString(method, 'method');
    if (!callback && typeof params === 'function') {
      callback = params;
      params = null;
    }
    if (params) validateObject(params, 'params');
    if (callback) validateFunction(callback, 'callback');
    if (this[kSessionId] === null) throw new (codes().ERR_INSPECTOR_NOT_CONNECTED)();
    const id = this[kNextId]++;
    const message = { id, method };
    if (params) message.params = params;
    if (callback) this[kCallbacks].set(id, callback);
    binding.dispatch(this[kSessionId], JSON.stringify(message));
  }

  disconnect() {
    if (this[kSessionId] === null) return;
    binding.disconnect(this[kSessionId]);
    this[kSessionId] = null;
    const pending = [...this[kCallbacks].values()];
    this[kCallbacks].clear();
    this[kNextId] = 1;
    for (const cb of pending) process.nextTick(cb, new (codes().ERR_INSPECTOR_CLOSED)());
  }
}

// Starts the DevTools server at run time (as --inspect does at startup). A port that cannot be
// bound is reported on stderr and leaves the inspector inactive, as in Node.
function open(port, host, wait) {
  if (binding.url() !== undefined) throw new (codes().ERR_INSPECTOR_ALREADY_ACTIVATED)();
  // Like Node, only an unsigned 32-bit number is checked; anything else means the default port.
  if (typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 0xffffffff) {
    const { validateInt32 } = require('internal/validators');
    validateInt32(port, 'port', 0, 65535);
  } else {
    port = undefined;
  }
  binding.open(port ?? process.debugPort, typeof host === 'string' && host ? host : undefined);
  if (wait) waitForDebugger();
  return { __proto__: null, [Symbol.dispose ?? Symbol.for('nodejs.dispose')]() { binding.close(); } };
}

function waitForDebugger() {
  if (!binding.waitForDebugger()) throw new (codes().ERR_INSPECTOR_NOT_ACTIVE)();
}

module.exports = {
  open,
  close: () => binding.close(),
  url: () => binding.url(),
  waitForDebugger,
  // The V8 console: its calls are seen by a connected debugger only.
  console: globalThis[Symbol.for('nodus.vmConsole')] || {},
  Session,
};
