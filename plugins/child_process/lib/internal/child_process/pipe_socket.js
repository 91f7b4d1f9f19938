'use strict';
// A Duplex stream over one of the plugin's Pipe handles: the parent's end of a child's stdin,
// stdout, stderr or extra piped fd. It answers to what code expects of Node's child.stdout (a
// net.Socket over a pipe): data/end/close events, setEncoding, pipe(), ref/unref, destroy, and
// `_handle` with `fd`.

const { Duplex } = require('stream');
const { Buffer } = require('buffer');
const { errnoException } = require('internal/errors');

const { UV_EOF } = binding.constants;

class PipeSocket extends Duplex {
  constructor(handle, { readable, writable, dead = false }) {
    super({ readable, writable, allowHalfOpen: true, decodeStrings: false, emitClose: true,
      autoDestroy: true });
    this._handle = handle;
    this._reading = false;
    this.connecting = false;
    if (!readable) this.push(null);
    if (!writable) this.end();
    handle.onread = (nread, buf) => this._onread(nread, buf);
    // Start reading at once, as Node's sockets do: the child's output is buffered (up to the high
    // water mark) even before anyone listens, so the child never blocks on a full pipe early.
    if (readable && !dead) this.read(0);
  }

  get fd() { return this._handle ? this._handle.getFd() : -1; }

  _onread(nread, buf) {
    if (nread > 0) {
      if (!this.push(buf) && this._handle && this._reading) {
        this._reading = false;
        this._handle.readStop();
      }
      return;
    }
    this._reading = false;
    if (nread === UV_EOF) {
      this.push(null);
      // No half-open pipes (like a net.Socket by default): the far end is gone both ways.
      if (this.writable && !this.writableEnded) this.end();
      return;
    }
    this.destroy(errnoException(nread, 'read'));
  }

  _read() {
    if (this._reading || !this._handle) return;
    this._reading = true;
    const err = this._handle.readStart();
    if (err) {
      this._reading = false;
      this.destroy(errnoException(err, 'read'));
    }
  }

  _write(chunk, encoding, callback) {
    if (!this._handle) {
      callback(errnoException(binding.constants.UV_EBADF, 'write'));
      return;
    }
    if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8') {
      chunk = Buffer.from(chunk, encoding);
    }
    const req = { async: false, oncomplete: null };
    req.oncomplete = (status) => {
      callback(status < 0 ? errnoException(status, 'write') : null);
    };
    const err = this._handle.write(req, chunk);
    if (err) callback(errnoException(err, 'write'));
    else if (!req.async) callback(null);
  }

  _final(callback) {
    if (!this._handle) {
      callback();
      return;
    }
    const req = {
      oncomplete: (status) => {
        // The reader may be gone already; a pipe that cannot be shut down is simply finished.
        callback();
      },
    };
    const err = this._handle.shutdown(req);
    if (err) callback();
  }

  _destroy(err, callback) {
    const handle = this._handle;
    if (!handle) {
      callback(err);
      return;
    }
    this._handle = null;
    this._reading = false;
    handle.onread = null;
    handle.close(() => callback(err));
  }

  ref() {
    if (this._handle) this._handle.ref();
    return this;
  }

  unref() {
    if (this._handle) this._handle.unref();
    return this;
  }

  setKeepAlive() { return this; }
  setNoDelay() { return this; }
  setTimeout() { return this; }
}

module.exports = { PipeSocket };
