'use strict';
// Expect: 100-continue — the default answer, 'checkContinue', the client's 'continue' and
// 'information' events, and 417 for other expectations.
const assert = require('assert');
const http = require('http');
const { listen, close, mustCall, rawRequest } = require('./common');

const server = http.createServer(mustCall((req, res) => {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => res.end('got ' + body));
}));

(async () => {
  let port = await listen(server);

  // No checkContinue listener: the server writes 100 Continue itself.
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', agent: false,
                               headers: { Expect: '100-continue', 'Content-Length': 4 } });
    const info = [];
    req.on('information', (i) => info.push(i.statusCode));
    req.on('continue', mustCall(() => req.end('data')));
    req.on('response', (res) => {
      let b = '';
      res.on('data', (d) => { b += d; });
      res.on('end', () => {
        assert.strictEqual(b, 'got data');
        assert.deepStrictEqual(info, [100]);
        resolve();
      });
    });
  });
  await close(server);

  // checkContinue: the listener decides.
  const server2 = http.createServer();
  server2.on('checkContinue', mustCall((req, res) => {
    if (req.url === '/no') {
      res.writeHead(403);
      res.end('denied');
      return;
    }
    res.writeContinue();
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => res.end('ok ' + body));
  }, 2));
  port = await listen(server2);
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'PUT', path: '/yes', agent: false,
                               headers: { Expect: '100-continue' } });
    req.on('continue', () => req.end('payload'));
    req.on('response', (res) => {
      let b = '';
      res.on('data', (d) => { b += d; });
      res.on('end', () => { assert.strictEqual(b, 'ok payload'); resolve(); });
    });
  });
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'PUT', path: '/no', agent: false,
                               headers: { Expect: '100-continue' } });
    req.on('continue', () => assert.fail('no continue expected'));
    req.on('response', (res) => {
      assert.strictEqual(res.statusCode, 403);
      res.resume();
      res.on('end', resolve);
    });
  });

  const r = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nExpect: something-else\r\nConnection: close\r\n\r\n');
  assert.match(r, /^HTTP\/1\.1 417 Expectation Failed\r\n/);
  await close(server2);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
