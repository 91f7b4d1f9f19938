'use strict';
// Slow clients on real sockets: a head dribbled byte by byte (slowloris) is cut off by
// headersTimeout, a body dribbled byte by byte by requestTimeout — each with Node 20's 408 and a
// closed connection, long before the client would have finished — while other clients are
// served. Runs unchanged under Node 20 (the reference).
const assert = require('assert');
const http = require('http');
const { listen, close, exchange } = require('./common');

const timedOut = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';
const bytes = (s) => s.split('');

(async () => {
  const events = [];
  let bodyAborted;
  const aborted = new Promise((resolve) => { bodyAborted = resolve; });
  const server = http.createServer({ headersTimeout: 300, requestTimeout: 600, connectionsCheckingInterval: 50 },
                                   (req, res) => {
                                     events.push(`request ${req.url}`);
                                     // No 'error' listener on purpose: an aborted body must not throw.
                                     req.on('aborted', () => {
                                       events.push(`aborted ${req.url}`);
                                       bodyAborted();
                                     });
                                     req.resume();
                                     req.on('end', () => res.end('done'));
                                   });
  const port = await listen(server);

  // Ten slowloris clients, one byte every 10 ms of a 3000-byte head (30 s if nobody stopped
  // them), and a normal client in the middle of them.
  const head = `GET /loris HTTP/1.1\r\nHost: x\r\nX-Slow: ${'s'.repeat(3000)}\r\n\r\n`;
  const loris = Array.from({ length: 10 }, () => exchange(port, bytes(head), { gap: 10 }));
  const normal = await exchange(port, 'GET /normal HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.ok(normal.data.endsWith('done'), normal.data);
  for (const r of await Promise.all(loris)) {
    assert.strictEqual(r.data, timedOut);
    assert.ok(r.serverEnded || r.reset);
    assert.ok(r.piecesSent < head.length / 2, `${r.piecesSent} bytes sent before the close`);
  }

  // A complete head, then a 2000-byte body one byte every 10 ms: requestTimeout ends it.
  const body = `POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n`;
  const slowBody = await exchange(port, [body, ...bytes('b'.repeat(2000))], { gap: 10 });
  assert.strictEqual(slowBody.data, timedOut);
  assert.ok(slowBody.piecesSent < 1000, `${slowBody.piecesSent} pieces sent before the close`);
  await aborted;
  assert.deepStrictEqual(events, ['request /normal', 'request /body', 'aborted /body']);

  // A 'clientError' listener sees the timeout as ERR_HTTP_REQUEST_TIMEOUT.
  const codes = [];
  server.on('clientError', (err, socket) => {
    codes.push(err.code);
    socket.destroy();
  });
  const r = await exchange(port, bytes(head), { gap: 10 });
  assert.strictEqual(r.data, '');
  assert.deepStrictEqual(codes, ['ERR_HTTP_REQUEST_TIMEOUT']);

  const after = await exchange(port, 'GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.ok(after.data.endsWith('done'), after.data);
  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
