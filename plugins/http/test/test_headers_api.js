'use strict';
// The OutgoingMessage header API, validateHeaderName/Value, STATUS_CODES, METHODS, maxHeaderSize.
const assert = require('assert');
const http = require('http');

assert.strictEqual(http.STATUS_CODES[200], 'OK');
assert.strictEqual(http.STATUS_CODES[404], 'Not Found');
assert.strictEqual(http.STATUS_CODES[418], 'I\'m a Teapot');
assert.ok(http.METHODS.includes('GET') && http.METHODS.includes('M-SEARCH'));
assert.deepStrictEqual(http.METHODS, [...http.METHODS].sort());
assert.strictEqual(http.maxHeaderSize, 16384);

assert.throws(() => http.validateHeaderName('bad name'), { code: 'ERR_INVALID_HTTP_TOKEN', name: 'TypeError' });
assert.throws(() => http.validateHeaderName(''), { code: 'ERR_INVALID_HTTP_TOKEN' });
http.validateHeaderName('X-Good_Name~1');
assert.throws(() => http.validateHeaderValue('x', undefined), { code: 'ERR_HTTP_INVALID_HEADER_VALUE' });
assert.throws(() => http.validateHeaderValue('x', 'a\r\nb'), { code: 'ERR_INVALID_CHAR' });
http.validateHeaderValue('x', 'tab\tand latin1 \xe9');

const res = new http.OutgoingMessage();
res.setHeader('Content-Type', 'text/plain');
res.setHeader('X-List', ['a', 'b']);
assert.strictEqual(res.getHeader('content-type'), 'text/plain');
assert.ok(res.hasHeader('CONTENT-TYPE'));
assert.deepStrictEqual(res.getHeaderNames(), ['content-type', 'x-list']);
assert.deepStrictEqual(res.getRawHeaderNames(), ['Content-Type', 'X-List']);
const headers = res.getHeaders();
assert.strictEqual(Object.getPrototypeOf(headers), null);
assert.deepStrictEqual({ ...headers }, { 'content-type': 'text/plain', 'x-list': ['a', 'b'] });
res.appendHeader('X-List', 'c');
assert.deepStrictEqual(res.getHeader('x-list'), ['a', 'b', 'c']);
res.removeHeader('X-LIST');
assert.strictEqual(res.hasHeader('x-list'), false);
assert.throws(() => res.setHeader('bad header', 'v'), { code: 'ERR_INVALID_HTTP_TOKEN' });
assert.throws(() => res.setHeader('x', undefined), { code: 'ERR_HTTP_INVALID_HEADER_VALUE' });
assert.throws(() => res.getHeader(1), { code: 'ERR_INVALID_ARG_TYPE' });
res.setHeaders(new Map([['a', '1'], ['b', '2']]));
assert.strictEqual(res.getHeader('b'), '2');
assert.throws(() => res._implicitHeader(), { code: 'ERR_METHOD_NOT_IMPLEMENTED' });

const sr = new http.ServerResponse({ method: 'GET', httpVersionMajor: 1, httpVersionMinor: 1 });
assert.strictEqual(sr.statusCode, 200);
assert.throws(() => sr.writeHead(99), { code: 'ERR_HTTP_INVALID_STATUS_CODE' });
assert.throws(() => sr.writeHead(1000), { code: 'ERR_HTTP_INVALID_STATUS_CODE' });
assert.strictEqual(sr.headersSent, false);
sr.writeHead(200, { 'X-A': '1' });
assert.strictEqual(sr.headersSent, true);
assert.throws(() => sr.writeHead(200), { code: 'ERR_HTTP_HEADERS_SENT' });

const req = new http.IncomingMessage(null);
assert.strictEqual(req.complete, false);
assert.deepStrictEqual(req.headers, {});
console.log('ok');
