'use strict';
// net.Server: a listening TCP or Pipe handle. Each accepted connection arrives as
// `handle.onconnection(status, clientHandle)` and becomes a Socket around clientHandle.

const EventEmitter = require('events');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
  },
  errnoException,
  uvExceptionWithHostPort,
} = require('internal/errors');
const { validatePort, validateAbortSignal } = require('internal/validators');
const { getDefaultHighWaterMark } = require('stream');
const { isIP } = require('internal/net/ip');
const { normalizeArgs, toNumber, isPipeName } = require('internal/net/args');
const { Socket, createHandle, kOwner } = require('internal/net/socket');
const asyncContext = require('internal/async_context');

const { TCP, Pipe, constants } = binding;
const { UV_TCP_IPV6ONLY, UV_EINVAL } = constants;
const SERVER = 1;
const UV_READABLE = 1;
const UV_WRITABLE = 2;
const DEFAULT_IPV4_ADDR = '0.0.0.0';
const DEFAULT_IPV6_ADDR = '::';

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);

  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }

  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._pipeName = undefined;
  this._connectionKey = undefined;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = Boolean(options.pauseOnConnect);
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~((options.keepAliveInitialDelay || 0) / 1000);
  this.highWaterMark = options.highWaterMark ?? getDefaultHighWaterMark();
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

// A bound (not yet listening) handle, or a negative errno.
function createServerHandle(address, port, addressType, fd, flags) {
  let err = 0;
  let handle;
  let isTCP = false;
  if (typeof fd === 'number' && fd >= 0) {
    try {
      handle = createHandle(fd, true);
    } catch {
      return UV_EINVAL;
    }
    err = handle.open(fd);
    if (err) return err;
  } else if (port === -1 && addressType === -1) {
    handle = new Pipe(SERVER);
  } else {
    handle = new TCP(SERVER);
    isTCP = true;
  }
  if (address || port || isTCP) {
    if (!address) {
      // Dual-stack first; a machine without IPv6 gets the IPv4 wildcard instead.
      err = handle.bind6(DEFAULT_IPV6_ADDR, port, flags);
      if (err) {
        handle.close();
        return createServerHandle(DEFAULT_IPV4_ADDR, port);
      }
    } else if (addressType === 6) {
      err = handle.bind6(address, port, flags);
    } else if (addressType === -1) {
      err = handle.bind(address);
    } else {
      err = handle.bind(address, port);
    }
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

function emitErrorNT(server, err) {
  server.emit('error', err);
}

function emitListeningNT(server) {
  if (server._handle) server.emit('listening');
}

function onconnection(err, clientHandle) {
  const server = this[kOwner];
  if (err) {
    server.emit('error', errnoException(err, 'accept'));
    return;
  }
  if (server.maxConnections != null && server._connections >= server.maxConnections) {
    const data = {};
    const local = {};
    const remote = {};
    if (clientHandle.getsockname && clientHandle.getsockname(local) === 0) {
      data.localAddress = local.address;
      data.localPort = local.port;
      data.localFamily = local.family;
    }
    if (clientHandle.getpeername && clientHandle.getpeername(remote) === 0) {
      data.remoteAddress = remote.address;
      data.remotePort = remote.port;
      data.remoteFamily = remote.family;
    }
    clientHandle.close();
    server.emit('drop', data);
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnCreate: server.pauseOnConnect,
    readable: true,
    writable: true,
    highWaterMark: server.highWaterMark,
  });
  if (server.noDelay && clientHandle.setNoDelay) socket.setNoDelay(true);
  if (server.keepAlive && clientHandle.setKeepAlive) {
    socket.setKeepAlive(true, server.keepAliveInitialDelay * 1000);
  }
  server._connections++;
  socket.server = server;
  socket._server = server;
  server.emit('connection', socket);
}

Server.prototype._listen2 = function setupListenHandle(address, port, addressType, backlog, fd, flags) {
  if (!this._handle) {
    let rval = null;
    if (!address && typeof fd !== 'number') {
      rval = createServerHandle(DEFAULT_IPV6_ADDR, port, 6, fd, flags);
      if (typeof rval === 'number') {
        rval = null;
        address = DEFAULT_IPV4_ADDR;
        addressType = 4;
      } else {
        address = DEFAULT_IPV6_ADDR;
        addressType = 6;
      }
    }
    if (rval === null) rval = createServerHandle(address, port, addressType, fd, flags);
    if (typeof rval === 'number') {
      const error = uvExceptionWithHostPort(rval, 'listen', address, port);
      process.nextTick(emitErrorNT, this, error);
      return;
    }
    this._handle = rval;
  }
  this._handle[kOwner] = this;
  // 'connection' runs in the async context of the code that called listen(), as in Node.
  const frame = asyncContext.captureFrame();
  this._handle.onconnection = frame === undefined ? onconnection : function onconnectionInFrame(err, clientHandle) {
    return asyncContext.callInFrame(frame, onconnection, this, err, clientHandle);
  };
  const err = this._handle.listen(backlog || 511);
  if (err) {
    // libuv reports a TCP bind's EADDRINUSE here, at listen time, as Node's messages show.
    const ex = uvExceptionWithHostPort(err, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    process.nextTick(emitErrorNT, this, ex);
    return;
  }
  this._connectionKey = `${addressType}:${address}:${port}`;
  if (this._unref) this.unref();
  process.nextTick(emitListeningNT, this);
};

function listenOn(server, address, port, addressType, backlog, fd, flags) {
  server._listen2(address, port, addressType, backlog, fd, flags);
}

function lookupAndListen(server, port, address, backlog, flags) {
  const type = isIP(address);
  if (type) {
    // One tick later, as when Node asks dns.lookup for an IP: 'listening' keeps its place.
    process.nextTick(() => listenOn(server, address, port, type, backlog, undefined, flags));
    return;
  }
  // dns is only needed for a host name: it stays an optional plugin.
  require('dns').lookup(address, (err, ip, addressType) => {
    if (err) {
      server.emit('error', err);
      return;
    }
    listenOn(server, ip, port, ip ? addressType : 4, backlog, undefined, flags);
  });
}

Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];
  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();
  if (cb !== null) this.once('listening', cb);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) ||
    toNumber(args.length > 2 && args[2]);
  options = options._handle || options.handle || options;
  const flags = options.ipv6Only ? UV_TCP_IPV6ONLY : 0;

  // listen(handle): an existing TCP/Pipe handle (or a server/socket holding one).
  if (options instanceof TCP || options instanceof Pipe) {
    this._handle = options;
    listenOn(this, null, -1, -1, backlogFromArgs);
    return this;
  }
  if (options.signal) {
    validateAbortSignal(options.signal, 'options.signal');
    const { signal } = options;
    const onAbort = () => this.close();
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  // listen({ fd })
  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenOn(this, null, null, null, backlogFromArgs, options.fd);
    return this;
  }
  // listen(), listen(cb), listen(null[, cb]), listen({ port: undefined }): a random port.
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) || options.port === null) {
    options.port = 0;
  }
  let backlog;
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port');
    backlog = options.backlog || backlogFromArgs;
    if (options.host) {
      lookupAndListen(this, options.port | 0, options.host, backlog, flags);
    } else {
      listenOn(this, null, options.port | 0, 4, backlog, undefined, flags);
    }
    return this;
  }
  if (options.path && isPipeName(options.path)) {
    const pipeName = this._pipeName = options.path;
    backlog = options.backlog || backlogFromArgs;
    listenOn(this, pipeName, -1, -1, backlog);
    if (!this._handle) return this;  // the error is emitted on the next tick
    let mode = 0;
    if (options.readableAll === true) mode |= UV_READABLE;
    if (options.writableAll === true) mode |= UV_WRITABLE;
    if (mode !== 0) {
      const err = this._handle.fchmod(mode);
      if (err) {
        this._handle.close();
        this._handle = null;
        throw errnoException(err, 'uv_pipe_chmod');
      }
    }
    return this;
  }
  if (!('port' in options) && !('path' in options)) {
    throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};

Object.defineProperty(Server.prototype, 'listening', {
  configurable: true,
  enumerable: true,
  get() { return Boolean(this._handle && this._connectionKey); },
});

Server.prototype.address = function() {
  if (this._pipeName) return this._pipeName;
  if (this._handle && this._handle.getsockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw errnoException(err, 'address');
    return out;
  }
  return null;
};

Server.prototype.getConnections = function(cb) {
  process.nextTick(cb, null, this._connections);
  return this;
};

function emitCloseNT(server) {
  server.emit('close');
}

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  process.nextTick(emitCloseNT, this);
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', () => cb(new ERR_SERVER_NOT_RUNNING()));
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  this._emitCloseIfDrained();
  return this;
};

if (Symbol.asyncDispose) Server.prototype[Symbol.asyncDispose] = function() {
  if (!this._handle) return Promise.resolve();
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

if (EventEmitter.captureRejectionSymbol) Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, sock) {
  if (event === 'connection') sock.destroy(err);
  else this.emit('error', err);
};

module.exports = { Server, createServerHandle };
