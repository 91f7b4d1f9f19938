'use strict';
// Connection lifetimes: keepAliveTimeout closes an idle kept-alive connection, but never one
// whose request takes longer than it; server.setTimeout emits 'timeout' (and destroys the socket
// when nobody listens); maxRequestsPerSocket closes after N requests and answers 503 past them.
const assert = require('assert');
const http = require('http');
const net = require('net');
const { listen, close, mustCall, rawRequest } = require('./common');

function exchange(port, requests, until) {
  return rawRequest(port, requests, until);
}

(async () => {
  // keepAliveTimeout 200 ms; the second request's handler takes 400 ms.
  const server = http.createServer({ keepAliveTimeout: 200 }, (req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('slow done'), 400);
    else res.end('fast');
  });
  let port = await listen(server);
  const started = Date.now();
  const c = net.connect(port, '127.0.0.1');
  let got = '';
  c.setEncoding('latin1');
  c.on('data', (d) => {
    got += d;
    if (got.endsWith('fast')) setTimeout(() => c.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n'), 50);
  });
  c.write('GET /fast HTTP/1.1\r\nHost: x\r\n\r\n');
  await new Promise((r) => c.on('close', r));
  const elapsed = Date.now() - started;
  assert.ok(got.endsWith('slow done'), JSON.stringify(got));
  assert.match(got, /Keep-Alive: timeout=0\r\n/);
  // Closed by the idle timer after the slow answer, not before it and not much later.
  assert.ok(elapsed >= 450 && elapsed < 3000, `closed after ${elapsed} ms`);
  await close(server);

  // server.setTimeout: 'timeout' with a listener, destroy without one.
  const s2 = http.createServer((req, res) => { /* never answers */ });
  s2.setTimeout(100, mustCall((socket) => socket.destroy()));
  port = await listen(s2);
  let r = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.strictEqual(r, '');
  await close(s2);

  // maxRequestsPerSocket: the second answer carries Connection: close.
  const s3 = http.createServer((req, res) => res.end(req.url));
  s3.maxRequestsPerSocket = 2;
  port = await listen(s3);
  r = await exchange(port, 'GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n');
  const answers = r.split('HTTP/1.1 ').slice(1);
  assert.strictEqual(answers.length, 2);
  assert.match(answers[0], /Connection: keep-alive/);
  assert.match(answers[1], /Connection: close/);
  await close(s3);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
