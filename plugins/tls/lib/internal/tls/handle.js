'use strict';
// TLSHandle: what a TLSSocket (a net.Socket) sees as its `_handle`. It keeps net's handle contract
// (plugins/net/README.md: onread(nread, arrayBuffer, offset), readStart/readStop, close, names,
// ref/unref), so net's reader, timeouts and http's fast path work on TLS sockets unchanged. Below
// it: the binding's Connection (an SSL between memory BIOs) and the transport, a net.Socket or any
// Duplex carrying the ciphertext.
//
// Reading: each ciphertext chunk is one conn.receive() call, returning the plaintext; the shared
// state word says whether more happened (handshake done, ciphertext to send, SNI, session,
// keylog, close_notify, error). From a net.Socket, the chunks come straight from its native handle
// (net's takeover contract), skipping its stream; from any other Duplex, from 'data' events.

const { errnoException } = require('internal/errors');
const asyncContext = require('internal/async_context');

const kHandshakeDone = 1;
const kOutput = 2;
const kError = 4;
const kSNI = 8;
const kSession = 16;
const kKeylog = 32;
const kClosed = 64;
const UV_EOF = -4095;
const state = binding.state;

class TLSHandle {
  constructor(owner, transport, conn) {
    this.owner = owner;
    this.transport = transport;
    this.conn = conn;
    this.reading = false;
    this.onread = null;
    this.secure = false;
    this.attached = false;
    this.native = null;       // the transport's native handle while we read from it directly
    this.netOnread = null;
    this.closed = false;
    this.ended = false;        // EOF (or close_notify) passed up
    this.feed = this.feed.bind(this);
    this.feedListener = null;  // what listens to a non-net transport's 'data' (feed, maybe in a frame)
    this.onTransportEnd = this.onTransportEnd.bind(this);
  }

  // Starts reading ciphertext from the transport (once it is connected).
  attach() {
    if (this.attached || this.closed) return;
    this.attached = true;
    const t = this.transport;
    const h = t._handle;
    if (h && typeof h.onread === 'function' && h.onread.length === 3 &&
        typeof h.readStart === 'function' && t._readableState && t._readableState.length === 0 &&
        t.listenerCount('data') === 0 && t.listenerCount('readable') === 0) {
      const self = this;
      this.native = h;
      this.netOnread = h.onread;
      function onTLSTransportRead(nread, arrayBuffer, offset) {
        if (nread > 0) {
          self.feedSlice(arrayBuffer, offset, nread);
          return;
        }
        // EOF or error: net ends or destroys the transport as usual ('end' / 'error' below).
        self.giveBack();
        self.netOnread.call(this, nread, arrayBuffer, offset);
      }
      // With async_hooks tracking the TLS work runs in the async context it was set up in (the
      // client's connect, the server's listen), as in Node.
      const frame = asyncContext.captureFrame();
      h.onread = frame === undefined ? onTLSTransportRead : function onTLSTransportReadInFrame(nread, arrayBuffer, offset) {
        return asyncContext.callInFrame(frame, onTLSTransportRead, this, nread, arrayBuffer, offset);
      };
      this.flow();
    } else {
      const frame = asyncContext.captureFrame();
      const feed = this.feed;
      this.feedListener = frame === undefined ? feed : (data) => asyncContext.callInFrame(frame, feed, undefined, data);
      t.on('data', this.feedListener);
    }
    t.on('end', this.onTransportEnd);
  }

  giveBack() {
    if (this.native !== null) {
      if (this.native.onread !== this.netOnread) this.native.onread = this.netOnread;
      this.native = null;
    }
  }

  // The transport is read while the handshake runs or while our reader wants bytes.
  flow() {
    if (!this.attached || this.closed) return;
    const want = !this.secure || this.reading;
    const h = this.native;
    if (h !== null) {
      if (this.transport._handle !== h) return;
      if (want && !h.reading) {
        h.reading = true;
        h.readStart();
      } else if (!want && h.reading) {
        h.reading = false;
        h.readStop();
      }
    } else if (want) {
      this.transport.resume();
    } else {
      this.transport.pause();
    }
  }

  feed(chunk) {
    if (this.closed) return;
    this.afterReceive(this.conn.receive(chunk));
  }

  // Bytes straight from the transport's read slab.
  feedSlice(arrayBuffer, offset, length) {
    if (this.closed) return;
    this.afterReceive(this.conn.receive(arrayBuffer, offset, length));
  }

  afterReceive(plain) {
    const flags = state[0];
    if (flags !== 0 && !this.onFlags(flags)) return;
    if (plain !== undefined && this.onread !== null) {
      this.onread(plain.length, plain.buffer, plain.byteOffset);
    }
    if ((flags & kClosed) !== 0) this.passEOF();
  }

  // Returns false when the socket is gone.
  onFlags(flags) {
    if ((flags & kOutput) !== 0) this.flush();
    if ((flags & kError) !== 0) {
      this.owner._tlsError(this.conn.takeError());
      return false;
    }
    if ((flags & kSNI) !== 0) {
      this.owner._onSNI();
      return !this.closed;
    }
    if ((flags & kHandshakeDone) !== 0) {
      this.secure = true;
      this.owner._onHandshakeDone();
      if (this.closed) return false;
      this.flow();
    }
    if ((flags & kSession) !== 0) this.owner._onSession(this.conn.takeSession());
    if ((flags & kKeylog) !== 0) this.owner._onKeylog(this.conn.takeKeylog());
    return !this.closed;
  }

  // Sends the ciphertext OpenSSL produced.
  flush() {
    const out = this.conn.takeOutput();
    if (out !== undefined) this.send(out, null);
  }

  // Writes ciphertext to the transport; cb(err) once it took the bytes (null: no callback).
  // Through the native handle directly when nothing waits in the transport's own stream buffer
  // (net's handle contract: a write that did not finish at once leaves bytes in the libuv queue
  // and reports through req.oncomplete); otherwise, and for other Duplexes, through write().
  send(out, cb) {
    const t = this.transport;
    if (t.destroyed || t.writableEnded) {
      if (cb !== null) cb(null);
      return;
    }
    const h = this.native;
    if (h !== null && t._handle === h && t.writableLength === 0 && !t.writableCorked) {
      const req = { oncomplete: null };
      const err = h.writeBuffer(req, out);
      if (err !== 0) {
        t.destroy(errnoException(err, 'write'));
        if (cb !== null) cb(null);
        return;
      }
      if (cb === null) return;
      if (h.getWriteQueueSize() === 0) {
        cb(null);
      } else {
        req.oncomplete = (status) => cb(status < 0 ? errnoException(status, 'write') : null);
      }
      return;
    }
    if (cb === null) t.write(out);
    else if (t.write(out)) cb(null);
    else t.once('drain', () => cb(null));
  }

  passEOF() {
    if (this.ended || this.closed) return;
    this.ended = true;
    if (this.onread !== null) this.onread(UV_EOF, undefined, 0);
  }

  onTransportEnd() {
    if (!this.secure) {
      this.owner._transportLost();
      return;
    }
    this.passEOF();
  }

  // ---- net's handle contract ----
  readStart() {
    this.reading = true;
    this.flow();
    return 0;
  }

  readStop() {
    this.reading = false;
    this.flow();
    return 0;
  }

  close(cb) {
    if (this.closed) {
      if (typeof cb === 'function') setImmediate(cb);
      return;
    }
    this.closed = true;
    this.giveBack();
    const t = this.transport;
    t.removeListener('data', this.feedListener || this.feed);
    t.removeListener('end', this.onTransportEnd);
    this.conn.destroy();
    if (typeof cb === 'function') {
      // Like a native handle's close callback, this comes after the stream's own nextTicks
      // (its 'error' is emitted before 'close').
      if (t.destroyed && (t.closed || t._handle === null || t._handle === undefined)) setImmediate(cb);
      else t.once('close', () => cb());
    }
    // Ciphertext still queued (an alert, close_notify) is sent before the transport goes.
    if (!t.destroyed) {
      if (t.writableLength > 0 && !t.writableFinished) {
        if (!t.writableEnded) t.end();
        t.once('finish', () => t.destroy());
        t.once('error', () => {});
      } else {
        t.destroy();
      }
    }
  }

  getpeername(out) { return this.names('getpeername', 'remote', out); }
  getsockname(out) { return this.names('getsockname', 'local', out); }

  names(method, prefix, out) {
    const h = this.transport._handle;
    if (h && typeof h[method] === 'function') return h[method](out);
    const t = this.transport;
    if (t[`${prefix}Address`] === undefined) return -22;
    out.address = t[`${prefix}Address`];
    out.port = t[`${prefix}Port`];
    out.family = t[`${prefix}Family`];
    return 0;
  }

  setNoDelay(enable) {
    if (typeof this.transport.setNoDelay === 'function') this.transport.setNoDelay(enable);
    return 0;
  }

  setKeepAlive(enable, delay) {
    if (typeof this.transport.setKeepAlive === 'function') this.transport.setKeepAlive(enable, delay * 1000);
    return 0;
  }

  ref() { if (typeof this.transport.ref === 'function') this.transport.ref(); }
  unref() { if (typeof this.transport.unref === 'function') this.transport.unref(); }
  hasRef() {
    const h = this.transport._handle;
    return h && typeof h.hasRef === 'function' ? h.hasRef() : true;
  }

  getWriteQueueSize() { return this.transport.writableLength || 0; }
  get fd() { const h = this.transport._handle; return h ? h.fd : -1; }
  getFd() { return this.fd; }
}

module.exports = { TLSHandle, kOutput, kError };
