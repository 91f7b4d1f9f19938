'use strict';
// http.Server and ServerResponse. A connection gets one parser; every request head reaches
// parserOnIncoming in one call, which makes the ServerResponse and emits 'request'. Responses of
// pipelined requests queue behind the one holding the socket.

const net = require('net');
const {
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_STATUS_CODE,
    ERR_HTTP_REQUEST_TIMEOUT,
    ERR_HTTP_SOCKET_ASSIGNED,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean, validateInteger, validateObject, validateLinkHeaderValue,
} = require('internal/validators');
const common = require('_http_common');
const {
  parsers,
  freeParser,
  continueExpression,
  chunkExpression,
  kIncomingMessage,
  kOnIncoming,
  HTTPParser,
  lenientFlags,
  prepareError,
  checkInvalidHeaderChar,
} = require('_http_common');
const {
  IncomingMessage, consumeSocket, unconsumeSocket, readStart, readStop,
} = require('_http_incoming');
const asyncContext = require('internal/async_context');
const {
  OutgoingMessage,
  kOutHeaders,
  kNeedDrain,
  kUniqueHeaders,
  parseUniqueHeadersOption,
  validateHeaderName,
  validateHeaderValue,
} = require('_http_outgoing');

const kServerResponse = Symbol('ServerResponse');
const kConnections = Symbol('http.server.connections');
const kConnectionsCheckingInterval = Symbol('http.server.connectionsCheckingInterval');
const kState = Symbol('http.server.connectionState');

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
  208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable',
  417: 'Expectation Failed', 418: 'I\'m a Teapot', 421: 'Misdirected Request',
  422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early',
  426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required',
};

const errorResponses = {
  HPE_HEADER_OVERFLOW: 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n',
  ERR_HTTP_REQUEST_TIMEOUT: 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n',
};
const badRequestResponse = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';

function connResetException(msg) {
  const ex = new Error(msg);
  ex.code = 'ECONNRESET';
  return ex;
}

// ---- ServerResponse --------------------------------------------------------------------------

function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = chunkExpression.test(req._rawHeader('te') || '');
    this.shouldKeepAlive = false;
  }
  this.statusCode = 200;
  this.statusMessage = undefined;
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype._finish = function _finish() {
  OutgoingMessage.prototype._finish.call(this);
};

function onServerResponseClose() {
  // A 'close' listener may detach the response while this one is already in the copy of
  // listeners being called: look the response up again.
  const res = this._httpMessage;
  if (res) emitCloseNT(res);
}

function emitCloseNT(self) {
  if (!self._closed) {
    self.destroyed = true;
    self._closed = true;
    self.emit('close');
  }
}

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  socket.on('close', onServerResponseClose);
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  socket.removeListener('close', onServerResponseClose);
  socket._httpMessage = null;
  this.socket = null;
};

ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};

ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints, cb) {
  validateObject(hints, 'hints');
  if (hints.link === null || hints.link === undefined) return;
  const link = Array.isArray(hints.link) ? hints.link.join(', ') : String(hints.link);
  if (typeof validateLinkHeaderValue === 'function') validateLinkHeaderValue(hints.link);
  if (link.length === 0) return;
  let head = 'HTTP/1.1 103 Early Hints\r\nLink: ' + link + '\r\n';
  for (const key of Object.keys(hints)) {
    if (key !== 'link') {
      validateHeaderName(key);
      validateHeaderValue(key, hints[key]);
      head += key + ': ' + hints[key] + '\r\n';
    }
  }
  this._writeRaw(head + '\r\n', 'ascii', cb);
};

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('write');
  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) {
    throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
  }
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
    if (obj === undefined || obj === null) obj = reason;
  }
  this.statusCode = statusCode;

  let headers;
  if (this[kOutHeaders]) {
    // Headers given here override those set before, but explicit duplicates stay.
    if (Array.isArray(obj)) {
      if (obj.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', obj);
      for (let n = 0; n < obj.length; n += 2) this.removeHeader(obj[n]);
      for (let n = 0; n < obj.length; n += 2) {
        if (obj[n]) this.appendHeader(obj[n], obj[n + 1]);
      }
    } else if (obj) {
      const keys = Object.keys(obj);
      for (let i = 0; i < keys.length; i++) {
        if (keys[i]) this.setHeader(keys[i], obj[keys[i]]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }

  if (checkInvalidHeaderChar(this.statusMessage)) throw new ERR_INVALID_CHAR('statusMessage');
  const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  // A client still waiting for 100 Continue may send body bytes we will not read: close after.
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers);
  return this;
};

ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

// ---- Server ----------------------------------------------------------------------------------

function storeHTTPOptions(options) {
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;

  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;

  const insecureHTTPParser = options.insecureHTTPParser;
  if (insecureHTTPParser !== undefined) validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = insecureHTTPParser;

  const requestTimeout = options.requestTimeout;
  if (requestTimeout !== undefined) {
    validateInteger(requestTimeout, 'requestTimeout', 0);
    this.requestTimeout = requestTimeout;
  } else {
    this.requestTimeout = 300000;
  }

  const headersTimeout = options.headersTimeout;
  if (headersTimeout !== undefined) {
    validateInteger(headersTimeout, 'headersTimeout', 0);
    this.headersTimeout = headersTimeout;
  } else {
    this.headersTimeout = Math.min(60000, this.requestTimeout);
  }
  if (this.requestTimeout > 0 && this.headersTimeout > 0 &&
      this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', headersTimeout);
  }

  const keepAliveTimeout = options.keepAliveTimeout;
  if (keepAliveTimeout !== undefined) {
    validateInteger(keepAliveTimeout, 'keepAliveTimeout', 0);
    this.keepAliveTimeout = keepAliveTimeout;
  } else {
    this.keepAliveTimeout = 5000;
  }

  const connectionsCheckingInterval = options.connectionsCheckingInterval;
  if (connectionsCheckingInterval !== undefined) {
    validateInteger(connectionsCheckingInterval, 'connectionsCheckingInterval', 0);
    this.connectionsCheckingInterval = connectionsCheckingInterval;
  } else {
    this.connectionsCheckingInterval = 30000;
  }

  const requireHostHeader = options.requireHostHeader;
  if (requireHostHeader !== undefined) {
    validateBoolean(requireHostHeader, 'options.requireHostHeader');
    this.requireHostHeader = requireHostHeader;
  } else {
    this.requireHostHeader = true;
  }

  const joinDuplicateHeaders = options.joinDuplicateHeaders;
  if (joinDuplicateHeaders !== undefined) {
    validateBoolean(joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = joinDuplicateHeaders;

  const rejectNonStandardBodyWrites = options.rejectNonStandardBodyWrites;
  if (rejectNonStandardBodyWrites !== undefined) {
    validateBoolean(rejectNonStandardBodyWrites, 'options.rejectNonStandardBodyWrites');
    this.rejectNonStandardBodyWrites = rejectNonStandardBodyWrites;
  } else {
    this.rejectNonStandardBodyWrites = false;
  }
}

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === null || options === undefined) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  storeHTTPOptions.call(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay === undefined ? true : options.noDelay,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });
  this[kNoDelay] = options.noDelay === undefined ? true : !!options.noDelay;
  if (requestListener) this.on('request', requestListener);
  // A client that half-closes gets its pending responses; then the socket ends.
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.on('listening', setupConnectionsTracking);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kConnections] = new Set();
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);
const kNoDelay = Symbol('noDelay');

function setupConnectionsTracking() {
  if (this[kConnectionsCheckingInterval]) clearInterval(this[kConnectionsCheckingInterval]);
  if (this.connectionsCheckingInterval > 0 && (this.headersTimeout > 0 || this.requestTimeout > 0)) {
    const t = setInterval(checkConnections.bind(this), this.connectionsCheckingInterval);
    if (t && typeof t.unref === 'function') t.unref();
    this[kConnectionsCheckingInterval] = t;
  }
}

// Finds connections whose request head (headersTimeout) or whole request (requestTimeout) is
// taking too long, and answers them with 408.
function checkConnections() {
  const now = Date.now();
  const headersTimeout = this.headersTimeout;
  const requestTimeout = this.requestTimeout;
  if (this[kConnections] === undefined) return;
  for (const socket of this[kConnections]) {
    const state = socket[kState];
    if (!state || !state.inFlight) continue;
    const elapsed = now - state.requestStart;
    const req = state.currentReq;
    if ((req === null && headersTimeout > 0 && elapsed > headersTimeout) ||
        (req !== null && !req.complete && requestTimeout > 0 && elapsed > requestTimeout)) {
      state.inFlight = false;
      socketOnError.call(socket, new ERR_HTTP_REQUEST_TIMEOUT());
    }
  }
}

Server.prototype.close = function close(...args) {
  this.closeIdleConnections();
  if (this[kConnectionsCheckingInterval]) {
    clearInterval(this[kConnectionsCheckingInterval]);
    this[kConnectionsCheckingInterval] = undefined;
  }
  return net.Server.prototype.close.apply(this, args);
};

if (typeof Symbol.asyncDispose === 'symbol') {
  Server.prototype[Symbol.asyncDispose] = function() {
    return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
  };
}

Server.prototype.closeAllConnections = function closeAllConnections() {
  if (this[kConnections] === undefined) return;
  for (const socket of this[kConnections]) socket.destroy();
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  if (this[kConnections] === undefined) return;
  for (const socket of this[kConnections]) {
    const state = socket[kState];
    if (state && !state.inFlight && state.incoming.length === 0 && !socket._httpMessage) {
      socket.destroy();
    }
  }
};

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

function connectionListener(socket) {
  connectionListenerInternal(this, socket);
}

function connectionListenerInternal(server, socket) {
  socket.server = server;
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  if (server[kNoDelay] && typeof socket.setNoDelay === 'function') socket.setNoDelay(true);
  socket.on('timeout', socketOnTimeout);

  const parser = parsers.alloc();
  parser.initialize(HTTPParser.REQUEST,
                    server.maxHeaderSize || common.maxHeaderSize,
                    lenientFlags(server.insecureHTTPParser));
  parser.socket = socket;
  socket.parser = parser;
  parser.joinDuplicateHeaders = server.joinDuplicateHeaders === true;
  // Unset, Node keeps 1000 headers (its 2000-entry raw list); 0 keeps them all.
  parser.maxHeaderPairs = typeof server.maxHeadersCount === 'number' ? server.maxHeadersCount : 1000;

  const state = {
    onData: null,
    onEnd: null,
    onClose: null,
    onDrain: null,
    // Responses waiting for the socket, behind the one that holds it (pipelining).
    outgoing: [],
    // Requests whose response has not finished.
    incoming: [],
    // Bytes queued in responses that wait for the socket.
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
    // For headersTimeout/requestTimeout: a request is in flight from its first byte until its
    // response finished.
    inFlight: false,
    requestStart: 0,
    currentReq: null,
  };
  state.onData = socketOnData.bind(undefined, server, socket, parser, state);
  // With async_hooks tracking the parser's work (requests, their bodies) runs in the async context
  // of 'connection', i.e. of the code that called listen(), as in Node.
  const frame = asyncContext.captureFrame();
  if (frame !== undefined) {
    const onData = state.onData;
    state.onData = (data) => asyncContext.callInFrame(frame, onData, undefined, data);
  }
  state.onEnd = socketOnEnd.bind(undefined, server, socket, parser, state);
  state.onClose = socketOnClose.bind(undefined, server, socket, state);
  state.onDrain = socketOnDrain.bind(undefined, socket, state);
  socket[kState] = state;
  socket.on('data', state.onData);
  socket.on('error', socketOnError);
  socket.on('end', state.onEnd);
  socket.on('close', state.onClose);
  socket.on('drain', state.onDrain);
  consumeSocket(socket, state.onData);
  parser[kOnIncoming] = parserOnIncoming.bind(undefined, server, socket, state);
  socket._paused = false;
  // Servers built on another net.Server (https over tls) reach here without our constructor.
  if (server[kConnections] === undefined) server[kConnections] = new Set();
  server[kConnections].add(socket);
}

function socketOnData(server, socket, parser, state, d) {
  if (!state.inFlight) {
    state.inFlight = true;
    state.requestStart = Date.now();
    state.currentReq = null;
  }
  const ret = parser.execute(d);
  onParserExecuteCommon(server, socket, parser, state, ret, d);
}

function onParserExecuteCommon(server, socket, parser, state, ret, d) {
  if (ret instanceof Error) {
    prepareError(ret, parser, d);
    socketOnError.call(socket, ret);
    return;
  }
  if (parser.incoming && parser.incoming.upgrade) {
    // Upgrade or CONNECT: the socket now belongs to the 'upgrade'/'connect' listener, with the
    // bytes that followed the head.
    const req = parser.incoming;
    socket.removeListener('data', state.onData);
    socket.removeListener('end', state.onEnd);
    socket.removeListener('close', state.onClose);
    socket.removeListener('drain', state.onDrain);
    socket.removeListener('error', socketOnError);
    socket.removeListener('timeout', socketOnTimeout);
    unconsumeSocket(socket);
    parser.finish();
    freeParser(parser, req, socket);
    server[kConnections].delete(socket);
    socket[kState] = undefined;
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (eventName === 'upgrade' || server.listenerCount(eventName) > 0) {
      const bodyHead = d.slice(ret, d.length);
      socket.readableFlowing = null;
      server.emit(eventName, req, socket, bodyHead);
    } else {
      socket.destroy();
    }
  } else if (parser.incoming && parser.incoming.method === 'PRI') {
    socket.destroy();
  }
}

function socketOnEnd(server, socket, parser, state) {
  const ret = parser.finish();
  if (ret instanceof Error) {
    socketOnError.call(socket, ret);
  } else if (!server.httpAllowHalfOpen) {
    socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else {
    socket.end();
  }
}

function socketOnClose(server, socket, state) {
  unconsumeSocket(socket);
  freeParser(socket.parser, null, socket);
  server[kConnections].delete(socket);
  abortIncoming(state.incoming);
}

function abortIncoming(incoming) {
  while (incoming.length) {
    const req = incoming.shift();
    req.destroy(connResetException('aborted'));
  }
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;
  // Paused because responses piled up: they went out, read again.
  if (socket._paused && !needPause) {
    socket._paused = false;
    readStart(socket);
  }
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg[kNeedDrain]) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  if (socket._paused && state.outgoingData < socket.writableHighWaterMark) {
    socketOnDrain(socket, state);
  }
}

function socketOnTimeout() {
  const state = this[kState];
  if (state && state.keepAliveTimeoutSet && this.timeout === this.server.keepAliveTimeout) {
    state.keepAliveTimeoutSet = false;
    // The keep-alive timer stays armed while requests run (see resetSocketTimeout): firing
    // during one is not a timeout of that request.
    if (state.incoming.length > 0 || this._httpMessage) return;
  }
  const req = this.parser && this.parser.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function noop() {}

function socketOnError(e) {
  // Later errors of this socket are of no interest: it is being destroyed.
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error') === 0) this.on('error', noop);
  if (!this.server.emit('clientError', e, this)) {
    // Answer only if no response of ours has put bytes on the wire: never corrupt a reply.
    if (this.writable && (!this._httpMessage || !this._httpMessage._headerSent)) {
      this.write(errorResponses[e.code] || badRequestResponse);
    }
    this.destroy(e);
  }
}

// A request arrived on a connection waiting under keepAliveTimeout. Without server.timeout the
// idle timer is left running (re-arming a socket timer costs two timer-list updates per request);
// socketOnTimeout ignores it while requests are in flight and resOnFinish refreshes it.
function resetSocketTimeout(server, socket, state) {
  if (state.keepAliveTimeoutSet && server.timeout) {
    socket.setTimeout(server.timeout);
    state.keepAliveTimeoutSet = false;
  }
}

function parserOnIncoming(server, socket, state, req, keepAlive) {
  resetSocketTimeout(server, socket, state);

  if (req.upgrade) {
    req.upgrade = req.method === 'CONNECT' || server.listenerCount('upgrade') > 0;
    if (req.upgrade) return 2;
  }

  state.incoming.push(req);
  state.currentReq = req;

  // Stop reading when responses are not leaving: a flood of pipelined requests must not pile up.
  if (!socket._paused) {
    const ws = socket._writableState;
    if ((ws && ws.needDrain) || state.outgoingData >= socket.writableHighWaterMark) {
      readStop(socket);
      socket._paused = true;
    }
  }

  const res = new server[kServerResponse](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res._onPendingData = updateOutgoingData.bind(undefined, socket, state);
  res.shouldKeepAlive = keepAlive;
  res[kUniqueHeaders] = server[kUniqueHeaders];

  if (socket._httpMessage) state.outgoing.push(res);
  else res.assignSocket(socket);

  res.on('finish', resOnFinish.bind(undefined, req, res, socket, state, server));

  let handled = false;
  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    // RFC 7230 5.4: an HTTP/1.1 request without Host gets 400.
    if (server.requireHostHeader && req._rawHeader('host') === undefined) {
      res.writeHead(400, ['Connection', 'close']);
      res.end();
      return 0;
    }
    const limited = typeof server.maxRequestsPerSocket === 'number' && server.maxRequestsPerSocket > 0;
    if (limited) {
      state.requestsCount++;
      res.maxRequestsOnConnectionReached = server.maxRequestsPerSocket <= state.requestsCount;
    }
    const expect = req._rawHeader('expect');
    if (limited && server.maxRequestsPerSocket < state.requestsCount) {
      handled = true;
      server.emit('dropRequest', req, socket);
      res.writeHead(503);
      res.end();
    } else if (expect !== undefined) {
      handled = true;
      if (continueExpression.test(expect)) {
        res._expect_continue = true;
        if (server.listenerCount('checkContinue') > 0) {
          server.emit('checkContinue', req, res);
        } else {
          res.writeContinue();
          server.emit('request', req, res);
        }
      } else if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', req, res);
      } else {
        res.writeHead(417);
        res.end();
      }
    }
  }
  if (!handled) server.emit('request', req, res);
  return 0;
}

function clearIncoming(req) {
  req = req || this;
  const parser = req.socket && req.socket.parser;
  // Drop the parser's hold on the request so it can be collected.
  if (parser && parser.incoming === req) {
    if (req.readableEnded) parser.incoming = null;
    else req.on('end', clearIncoming);
  }
}

function resOnFinish(req, res, socket, state, server) {
  if (state.incoming.length !== 0 && state.incoming[0] === req) state.incoming.shift();
  // Nobody read the body: pull it off the wire so the next request can be parsed.
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
  res.detachSocket(socket);
  clearIncoming(req);
  process.nextTick(emitCloseNT, res);

  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  } else if (state.outgoing.length === 0) {
    if (state.incoming.length === 0) state.inFlight = false;
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      if (state.keepAliveTimeoutSet && socket.timeout === server.keepAliveTimeout &&
          typeof socket._unrefTimer === 'function') {
        socket._unrefTimer();
      } else {
        socket.setTimeout(server.keepAliveTimeout);
        state.keepAliveTimeoutSet = true;
      }
    }
  } else {
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
  }
}

module.exports = {
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener: connectionListener,
  kServerResponse,
  kConnections,
};
