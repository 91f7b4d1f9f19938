'use strict';
// net.Socket: a Duplex stream over a native TCP or Pipe handle (see src/stream_handle.cc).
//
// Reading: the handle calls `handle.onread(nread, arrayBuffer, offset)`; the bytes are a slice of
// the binding's read slab, wrapped as a Buffer without copying, and pushed into the stream. When
// push() says the buffer is full the handle stops reading until _read() is called again, which is
// how a slow consumer throttles the peer (TCP flow control does the rest).
//
// Writing: _write/_writev hand Buffers (or strings, encoded once natively) to the handle, which
// tries uv_try_write first and queues only what the kernel did not take. A write that finished at
// once completes synchronously; otherwise `req.oncomplete(status)` runs later.
//
// 'close' is emitted by the handle's close callback (emitClose is off in the stream), with
// hadError = whether destroy() got an error, as in Node.

const { Duplex } = require('stream');
const { Buffer } = require('buffer');
const timers = require('timers');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FD_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_IP_ADDRESS,
    ERR_MISSING_ARGS,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
    ERR_OUT_OF_RANGE,
  },
  errnoException,
  exceptionWithHostPort,
} = require('internal/errors');
const {
  validateFunction,
  validateNumber,
  validateInt32,
  validatePort,
  validateString,
  validateAbortSignal,
} = require('internal/validators');
const { isIP } = require('internal/net/ip');
const { kNormalized, normalizeArgs } = require('internal/net/args');
const asyncContext = require('internal/async_context');

const { TCP, Pipe, streamState, constants } = binding;
const { UV_EOF, UV_ENOTCONN, SOCKET } = constants;

const kOwner = Symbol('owner');
const kTimeout = Symbol('timeout');
const kBytesRead = Symbol('bytesRead');
const kBytesWritten = Symbol('bytesWritten');
const kInflight = Symbol('inflightBytes');
const kSetNoDelay = Symbol('setNoDelay');
const kSetKeepAlive = Symbol('setKeepAlive');
const kKeepAliveDelay = Symbol('keepAliveInitialDelay');
const kConnectAttempts = Symbol('connectAttempts');
const kBuffer = Symbol('onreadBuffer');
const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kBufferCb = Symbol('onreadCallback');

let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;

function noop() {}

// A handle for an inherited or passed file descriptor: TCP or Pipe as the OS says it is.
function createHandle(fd, isServer) {
  validateInt32(fd, 'fd', 0);
  const type = binding.guessHandleType(fd);
  if (type === 'PIPE' || type === 'UNIX') return new Pipe(isServer ? 1 : SOCKET);
  if (type === 'TCP') return new TCP(isServer ? 1 : SOCKET);
  throw new ERR_INVALID_FD_TYPE(type);
}

// ---- reading ------------------------------------------------------------------------------

function tryReadStart(socket) {
  const handle = socket._handle;
  handle.reading = true;
  const err = handle.readStart();
  if (err) socket.destroy(errnoException(err, 'read'));
}

// handle.onread: `this` is the handle. Its signature (three parameters: nread, arrayBuffer,
// offset) is the contract plugins/net/README.md gives other plugins; http checks its arity.
function onStreamRead(nread, arrayBuffer, offset) {
  const socket = this[kOwner];
  if (socket === undefined) return;
  if (nread > 0) {
    socket[kBytesRead] += nread;
    if (socket[kTimeout] !== null) socket[kTimeout].refresh();
    // The readable buffer is full: stop until the consumer asks for more (_read).
    if (!socket.push(Buffer.from(arrayBuffer, offset, nread))) stopReading(socket);
    return;
  }
  onReadEnd(socket, nread);
}

function onReadEnd(socket, nread) {
  if (nread !== UV_EOF) {
    socket.destroy(errnoException(nread, 'read'));
    return;
  }
  // The peer sent FIN; libuv stopped reading by itself.
  if (socket._handle !== null) socket._handle.reading = false;
  socket.push(null);
  socket.read(0);
}

function stopReading(socket) {
  const handle = socket._handle;
  if (handle !== null && handle.reading) {
    handle.reading = false;
    const err = handle.readStop();
    if (err) socket.destroy(errnoException(err, 'read'));
  }
}

// handle.onread for sockets made with the `onread: { buffer, callback }` option: the bytes are
// copied into the caller's buffer (in pieces if it is smaller than the read) and handed to the
// callback instead of 'data'; a callback returning false pauses reading until resume().
function onStreamReadIntoBuffer(nread, arrayBuffer, offset) {
  const socket = this[kOwner];
  if (socket === undefined) return;
  if (nread <= 0) {
    onReadEnd(socket, nread);
    return;
  }
  socket[kBytesRead] += nread;
  if (socket[kTimeout] !== null) socket[kTimeout].refresh();
  let pos = 0;
  while (pos < nread) {
    const source = socket[kBuffer];
    const buf = typeof source === 'function' ? source() : source;
    const n = Math.min(buf.length, nread - pos);
    buf.set(new Uint8Array(arrayBuffer, offset + pos, n), 0);
    pos += n;
    if (socket[kBufferCb].call(socket, n, buf) === false) stopReading(socket);
  }
}

// Without allowHalfOpen the stream ends the writable side itself once 'end' was emitted; from then
// on writing is an error, reported the way Node does.
function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

// ---- the socket ---------------------------------------------------------------------------

// With async_hooks tracking, a socket that opens its own handle (connect) keeps the async
// context of that code for the handle's callbacks (reads, connect, writes, shutdown, close), as
// in Node; accepted sockets keep none. The *InFrame variants of the callbacks enter it.
const kAsyncFrame = asyncContext.kResourceFrame;

function onStreamReadInFrame(nread, arrayBuffer, offset) {
  const socket = this[kOwner];
  const fn = socket !== undefined && socket[kBuffer] !== null ? onStreamReadIntoBuffer : onStreamRead;
  if (socket === undefined || socket[kAsyncFrame] === undefined) return fn.call(this, nread, arrayBuffer, offset);
  return asyncContext.callInFrame(socket[kAsyncFrame], fn, this, nread, arrayBuffer, offset);
}

// req.oncomplete for a request of a socket with a frame: `this` is the request.
function completeInFrame(fn) {
  return function oncompleteInFrame(status) {
    return asyncContext.callInFrame(this.socket[kAsyncFrame], fn, this, status);
  };
}

function initSocketHandle(socket) {
  socket._sockname = null;
  const handle = socket._handle;
  if (handle) {
    handle[kOwner] = socket;
    if (socket[kAsyncFrame] !== undefined) handle.onread = onStreamReadInFrame;
    else handle.onread = socket[kBuffer] !== null ? onStreamReadIntoBuffer : onStreamRead;
    handle.reading = false;
    if (socket[kSetNoDelay] && handle.setNoDelay) handle.setNoDelay(true);
    if (socket[kSetKeepAlive] && handle.setKeepAlive) {
      handle.setKeepAlive(true, socket[kKeepAliveDelay]);
    }
  }
}

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };

  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this[kAsyncFrame] = undefined;
  this._parent = null;
  this._host = null;
  this._peername = null;
  this._sockname = null;
  this._pendingData = null;
  this._pendingEncoding = '';
  this.server = null;
  this._server = null;
  this[kTimeout] = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  this[kInflight] = 0;
  this[kLastWriteQueueSize] = 0;
  this[kBuffer] = null;
  this[kBufferCb] = null;
  const { onread } = options;
  if (onread !== null && typeof onread === 'object' &&
      (onread.buffer instanceof Uint8Array || typeof onread.buffer === 'function') &&
      typeof onread.callback === 'function') {
    this[kBuffer] = onread.buffer;
    this[kBufferCb] = onread.callback;
  }
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kKeepAliveDelay] = ~~((options.keepAliveInitialDelay || 0) / 1000);

  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false;  // 'close' comes from the handle's close callback, with hadError
  options.autoDestroy = true;
  options.decodeStrings = false;  // strings go to the handle as they are, encoded once natively
  Duplex.call(this, options);
  this.allowHalfOpen = options.allowHalfOpen;

  if (options.handle) {
    this._handle = options.handle;
  } else if (options.fd !== undefined) {
    const { fd } = options;
    this._handle = createHandle(fd, false);
    const err = this._handle.open(fd);
    if (err) throw errnoException(err, 'open');
    if ((fd === 1 || fd === 2) && this._handle instanceof Pipe) {
      // Keep stdout/stderr pipes from holding the process open, as Node does.
      this._handle.unref();
    }
  }
  if (this._handle) initSocketHandle(this);

  this.on('end', onReadableStreamEnd);

  if (this._handle !== null && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }

  if (options.signal) {
    validateAbortSignal(options.signal, 'options.signal');
    const { signal } = options;
    const onAbort = () => {
      const { AbortError } = require('internal/errors');
      this.destroy(new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

Object.defineProperty(Socket.prototype, 'pending', {
  configurable: true,
  get() { return !this._handle || this.connecting; },
});

Object.defineProperty(Socket.prototype, 'readyState', {
  configurable: true,
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

Object.defineProperty(Socket.prototype, 'bufferSize', {
  configurable: true,
  get() { return this._handle ? this.writableLength : undefined; },
});

Object.defineProperty(Socket.prototype, 'bytesRead', {
  configurable: true,
  get() { return this[kBytesRead]; },
});

// Bytes handed to the OS plus bytes still waiting in the stream's buffer (Node's definition). The
// chunk being written counts once: it is in writableLength until its callback, and either already
// dispatched (kInflight) or held until 'connect' (_pendingData, not dispatched yet).
Object.defineProperty(Socket.prototype, 'bytesWritten', {
  configurable: true,
  get() {
    let pending = this.writableLength;
    if (!this._pendingData) pending -= this[kInflight];
    return this[kBytesWritten] + (pending > 0 ? pending : 0);
  },
});

Object.defineProperty(Socket.prototype, '_connecting', {
  configurable: true,
  get() { return this.connecting; },
});

Socket.prototype._getpeername = function() {
  if (!this._handle || !this._handle.getpeername || this.connecting) return this._peername || {};
  if (!this._peername) {
    const out = {};
    const err = this._handle.getpeername(out);
    if (err) return out;
    this._peername = out;
  }
  return this._peername;
};

Socket.prototype._getsockname = function() {
  if (!this._handle || !this._handle.getsockname) return {};
  if (!this._sockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) return out;
    this._sockname = out;
  }
  return this._sockname;
};

function peerProp(name) {
  return { configurable: true, get() { return this._getpeername()[name]; } };
}
function sockProp(name) {
  return { configurable: true, get() { return this._getsockname()[name]; } };
}
Object.defineProperties(Socket.prototype, {
  remoteAddress: peerProp('address'),
  remoteFamily: peerProp('family'),
  remotePort: peerProp('port'),
  localAddress: sockProp('address'),
  localFamily: sockProp('family'),
  localPort: sockProp('port'),
});

Socket.prototype.address = function() {
  return this._getsockname();
};

// ---- timeouts -----------------------------------------------------------------------------

Socket.prototype.setTimeout = function(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  validateNumber(msecs, 'msecs');
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs);
  }
  if (this[kTimeout] !== null) {
    timers.clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    // An unref'd timer refreshed on every read and write: an idle socket times out, a busy one
    // never does, and the timer alone never keeps the process alive.
    this[kTimeout] = timers.setTimeout(() => this._onTimeout(), msecs).unref();
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
};

// A socket whose queued writes are still draining is not idle: while libuv's write queue keeps
// changing between two timer expiries the timeout is pushed back instead of emitted.
Socket.prototype._onTimeout = function() {
  const handle = this._handle;
  const last = this[kLastWriteQueueSize];
  if (last > 0 && handle) {
    const size = handle.getWriteQueueSize();
    if (size !== last) {
      this[kLastWriteQueueSize] = size;
      this._unrefTimer();
      return;
    }
  }
  this.emit('timeout');
};

Socket.prototype._unrefTimer = function() {
  if (this[kTimeout] !== null) this[kTimeout].refresh();
};

// ---- options ------------------------------------------------------------------------------

Socket.prototype.setNoDelay = function(enable) {
  enable = enable === undefined ? true : Boolean(enable);
  if (!this._handle) {
    this[kSetNoDelay] = enable;
    return this;
  }
  if (this._handle.setNoDelay && enable !== this[kSetNoDelay]) {
    this[kSetNoDelay] = enable;
    this._handle.setNoDelay(enable);
  }
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const delay = ~~((initialDelayMsecs || 0) / 1000);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kKeepAliveDelay] = delay;
    return this;
  }
  if (this._handle.setKeepAlive && enable !== this[kSetKeepAlive]) {
    this[kSetKeepAlive] = enable;
    this[kKeepAliveDelay] = delay;
    this._handle.setKeepAlive(enable, delay);
  }
  return this;
};

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  if (typeof this._handle.ref === 'function') this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  if (typeof this._handle.unref === 'function') this._handle.unref();
  return this;
};

// ---- stream plumbing ----------------------------------------------------------------------

Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype.pause = function() {
  // With the onread option nothing fills the stream's buffer: pausing stops the handle itself.
  if (this[kBuffer] !== null && !this.connecting && this._handle && this._handle.reading &&
      !this.destroyed) {
    stopReading(this);
  }
  return Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function() {
  if (this._handle && !this.connecting && !this._handle.reading && !this.destroyed &&
      !this.readableEnded && this._readableState.length < this.readableHighWaterMark) {
    tryReadStart(this);
  }
  return Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function(n) {
  return Duplex.prototype.read.call(this, n);
};

Socket.prototype.end = function(data, encoding, callback) {
  Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

// Ends the writable side, then destroys once everything was written.
Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

// Closes with a TCP RST instead of a FIN.
Socket.prototype.resetAndDestroy = function() {
  if (this._handle) {
    if (!(this._handle instanceof TCP)) throw new ERR_INVALID_HANDLE_TYPE();
    if (this.connecting) {
      this.once('connect', () => this._reset());
    } else {
      this._reset();
    }
    return this;
  }
  this.destroy(new ERR_SOCKET_CLOSED());
  return this;
};

Socket.prototype._reset = function() {
  this.resetAndClosing = true;
  return this.destroy();
};

function afterWrite(status) {
  const socket = this.socket;
  socket[kInflight] = 0;
  const cb = this.cb;
  if (socket.destroyed) {
    cb(null);
    return;
  }
  if (status < 0) {
    cb(errnoException(status, 'write'));
    return;
  }
  socket._unrefTimer();
  cb(null);
}

const afterWriteInFrame = completeInFrame(afterWrite);
function dispatchWrite(socket, data, encoding, cb, writev) {
  const handle = socket._handle;
  const req = { oncomplete: socket[kAsyncFrame] === undefined ? afterWrite : afterWriteInFrame, socket, cb };
  let err;
  if (writev) {
    err = handle.writev(req, data);
  } else if (typeof data === 'string') {
    switch (encoding) {
      case 'utf8': case 'utf-8':
        err = handle.writeUtf8String(req, data);
        break;
      case 'latin1': case 'binary':
        err = handle.writeLatin1String(req, data);
        break;
      default:
        err = handle.writeBuffer(req, Buffer.from(data, encoding));
    }
  } else {
    err = handle.writeBuffer(req, data);
  }
  if (err !== 0) {
    cb(errnoException(err, 'write'));
    return;
  }
  const bytes = streamState[0];
  socket[kBytesWritten] += bytes;
  if (streamState[1] === 0) {
    cb();
  } else {
    socket[kInflight] = bytes;
    socket[kLastWriteQueueSize] = handle.getWriteQueueSize();
  }
}

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (this.connecting) {
    // Held until 'connect'; a socket destroyed before that reports it to the writer.
    this._pendingData = data;
    this._pendingEncoding = encoding;
    const onClose = () => cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (!this._handle) {
    cb(new ERR_SOCKET_CLOSED());
    return;
  }
  this._unrefTimer();
  if (writev) {
    const list = new Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const { chunk, encoding: enc } = data[i];
      list[i] = typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk;
    }
    dispatchWrite(this, list, null, cb, true);
  } else {
    dispatchWrite(this, data, encoding, cb, false);
  }
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

function afterShutdown() {
  this.cb();
}
const afterShutdownInFrame = completeInFrame(afterShutdown);

Socket.prototype._final = function(cb) {
  if (this.connecting) {
    this.once('connect', () => this._final(cb));
    return;
  }
  if (!this._handle) {
    cb();
    return;
  }
  const req = { oncomplete: this[kAsyncFrame] === undefined ? afterShutdown : afterShutdownInFrame, socket: this, cb };
  const err = this._handle.shutdown(req);
  if (err === UV_ENOTCONN || err === binding.constants.UV_EINVAL) cb();
  else if (err !== 0) cb(errnoException(err, 'shutdown'));
};

// A socket that never had a handle closes without the hadError argument, as in Node.
function emitCloseNT(socket) {
  socket.emit('close');
}

Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  if (this[kTimeout] !== null) {
    timers.clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  if (this._handle) {
    const isException = Boolean(exception);
    const handle = this._handle;
    const frame = this[kAsyncFrame];
    const onClosed = frame === undefined ? () => this.emit('close', isException) :
      () => asyncContext.callInFrame(frame, this.emit, this, 'close', isException);
    if (this.resetAndClosing) {
      this.resetAndClosing = false;
      const err = handle.reset(onClosed);
      if (err) handle.close(onClosed);
    } else {
      handle.close(onClosed);
    }
    handle.onread = noop;
    this._handle = null;
    this._sockname = null;
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(emitCloseNT, this);
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

// ---- connecting ---------------------------------------------------------------------------

function afterConnect(status) {
  const socket = this.socket;
  if (socket.destroyed || socket._handle !== this.handle) return;
  socket._sockname = null;
  if (status !== 0 && this.next) {
    // Another address is left to try: the socket stays connecting.
    this.next(exceptionWithHostPort(status, 'connect', this.address, this.port));
    return;
  }
  socket.connecting = false;
  if (status === 0) {
    socket._unrefTimer();
    socket.emit('connect');
    socket.emit('ready');
    if (socket.readable && !socket.isPaused()) socket.read(0);
    return;
  }
  let details;
  if (this.localAddress && this.localPort) details = `${this.localAddress}:${this.localPort}`;
  const ex = exceptionWithHostPort(status, 'connect', this.address, this.port, details);
  if (details) {
    ex.localAddress = this.localAddress;
    ex.localPort = this.localPort;
  }
  socket.destroy(ex);
}

const afterConnectInFrame = completeInFrame(afterConnect);

// Starts one connection attempt on the socket's current handle. Returns false (after destroying
// or delegating to onFail) when it could not even start.
function internalConnect(socket, address, port, addressType, localAddress, localPort, onFail) {
  const handle = socket._handle;
  let err;
  if (localAddress || localPort) {
    if (addressType === 4) err = handle.bind(localAddress || '0.0.0.0', localPort | 0);
    else err = handle.bind6(localAddress || '::', localPort | 0, 0);
    if (err) {
      socket.destroy(exceptionWithHostPort(err, 'bind', localAddress, localPort));
      return;
    }
  }
  const req = { oncomplete: socket[kAsyncFrame] === undefined ? afterConnect : afterConnectInFrame, socket, handle,
    address, port, localAddress, localPort, next: onFail };
  if (addressType === 6) err = handle.connect6(req, address, port);
  else if (addressType === 4) err = handle.connect(req, address, port);
  else err = handle.connect(req, address);
  if (err) {
    const sockname = socket._getsockname();
    const details = sockname.address !== undefined ? `${sockname.address}:${sockname.port}` : undefined;
    const ex = exceptionWithHostPort(err, 'connect', address, port, details);
    if (onFail) onFail(ex);
    else socket.destroy(ex);
  }
}

// Tries each resolved address in turn (Node's autoSelectFamily without the racing): a refused
// ::1 falls through to 127.0.0.1. Each attempt needs a fresh handle.
function connectMultiple(socket, addresses, port, localAddress, localPort) {
  const errors = [];
  socket[kConnectAttempts] = errors;
  socket.autoSelectFamilyAttemptedAddresses = [];
  const attempt = (i) => {
    if (!socket.connecting) return;
    const { address, family } = addresses[i];
    if (i > 0) {
      const old = socket._handle;
      old.onread = noop;
      old.close();
      socket._handle = new TCP(SOCKET);
      initSocketHandle(socket);
    }
    socket.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);
    socket.emit('connectionAttempt', address, port, family);
    const onFail = (ex) => {
      errors.push(ex);
      socket.emit('connectionAttemptFailed', address, port, family, ex);
      if (i + 1 < addresses.length) {
        attempt(i + 1);
        return;
      }
      let err = errors[0];
      if (errors.length > 1) {
        err = new AggregateError(errors);
        err.code = errors[0].code;
      }
      socket.destroy(err);
    };
    internalConnect(socket, address, port, family, localAddress, localPort, onFail);
  };
  attempt(0);
}

function lookupAndConnect(socket, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port } = options;

  if (localAddress && !isIP(localAddress)) throw new ERR_INVALID_IP_ADDRESS(localAddress);
  if (localPort) validateNumber(localPort, 'options.localPort');
  if (port !== undefined) {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    validatePort(port);
  }
  port |= 0;

  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (socket.connecting) {
        internalConnect(socket, host, port, addressType, localAddress, localPort);
      }
    });
    return;
  }

  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  let family = 0;
  if (options.family != null) {
    family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
  }
  const autoSelect = options.autoSelectFamily ?? autoSelectFamilyDefault;
  const dnsopts = { family, hints: options.hints || 0 };
  if (!family && autoSelect) dnsopts.all = true;

  socket._host = host;
  // dns is only needed here, for a name that is not an IP: it stays an optional plugin.
  const lookup = options.lookup || require('dns').lookup;
  lookup(host, dnsopts, function emitLookup(err, ip, ipFamily) {
    if (dnsopts.all && !err && Array.isArray(ip)) {
      const list = ip;
      if (list.length === 0) {
        err = new Error(`getaddrinfo ENOTFOUND ${host}`);
        err.code = 'ENOTFOUND';
      } else {
        socket.emit('lookup', null, list[0].address, list[0].family, host);
        if (!socket.connecting) return;
        socket._unrefTimer();
        if (list.length === 1) {
          internalConnect(socket, list[0].address, port, list[0].family, localAddress, localPort);
        } else {
          connectMultiple(socket, list, port, localAddress, localPort);
        }
        return;
      }
    }
    socket.emit('lookup', err, ip, ipFamily, host);
    if (!socket.connecting) return;
    if (err) {
      err.host = options.host;
      process.nextTick(() => socket.destroy(err));
    } else if (!isIP(ip)) {
      const ex = new ERR_INVALID_IP_ADDRESS(ip);
      process.nextTick(() => socket.destroy(ex));
    } else {
      socket._unrefTimer();
      internalConnect(socket, ip, port, isIP(ip), localAddress, localPort);
    }
  });
}

Socket.prototype.connect = function(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0][kNormalized]) normalized = args[0];
  else normalized = normalizeArgs(args);
  const options = normalized[0];
  const cb = normalized[1];

  if (cb !== null) this.once('connect', cb);
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    // Reconnecting a closed socket: a fresh handle and stream state.
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
  }

  const { path } = options;
  const pipe = Boolean(path);
  if (!pipe && options.port === undefined) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }
  if (!this._handle) {
    this[kAsyncFrame] = asyncContext.captureFrame();
    this._handle = pipe ? new Pipe(SOCKET) : new TCP(SOCKET);
    initSocketHandle(this);
  }
  if (options.timeout) this.setTimeout(options.timeout);
  if (options.noDelay !== undefined) this.setNoDelay(options.noDelay);
  if (options.keepAlive) this.setKeepAlive(true, options.keepAliveInitialDelay);

  this._unrefTimer();
  this.connecting = true;
  if (pipe) {
    validateString(path, 'options.path');
    internalConnect(this, path);
  } else {
    lookupAndConnect(this, options);
  }
  return this;
};

module.exports = {
  Socket,
  createHandle,
  kOwner,
  getDefaultAutoSelectFamily: () => autoSelectFamilyDefault,
  setDefaultAutoSelectFamily(value) {
    require('internal/validators').validateBoolean(value, 'value');
    autoSelectFamilyDefault = value;
  },
  getDefaultAutoSelectFamilyAttemptTimeout: () => autoSelectFamilyAttemptTimeoutDefault,
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    require('internal/validators').validateInt32(value, 'value', 1);
    autoSelectFamilyAttemptTimeoutDefault = value < 10 ? 10 : value;
  },
};
