'use strict';
// What the server and the client share: the parser (the native binding over llhttp), its pool,
// the three parser callbacks, and the token/character checks for header names and values.

const { HTTPParser, setCallbacks, methods: methodTable } = binding;
const { kUpgrade, kKeepAlive, kComplete } = HTTPParser;
const { IncomingMessage, readStart, readStop } = require('_http_incoming');

const methods = methodTable.filter((m) => m !== undefined).sort();
const kIncomingMessage = Symbol('IncomingMessage');
const kOnIncoming = Symbol('onIncoming');

let maxHeaderSize = 16 * 1024;

// Called once per message head, with the headers as trailing name, value... arguments (or, for
// very many, one array of them). `flags` carries upgrade/keep-alive and whether the head is the
// whole message (then no onMessageComplete follows and this function completes it itself).
function parserOnHeadersComplete(method, url, statusCode, statusMessage, version, flags,
                                 ...headers) {
  if (headers.length === 1) headers = headers[0];
  const parser = this;
  const socket = parser.socket;
  const Incoming = (socket && socket.server && socket.server[kIncomingMessage]) || IncomingMessage;
  const incoming = parser.incoming = new Incoming(socket);
  const versionMajor = version >> 8;
  const versionMinor = version & 0xff;
  incoming.httpVersionMajor = versionMajor;
  incoming.httpVersionMinor = versionMinor;
  incoming.httpVersion = version === 0x101 ? '1.1' : `${versionMajor}.${versionMinor}`;
  incoming.joinDuplicateHeaders = parser.joinDuplicateHeaders === true;
  if (parser.maxHeaderPairs > 0 && headers.length > parser.maxHeaderPairs * 2) {
    headers.length = parser.maxHeaderPairs * 2;
  }
  incoming._setRawHeaders(headers);
  if (method !== undefined) {
    incoming.method = methodTable[method];
    incoming.url = url;
  } else {
    incoming.statusCode = statusCode;
    incoming.statusMessage = statusMessage;
  }
  incoming.upgrade = (flags & kUpgrade) !== 0;
  const ret = parser[kOnIncoming](incoming, (flags & kKeepAlive) !== 0);
  if ((flags & kComplete) !== 0 && parser.incoming === incoming) completeMessage(parser, incoming);
  return ret;
}

// A view of the Buffer being parsed, pushed as is: body bytes are never copied.
function parserOnBody(buffer, offset, length) {
  const stream = this.incoming;
  if (stream === null || stream === undefined || length === 0 || stream._dumped) return;
  const ret = stream.push(buffer.subarray(offset, offset + length));
  if (!ret) readStop(this.socket);
}

function parserOnMessageComplete(...trailers) {
  if (trailers.length === 1) trailers = trailers[0];
  const stream = this.incoming;
  if (stream === null || stream === undefined) return;
  if (trailers.length !== 0) stream._setRawTrailers(trailers);
  completeMessage(this, stream);
}

function completeMessage(parser, stream) {
  stream.complete = true;
  // For emit('end') when nobody reads the body: push(null) only marks the end.
  stream.push(null);
  readStart(parser.socket);
}

setCallbacks(parserOnHeadersComplete, parserOnBody, parserOnMessageComplete);

// A small pool of parsers, as Node keeps (http.setMaxIdleHTTPParsers).
const parserPool = {
  max: 1000,
  list: [],
  alloc() {
    const p = this.list.pop();
    return p !== undefined ? p : new HTTPParser();
  },
  free(p) {
    if (this.list.length < this.max) this.list.push(p);
  },
};

function freeParser(parser, req, socket) {
  if (parser) {
    parser.close();
    parser.incoming = null;
    parser.outgoing = null;
    parser.socket = null;
    parser[kOnIncoming] = null;
    parser.maxHeaderPairs = 0;
    parser.joinDuplicateHeaders = false;
    parserPool.free(parser);
  }
  if (req) req.parser = null;
  if (socket) socket.parser = null;
}

function prepareError(err, parser, rawPacket) {
  if (err.rawPacket === undefined) err.rawPacket = rawPacket;
}

// RFC 7230 token characters.
const tokenTable = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~") tokenTable[c.charCodeAt(0)] = 1;
for (let c = 48; c <= 57; c++) tokenTable[c] = 1;
for (let c = 65; c <= 90; c++) tokenTable[c] = 1;
for (let c = 97; c <= 122; c++) tokenTable[c] = 1;

function checkIsHttpToken(val) {
  if (typeof val !== 'string' || val.length === 0) return false;
  for (let i = 0; i < val.length; i++) {
    const c = val.charCodeAt(i);
    if (c > 127 || tokenTable[c] !== 1) return false;
  }
  return true;
}

// A header value may hold tabs and bytes 0x20-0xff except DEL.
const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}

function isLenient(insecure) {
  return insecure === true;
}

function lenientFlags(insecure) {
  return insecure === true ? HTTPParser.kLenientAll : 0;
}

module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  checkIsHttpToken,
  checkInvalidHeaderChar,
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  CRLF: '\r\n',
  freeParser,
  methods,
  parsers: parserPool,
  kIncomingMessage,
  kOnIncoming,
  HTTPParser,
  isLenient,
  lenientFlags,
  prepareError,
  get maxHeaderSize() { return maxHeaderSize; },
  set maxHeaderSize(v) { maxHeaderSize = v; },
};
