'use strict';
// Strict parsing: malformed requests, duplicate Content-Length, bad chunk sizes and oversized
// heads get 400/431 and a 'clientError' (or the default answer), never a crash or a hang.
const assert = require('assert');
const http = require('http');
const { listen, close, rawRequest } = require('./common');

(async () => {
  // Default answers (no 'clientError' listener).
  const server = http.createServer({ maxHeaderSize: 1024 }, (req, res) => {
    req.resume();
    req.on('end', () => res.end('fine'));
  });
  const port = await listen(server);
  const cases = [
    ['garbage', 'NOT HTTP AT ALL\r\n\r\n', 400],
    ['bad method', 'G@T / HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['bad version', 'GET / HTTP/9.9x\r\nHost: x\r\n\r\n', 400],
    ['duplicate content-length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab', 400],
    ['content-length with chunked', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['bad chunk size', 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n', 400],
    ['bad header name', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n', 400],
    ['header overflow', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(2000)}\r\n\r\n`, 431],
  ];
  for (const [name, payload, status] of cases) {
    const r = await rawRequest(port, payload);
    assert.ok(r.startsWith(`HTTP/1.1 ${status} `), `${name}: ${JSON.stringify(r)}`);
    assert.match(r, /Connection: close\r\n\r\n$/, name);
  }
  // The server still answers well-formed requests.
  const ok = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.ok(ok.endsWith('fine'));

  // 'clientError' listeners get the parse error and the socket.
  const errors = [];
  server.on('clientError', (err, socket) => {
    errors.push(err);
    socket.end('HTTP/1.1 400 Custom\r\n\r\n');
  });
  const r = await rawRequest(port, 'BROKEN\r\n\r\n');
  assert.strictEqual(r, 'HTTP/1.1 400 Custom\r\n\r\n');
  assert.strictEqual(errors.length, 1);
  assert.match(errors[0].code, /^HPE_/);
  assert.ok(Buffer.isBuffer(errors[0].rawPacket));
  assert.strictEqual(typeof errors[0].bytesParsed, 'number');

  await rawRequest(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(2000)}\r\n\r\n`);
  assert.strictEqual(errors[1].code, 'HPE_HEADER_OVERFLOW');
  await close(server);

  // headersTimeout: a head that never ends gets 408.
  const slow = http.createServer({ headersTimeout: 200, requestTimeout: 400, connectionsCheckingInterval: 50 },
                                 () => assert.fail('no request expected'));
  const slowPort = await listen(slow);
  const started = Date.now();
  const t = await rawRequest(slowPort, 'GET / HTTP/1.1\r\nHost: x\r\n');
  assert.match(t, /^HTTP\/1\.1 408 Request Timeout\r\n/);
  assert.ok(Date.now() - started < 5000);
  await close(slow);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
