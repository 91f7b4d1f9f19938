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
    if (this[kSessionId] !== null) {
      const err = new Error('The inspector session is already connected');
      err.code = 'ERR_INSPECTOR_ALREADY_CONNECTED';
      throw err;
    }
    this[kSessionId] = binding.connect((message) => this._onMessage(message));
  }

  connectToMainThread() {
    const err = new Error('Session.connectToMainThread() is for worker threads, which nodus does not have');
    err.code = 'ERR_INSPECTOR_NOT_WORKER';
    throw err;
  }

  _onMessage(message) {
    const parsed = JSON.parse(message);
    if (parsed.id !== undefined) {
      const callback = this[kCallbacks].get(parsed.id);
      this[kCallbacks].delete(parsed.id);
      if (callback) {
        if (parsed.error) {
          const err = new Error(`${parsed.error.message}${parsed.error.data ? ` ${parsed.error.data}` : ''}`);
          err.code = 'ERR_INSPECTOR_COMMAND';
          callback(err);
        } else {
          callback(null, parsed.result);
        }
      }
    } else {
      this.emit(parsed.method, parsed);
      this.emit('inspectorNotification', parsed);
    }
  }

  post(method, params, callback) {
    if (typeof method !== 'string') throw new (codes().ERR_INVALID_ARG_TYPE)('method', 'string', method);
    if (!callback && typeof params === 'function') {
      callback = params;
      params = null;
    }
    if (params !== null && params !== undefined && typeof params !== 'object') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('params', 'Object', params);
    }
    if (callback !== undefined && typeof callback !== 'function') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('callback', 'Function', callback);
    }
    if (this[kSessionId] === null) {
      const err = new Error('Session is not connected');
      err.code = 'ERR_INSPECTOR_NOT_CONNECTED';
      throw err;
    }
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
    for (const cb of pending) {
      const err = new Error('Session was closed');
      err.code = 'ERR_INSPECTOR_CLOSED';
      process.nextTick(cb, err);
    }
  }
}

function open(port, host, wait) {
  if (binding.url() !== undefined) {
    const err = new Error('The inspector is already activated');
    err.code = 'ERR_INSPECTOR_ALREADY_ACTIVATED';
    throw err;
  }
  if (port !== undefined && port !== null) {
    const { validateInt32 } = require('internal/validators');
    validateInt32(port, 'port', 0, 65535);
  }
  binding.open(port ?? process.debugPort, host ?? '127.0.0.1');
  if (wait) binding.waitForDebugger();
  return { [Symbol.dispose ?? Symbol.for('nodejs.dispose')]() { binding.close(); } };
}

function waitForDebugger() {
  if (!binding.waitForDebugger()) {
    const err = new Error('The inspector is not active');
    err.code = 'ERR_INSPECTOR_NOT_ACTIVE';
    throw err;
  }
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
