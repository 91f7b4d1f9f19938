'use strict';
// Chunked bodies with trailers in both directions, large bodies streamed with backpressure
// ('drain'), and bodies that arrive in many small pieces.
const assert = require('assert');
const http = require('http');
const { listen, close, rawRequest } = require('./common');

const big = Buffer.alloc(4 * 1024 * 1024, 'x');
const server = http.createServer((req, res) => {
  if (req.url === '/trailers') {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      res.setHeader('Trailer', 'X-Sum');
      res.write(`${body}|${req.trailers['x-in']}`);
      res.addTrailers({ 'X-Sum': 'abc' });
      res.end();
    });
  } else if (req.url === '/big') {
    // Write until the socket pushes back, then continue on 'drain'.
    let sent = 0;
    let sawBackpressure = false;
    const chunk = big.subarray(0, 64 * 1024);
    const pump = () => {
      while (sent < big.length) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          sawBackpressure = true;
          res.once('drain', pump);
          return;
        }
      }
      res.end(String(sawBackpressure));
    };
    pump();
  } else if (req.url === '/count') {
    let n = 0;
    req.on('data', (d) => { n += d.length; });
    req.on('end', () => res.end(String(n)));
  }
});

(async () => {
  const port = await listen(server);

  // Request trailers in; response trailers out.
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/trailers',
                               headers: { Trailer: 'X-In' } }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        assert.strictEqual(body, 'ab|in-value');
        assert.deepStrictEqual(res.trailers, { 'x-sum': 'abc' });
        assert.deepStrictEqual(res.rawTrailers, ['X-Sum', 'abc']);
        resolve();
      });
    });
    req.write('a');
    req.write('b');
    req.addTrailers({ 'X-In': 'in-value' });
    req.end();
  });

  // A 4 MiB response through a reader that pauses now and then.
  await new Promise((resolve) => {
    http.get({ port, host: '127.0.0.1', path: '/big' }, (res) => {
      let n = 0;
      let tail = '';
      res.on('data', (d) => {
        n += d.length;
        tail = (tail + d.toString('latin1')).slice(-5);
        if (n % 7 === 0) {
          res.pause();
          setTimeout(() => res.resume(), 1);
        }
      });
      res.on('end', () => {
        assert.strictEqual(n, big.length + 4);
        assert.strictEqual(tail, 'xtrue');
        resolve();
      });
    });
  });

  // A body sent one byte per write on the raw socket.
  const body = 'hello world';
  const parts = [`POST /count HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`, ...body];
  const r = await rawRequest(port, parts);
  assert.ok(r.endsWith('\r\n\r\n11'), JSON.stringify(r));

  // A 1 MiB upload, chunked, from the client.
  const upload = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < upload.length; i++) upload[i] = (i * 31) & 0xff;
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/count' }, (res) => {
      let b = '';
      res.on('data', (d) => { b += d; });
      res.on('end', () => { assert.strictEqual(b, String(upload.length)); resolve(); });
    });
    for (let i = 0; i < upload.length; i += 100000) req.write(upload.subarray(i, i + 100000));
    req.end();
  });

  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
