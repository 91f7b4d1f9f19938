'use strict';
// IncomingMessage: a request on the server, a response on the client. The body is a Readable fed
// by the parser; the header objects are built from rawHeaders only when first read, so a request
// whose handler never looks at `headers` costs no object.

const { Readable } = require('stream');
const { Buffer } = require('buffer');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kHeadersCount = Symbol('kHeadersCount');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');

// Set on a socket whose reads the parser takes straight from the native handle: flow control
// then acts on the handle, not on the stream.
const asyncContext = require('internal/async_context');
const kConsumed = Symbol('kConsumed');
const kNetOnread = Symbol('kNetOnread');
const kListenersWrapped = Symbol('kListenersWrapped');

// The hot path: reads go from the native handle straight to onData (the parser), skipping the
// socket's Readable machinery — the contract in plugins/net/README.md. EOF and errors go back to
// net's own reader, which ends or destroys the socket as usual. Reading starts (or goes on) as
// net drives it: a socket with our 'data' listener is flowing.
function consumeSocket(socket, onData) {
  const handle = socket._handle;
  // onread(nread, arrayBuffer, offset) is net's documented signature; anything else (another
  // net implementation) keeps the plain 'data' path.
  if (socket[kConsumed] || !handle || typeof handle.onread !== 'function' ||
      handle.onread.length !== 3 || typeof handle.readStart !== 'function' ||
      socket._readableState.length !== 0 || socket.listenerCount('data') !== 1 ||
      socket.listenerCount('readable') !== 0) {
    return;
  }
  const netOnread = handle.onread;
  socket[kNetOnread] = netOnread;
  socket[kConsumed] = true;
  function onHttpRead(nread, arrayBuffer, offset) {
    if (nread > 0) {
      socket._unrefTimer();
      onData.call(socket, Buffer.from(arrayBuffer, offset, nread));
      return;
    }
    unconsumeSocket(socket);
    netOnread.call(this, nread, arrayBuffer, offset);
  }
  // A client socket keeps the async context of the code that connected it (as net does).
  const frame = socket[asyncContext.kResourceFrame];
  handle.onread = frame === undefined ? onHttpRead : function onHttpReadInFrame(nread, arrayBuffer, offset) {
    return asyncContext.callInFrame(frame, onHttpRead, this, nread, arrayBuffer, offset);
  };
  if (!handle.reading && !socket.connecting) {
    handle.reading = true;
    handle.readStart();
  }
  // Someone else wanting the socket's bytes ('data' or 'readable') gets them through the stream
  // again, as in Node: the parser goes back to reading 'data' events.
  if (!socket[kListenersWrapped]) {
    socket[kListenersWrapped] = true;
    for (const method of ['on', 'addListener', 'prependListener']) {
      const original = socket[method];
      socket[method] = function socketListenerWrap(event, listener) {
        if ((event === 'data' || event === 'readable') && this[kConsumed]) unconsumeSocket(this);
        return original.call(this, event, listener);
      };
    }
  }
}

function unconsumeSocket(socket) {
  if (!socket || !socket[kConsumed]) return;
  socket[kConsumed] = false;
  const handle = socket._handle;
  if (handle && socket[kNetOnread]) handle.onread = socket[kNetOnread];
  socket[kNetOnread] = undefined;
}

function readStart(socket) {
  if (!socket || socket._paused || !socket.readable) return;
  if (socket[kConsumed]) {
    const handle = socket._handle;
    if (handle && !handle.reading) {
      handle.reading = true;
      handle.readStart();
    }
  } else {
    socket.resume();
  }
}

function readStop(socket) {
  if (!socket) return;
  if (socket[kConsumed]) {
    const handle = socket._handle;
    if (handle && handle.reading) {
      handle.reading = false;
      handle.readStop();
    }
  } else {
    socket.pause();
  }
}

function IncomingMessage(socket) {
  let streamOptions;
  if (socket) streamOptions = { highWaterMark: socket.readableHighWaterMark };
  Readable.call(this, streamOptions);
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this[kHeaders] = null;
  this[kHeadersCount] = 0;
  this.rawHeaders = [];
  this[kHeadersDistinct] = null;
  this[kTrailers] = null;
  this[kTrailersDistinct] = null;
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  // Whether the body was thrown away (nobody listens): reads then only drain the socket.
  this._dumped = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperty(IncomingMessage.prototype, 'connection', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return this.socket; },
  set(val) { this.socket = val; },
});

function headerAccessor(cache, raw, distinct) {
  return {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      if (this[cache] === null) {
        const out = distinct ? { __proto__: null } : {};
        const src = this[raw];
        for (let i = 0; i + 1 < src.length; i += 2) {
          if (distinct) this._addHeaderLineDistinct(src[i], src[i + 1], out);
          else this._addHeaderLine(src[i], src[i + 1], out);
        }
        this[cache] = out;
      }
      return this[cache];
    },
    set(val) { this[cache] = val; },
  };
}

Object.defineProperty(IncomingMessage.prototype, 'headers',
                      headerAccessor(kHeaders, 'rawHeaders', false));
Object.defineProperty(IncomingMessage.prototype, 'headersDistinct',
                      headerAccessor(kHeadersDistinct, 'rawHeaders', true));
Object.defineProperty(IncomingMessage.prototype, 'trailers',
                      headerAccessor(kTrailers, 'rawTrailers', false));
Object.defineProperty(IncomingMessage.prototype, 'trailersDistinct',
                      headerAccessor(kTrailersDistinct, 'rawTrailers', true));

IncomingMessage.prototype._setRawHeaders = function _setRawHeaders(raw) {
  this.rawHeaders = raw;
  this[kHeadersCount] = raw.length;
  this[kHeaders] = null;
  this[kHeadersDistinct] = null;
};

IncomingMessage.prototype._setRawTrailers = function _setRawTrailers(raw) {
  this.rawTrailers = raw;
  this[kTrailers] = null;
  this[kTrailersDistinct] = null;
};

// Fast scan of the raw headers for one (lower-case) name, without building `headers`.
IncomingMessage.prototype._rawHeader = function _rawHeader(lowerName) {
  if (this[kHeaders] !== null) return this[kHeaders][lowerName];
  const raw = this.rawHeaders;
  const len = lowerName.length;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    if (name.length === len && (name === lowerName || name.toLowerCase() === lowerName)) {
      return raw[i + 1];
    }
  }
  return undefined;
};

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  return this;
};

IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  // The socket was paused because our buffer was full: the reader caught up.
  if (this.socket && this.socket.readable) readStart(this.socket);
};

// It is possible that the socket is destroyed and the request is not; the reverse must not
// leave the socket hanging.
IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  const socket = this.socket;
  if (socket && !socket.destroyed && this.aborted) {
    socket.destroy(err);
    const onClose = () => process.nextTick(onDestroyed, this, err, cb);
    if (socket.closed) onClose();
    else socket.once('close', onClose);
  } else {
    process.nextTick(onDestroyed, this, err, cb);
  }
};

// An aborted message only errors when someone listens for it (as Node does).
function onDestroyed(self, err, cb) {
  if (self.listenerCount('error') === 0) cb();
  else cb(err);
}

// Keys whose duplicates are dropped (the first wins), per Node's rules.
const dropDuplicates = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host',
  'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards',
  'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent',
]);

IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(field, value, dest) {
  const key = field.toLowerCase();
  const existing = dest[key];
  if (existing === undefined) {
    dest[key] = key === 'set-cookie' ? [value] : value;
    return;
  }
  if (this.joinDuplicateHeaders) {
    if (key === 'set-cookie') existing.push(value);
    else dest[key] = existing + ', ' + value;
    return;
  }
  if (key === 'set-cookie') existing.push(value);
  else if (key === 'cookie') dest[key] = existing + '; ' + value;
  else if (!dropDuplicates.has(key)) dest[key] = existing + ', ' + value;
};

IncomingMessage.prototype._addHeaderLineDistinct = function _addHeaderLineDistinct(field, value, dest) {
  const key = field.toLowerCase();
  if (dest[key] === undefined) dest[key] = [value];
  else dest[key].push(value);
};

IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(headers, n) {
  if (headers && headers.length) {
    const raw = this.complete ? this.rawTrailers : this.rawHeaders;
    for (let i = 0; i < n && i < headers.length; i++) raw.push(headers[i]);
    if (this.complete) this[kTrailers] = null;
    else this[kHeaders] = null;
  }
};

// Reads the body into the void, so a response nobody consumes does not stall the socket.
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

module.exports = {
  IncomingMessage,
  consumeSocket,
  kConsumed,
  unconsumeSocket,
  readStart,
  readStop,
};
