'use strict';
// Misuse of responses and requests gets Node's errors: bad status codes and header names or
// values, headers changed after they were sent, writes after end, strictContentLength
// mismatches on both sides, bodies where the status or method allows none, bad request
// options; a custom `lookup` is used, and its failure is the request's error.
const assert = require('assert');
const http = require('http');
const { mustCall, rawRequest, listen, close } = require('./common');

const withoutDate = (s) => s.replace(/\r\nDate: [^\r]*/, '\r\nDate: X');
const throwsCode = (fn, code, name, message) => assert.throws(fn, { code, name, ...(message && { message }) });

const server = http.createServer((req, res) => {
  switch (req.url) {
    case '/status':
      for (const bad of [99, 1000, 'abc']) {
        throwsCode(() => res.writeHead(bad), 'ERR_HTTP_INVALID_STATUS_CODE', 'RangeError', `Invalid status code: ${bad}`);
      }
      res.end();
      break;
    case '/headers':
      throwsCode(() => res.setHeader('bad name', 'x'), 'ERR_INVALID_HTTP_TOKEN', 'TypeError',
                 'Header name must be a valid HTTP token ["bad name"]');
      throwsCode(() => res.setHeader('x', 'a\nb'), 'ERR_INVALID_CHAR', 'TypeError',
                 'Invalid character in header content ["x"]');
      throwsCode(() => res.setHeader('x', undefined), 'ERR_HTTP_INVALID_HEADER_VALUE', 'TypeError',
                 'Invalid value "undefined" for header "x"');
      throwsCode(() => res.writeHead(200, { x: 'a\r\nb' }), 'ERR_INVALID_CHAR', 'TypeError');
      res.writeHead(200, { 'content-type': 'text/plain' });
      throwsCode(() => res.writeHead(201), 'ERR_HTTP_HEADERS_SENT', 'Error',
                 'Cannot write headers after they are sent to the client');
      throwsCode(() => res.setHeader('a', 'b'), 'ERR_HTTP_HEADERS_SENT', 'Error',
                 'Cannot set headers after they are sent to the client');
      throwsCode(() => res.removeHeader('a'), 'ERR_HTTP_HEADERS_SENT', 'Error',
                 'Cannot remove headers after they are sent to the client');
      res.end('z');
      res.on('error', mustCall((err) => assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END')));
      assert.strictEqual(res.write('more', mustCall((err) => assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END'))),
                         false);
      break;
    case '/strict-long':
      res.strictContentLength = true;
      res.setHeader('Content-Length', 3);
      res.write('abcd');
      throwsCode(() => res.end(), 'ERR_HTTP_CONTENT_LENGTH_MISMATCH', 'Error',
                 "Response body's content-length of 4 byte(s) does not match the content-length of 3 byte(s) set in header");
      res.destroy();
      break;
    case '/strict-short':
      res.strictContentLength = true;
      res.setHeader('Content-Length', 5);
      res.write('ab');
      throwsCode(() => res.end(), 'ERR_HTTP_CONTENT_LENGTH_MISMATCH', 'Error');
      res.destroy();
      break;
    case '/no-body':
      // HEAD, 204 and 304 carry no body, whatever is written.
      if (req.method !== 'HEAD') res.statusCode = Number(req.headers['x-status']);
      res.setHeader('Content-Length', 3);
      if (res.statusCode === 204) res.removeHeader('Content-Length');
      res.end('abc');
      break;
    default:
      res.end(`ok ${req.method}`);
  }
});

(async () => {
  const port = await listen(server);
  const get = (path, method = 'GET', extra = '') =>
    rawRequest(port, `${method} ${path} HTTP/1.1\r\nHost: x\r\n${extra}Connection: close\r\n\r\n`).then(withoutDate);

  assert.strictEqual(await get('/status'), 'HTTP/1.1 200 OK\r\nDate: X\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  assert.strictEqual(await get('/headers'), 'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nDate: X\r\n' +
                     'Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n');
  assert.strictEqual(await get('/strict-long'), '');
  assert.strictEqual(await get('/strict-short'), '');
  assert.strictEqual(await get('/no-body', 'HEAD'),
                     'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nDate: X\r\nConnection: close\r\n\r\n');
  assert.strictEqual(await get('/no-body', 'GET', 'x-status: 204\r\n'),
                     'HTTP/1.1 204 No Content\r\nDate: X\r\nConnection: close\r\n\r\n');
  assert.strictEqual(await get('/no-body', 'GET', 'x-status: 304\r\n'),
                     'HTTP/1.1 304 Not Modified\r\nContent-Length: 3\r\nDate: X\r\nConnection: close\r\n\r\n');

  // Bad request options throw before anything is sent.
  throwsCode(() => http.request({ port, method: 'GE T' }), 'ERR_INVALID_HTTP_TOKEN', 'TypeError',
             'Method must be a valid HTTP token ["GE T"]');
  throwsCode(() => http.request({ port, path: '/a b' }), 'ERR_UNESCAPED_CHARACTERS', 'TypeError',
             'Request path contains unescaped characters');
  throwsCode(() => http.request({ port, protocol: 'https:' }), 'ERR_INVALID_PROTOCOL', 'TypeError',
             'Protocol "https:" not supported. Expected "http:"');
  throwsCode(() => http.request({ port, headers: { 'x y': '1' } }), 'ERR_INVALID_HTTP_TOKEN', 'TypeError');
  throwsCode(() => http.request({ port, headers: { x: 'a\nb' } }), 'ERR_INVALID_CHAR', 'TypeError');
  throwsCode(() => http.request('nope'), 'ERR_INVALID_URL', 'TypeError');
  throwsCode(() => http.request({ host: 5 }), 'ERR_INVALID_ARG_TYPE', 'TypeError');
  throwsCode(() => http.request({ port, timeout: 'x' }), 'ERR_INVALID_ARG_TYPE', 'TypeError');
  throwsCode(() => http.request({ port, agent: 'x' }), 'ERR_INVALID_ARG_TYPE', 'TypeError');
  throwsCode(() => http.request({ port, insecureHTTPParser: 'x' }), 'ERR_INVALID_ARG_TYPE', 'TypeError');
  throwsCode(() => http.request({ port, maxHeaderSize: -1 }), 'ERR_OUT_OF_RANGE', 'RangeError');
  throwsCode(() => http.createServer({ maxHeaderSize: 'x' }), 'ERR_INVALID_ARG_TYPE', 'TypeError');
  throwsCode(() => http.createServer({ requestTimeout: -1 }), 'ERR_OUT_OF_RANGE', 'RangeError');

  // A request body longer than its Content-Length, with strictContentLength (Node words it
  // "Response body" on the client side too).
  {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', headers: { 'content-length': 2 } });
    req.strictContentLength = true;
    req.on('error', () => {});
    req.write('abc');
    throwsCode(() => req.end(), 'ERR_HTTP_CONTENT_LENGTH_MISMATCH', 'Error',
               "Response body's content-length of 3 byte(s) does not match the content-length of 2 byte(s) set in header");
    req.destroy();
  }

  // A custom lookup resolves the host name; its error becomes the request's.
  const body = await new Promise((resolve, reject) => {
    const lookup = mustCall((host, options, cb) => {
      assert.strictEqual(host, 'my.test');
      if (options && options.all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
      else cb(null, '127.0.0.1', 4);
    });
    http.get({ host: 'my.test', port, path: '/', lookup, agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
  assert.strictEqual(body, 'ok GET');
  await new Promise((resolve) => {
    const lookup = (host, options, cb) => cb(Object.assign(new Error('no such host'), { code: 'ENOTFOUND' }));
    http.get({ host: 'bad.test', port, lookup, agent: false }, () => assert.fail('no response'))
      .on('error', mustCall((err) => {
        assert.strictEqual(err.code, 'ENOTFOUND');
        assert.strictEqual(err.message, 'no such host');
        resolve();
      }));
  });
  await close(server);
})().then(mustCall());
