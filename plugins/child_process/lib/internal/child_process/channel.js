'use strict';
// The IPC channel between a parent and a forked child, over an IPC Pipe handle (a Unix socket
// pair, so descriptors can travel with messages). The same code serves both ends: it gives its
// target (a ChildProcess in the parent, `process` in the child) send(), disconnect(), connected,
// channel, and the 'message'/'internalMessage'/'disconnect' events.
//
// Wire formats: 'json' is one JSON text per line; 'advanced' is V8's serialization format, each
// message a 4-byte big-endian length then its bytes. A message that carries a handle is wrapped
// as { cmd: 'NODE_HANDLE', type, msg } and its descriptor travels with the bytes.

const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_MISSING_ARGS,
  },
  errnoException,
} = require('internal/errors');
const { validateFunction } = require('internal/validators');

const { UV_EOF } = binding.constants;
const kHighWater = 65536 * 2;

let serdes;
function getSerdes() {
  if (serdes === undefined) serdes = internalBinding('serdes');
  return serdes;
}

let net;
function getNet() {
  if (net === undefined) net = require('net');
  return net;
}

// A bare descriptor to pass as a handle (what cluster sends: the receiver gets the number and
// builds what it needs around it). The sender keeps its own descriptor.
class RawFd {
  constructor(fd) {
    this.fd = fd;
  }
}

// What a handle is on the wire, and how the receiving end rebuilds it from a descriptor.
function handleType(handle) {
  if (handle instanceof RawFd) return 'fd';
  const n = getNet();
  if (handle instanceof n.Server) return 'net.Server';
  if (handle instanceof n.Socket) return 'net.Socket';
  return null;
}

function handleFd(handle) {
  if (typeof handle.fd === 'number' && handle.fd >= 0) return handle.fd;
  const h = handle._handle;
  if (h && typeof h.getFd === 'function') return h.getFd();
  if (h && typeof h.fd === 'number') return h.fd;
  return -1;
}

function rebuildHandle(type, fd) {
  if (type === 'fd') return new RawFd(fd);
  const n = getNet();
  if (type === 'net.Socket') return new n.Socket({ fd, readable: true, writable: true });
  if (type === 'net.Server') {
    const server = n.createServer();
    server.listen({ fd });
    return server;
  }
  return undefined;
}

// The object exposed as target.channel: ref/unref of the underlying pipe, counted for the child's
// process object (its channel keeps the process alive only while someone listens).
class Control {
  constructor(pipe) {
    this._pipe = pipe;
    this._refs = 0;
    this._refExplicitlySet = false;
  }
  get fd() { return this._pipe ? this._pipe.getFd() : undefined; }
  ref() {
    this._refExplicitlySet = true;
    if (this._pipe) this._pipe.ref();
  }
  unref() {
    this._refExplicitlySet = true;
    if (this._pipe) this._pipe.unref();
  }
  refCounted() {
    if (++this._refs === 1 && !this._refExplicitlySet && this._pipe) this._pipe.ref();
  }
  unrefCounted() {
    if (--this._refs === 0 && !this._refExplicitlySet && this._pipe) this._pipe.unref();
  }
  get writeQueueSize() { return this._pipe ? this._pipe.writeQueueSize() : 0; }
}

function setupChannel(target, pipe, serialization) {
  const advanced = serialization === 'advanced';
  const control = new Control(pipe);
  const decoder = advanced ? null : new StringDecoder('utf8');
  let text = '';
  let bytes = null;
  const fds = [];

  target.channel = control;
  target._channel = control;
  target.connected = true;
  target._handleQueue = null;

  function deliver(message) {
    let handle;
    if (message !== null && typeof message === 'object' && message.cmd === 'NODE_HANDLE') {
      const fd = fds.shift();
      handle = fd !== undefined && fd >= 0 ? rebuildHandle(message.type, fd) : undefined;
      message = message.msg;
    }
    const isInternal = message !== null && typeof message === 'object' &&
      typeof message.cmd === 'string' && message.cmd.startsWith('NODE_');
    process.nextTick(emitMessage, target, isInternal ? 'internalMessage' : 'message', message, handle);
  }

  pipe.onread = (nread, buf, fd) => {
    if (nread < 0) {
      if (nread !== UV_EOF) target.emit('error', errnoException(nread, 'read'));
      if (target.channel === control) target._disconnect();
      return;
    }
    if (fd !== undefined && fd >= 0) fds.push(fd);
    if (!advanced) {
      text += decoder.write(buf);
      let start = 0;
      let nl;
      while ((nl = text.indexOf('\n', start)) !== -1) {
        const line = text.slice(start, nl);
        start = nl + 1;
        deliver(JSON.parse(line));
      }
      text = text.slice(start);
      control.buffering = text.length !== 0;
      return;
    }
    bytes = bytes === null ? buf : Buffer.concat([bytes, buf]);
    while (bytes.length >= 4) {
      const size = bytes.readUInt32BE(0);
      if (bytes.length < 4 + size) break;
      const body = bytes.subarray(4, 4 + size);
      bytes = bytes.subarray(4 + size);
      deliver(getSerdes().deserialize(body));
    }
    if (bytes.length === 0) bytes = null;
    control.buffering = bytes !== null;
  };

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    if (callback !== undefined) validateFunction(callback, 'callback');
    return this._send(message, handle, options, callback);
  };

  target._send = function _send(message, handle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' &&
        typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (!this.connected) {
      const err = new ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => this.emit('error', err));
      return false;
    }
    let fd = -1;
    if (handle !== undefined && handle !== null) {
      const type = handleType(handle);
      if (type === null) throw new ERR_INVALID_HANDLE_TYPE();
      fd = handleFd(handle);
      message = { cmd: 'NODE_HANDLE', type, msg: message };
    }
    let data;
    if (advanced) {
      const body = getSerdes().serialize(message);
      data = Buffer.allocUnsafe(4 + body.length);
      data.writeUInt32BE(body.length, 0);
      body.copy(data, 4);
    } else {
      data = JSON.stringify(message) + '\n';
    }
    const req = { async: false, oncomplete: null };
    req.oncomplete = (status) => {
      if (status < 0 && status !== binding.constants.UV_ECANCELED) {
        const err = errnoException(status, 'write');
        if (typeof callback === 'function') callback(err);
        else this.emit('error', err);
        return;
      }
      if (typeof callback === 'function') callback(null);
      // The sender's copy of a socket is no longer needed once it travelled (as Node does with
      // keepOpen unset); a server stays, as the sender may keep serving from it.
      if (handle && !(options && options.keepOpen) && handleType(handle) === 'net.Socket') {
        handle.destroy();
      }
    };
    const err = pipe.write(req, data, fd);
    if (err) {
      const e = errnoException(err, 'write');
      if (typeof callback === 'function') process.nextTick(callback, e);
      else process.nextTick(() => this.emit('error', e));
      return false;
    }
    if (!req.async) process.nextTick(req.oncomplete, 0);
    return pipe.writeQueueSize() < kHighWater;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    this._disconnect();
  };

  target._disconnect = function _disconnect() {
    if (this.channel !== control) return;
    this.connected = false;
    this.channel = null;
    this._channel = null;
    control._pipe = null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      pipe.onread = null;
      pipe.close();
      for (const fd of fds.splice(0)) closeFd(fd);
      target.emit('disconnect');
    };
    process.nextTick(finish);
  };

  pipe.readStart();
  return control;
}

function closeFd(fd) {
  try {
    require('fs').closeSync(fd);
  } catch {
    // fs may be absent from a trimmed runtime; the descriptor then lives until exit.
  }
}

function emitMessage(target, event, message, handle) {
  if (handle !== undefined) target.emit(event, message, handle);
  else target.emit(event, message);
}

module.exports = { RawFd, setupChannel };
