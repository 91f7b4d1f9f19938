'use strict';
// The client's failure paths: setTimeout/'timeout', destroy() before and after the response,
// abort(), AbortSignal, 'socket hang up' when the server closes without answering, and an
// 'aborted' response when the server dies mid-body.
const assert = require('assert');
const http = require('http');
const { listen, close, mustCall } = require('./common');

const server = http.createServer((req, res) => {
  if (req.url === '/hang') return; // never answers
  if (req.url === '/close') { req.socket.destroy(); return; }
  if (req.url === '/partial') {
    res.writeHead(200, { 'Content-Length': 100 });
    res.write('only part');
    setTimeout(() => req.socket.destroy(), 20);
    return;
  }
  res.end('ok');
});

(async () => {
  const port = await listen(server);
  const base = { port, host: '127.0.0.1', agent: false };

  await new Promise((resolve) => {
    const req = http.get({ ...base, path: '/hang' });
    req.setTimeout(50, mustCall(() => req.destroy()));
    req.on('error', mustCall((err) => assert.strictEqual(err.code, 'ECONNRESET')));
    req.on('close', resolve);
  });

  await new Promise((resolve) => {
    const req = http.get({ ...base, path: '/hang', timeout: 50 });
    req.on('timeout', mustCall(() => req.destroy(new Error('mine'))));
    req.on('error', mustCall((err) => assert.strictEqual(err.message, 'mine')));
    req.on('close', resolve);
  });

  await new Promise((resolve) => {
    const req = http.get({ ...base, path: '/close' });
    req.on('error', mustCall((err) => {
      assert.strictEqual(err.code, 'ECONNRESET');
      assert.strictEqual(err.message, 'socket hang up');
    }));
    req.on('close', resolve);
  });

  await new Promise((resolve) => {
    const req = http.get({ ...base, path: '/partial' }, mustCall((res) => {
      res.on('data', () => {});
      res.on('aborted', mustCall());
      res.on('close', () => {
        assert.strictEqual(res.complete, false);
        resolve();
      });
    }));
    req.on('error', () => {});
  });

  await new Promise((resolve) => {
    const req = http.get({ ...base, path: '/hang' });
    req.on('abort', mustCall());
    req.on('error', () => {});
    req.on('close', mustCall(() => {
      assert.strictEqual(req.aborted, true);
      assert.strictEqual(req.destroyed, true);
      resolve();
    }));
    req.on('socket', () => setTimeout(() => req.abort(), 10));
  });

  await new Promise((resolve) => {
    const ac = new AbortController();
    const req = http.get({ ...base, path: '/hang', signal: ac.signal });
    req.on('error', mustCall((err) => assert.strictEqual(err.name, 'AbortError')));
    req.on('close', resolve);
    setTimeout(() => ac.abort(), 10);
  });

  // destroy() before a socket was assigned.
  await new Promise((resolve) => {
    const req = http.get({ ...base, path: '/' });
    req.on('error', mustCall((err) => assert.strictEqual(err.code, 'ECONNRESET')));
    req.on('close', resolve);
    req.destroy();
  });

  server.closeAllConnections();
  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
