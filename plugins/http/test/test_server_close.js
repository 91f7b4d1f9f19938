'use strict';
// server.close() ends idle keep-alive connections; closeIdleConnections() spares busy ones;
// closeAllConnections() ends everything; 'close' fires once all are gone.
const assert = require('assert');
const http = require('http');
const net = require('net');
const { listen, mustCall } = require('./common');

let slowRes;
const server = http.createServer((req, res) => {
  if (req.url === '/slow') slowRes = res;
  else res.end('quick');
});

function openKeepAlive(port, path) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`));
    c.setEncoding('latin1');
    let got = '';
    c.on('data', (d) => {
      got += d;
      if (got.endsWith('quick')) resolve(c);
    });
    if (path === '/slow') setTimeout(() => resolve(c), 50);
  });
}

(async () => {
  const port = await listen(server);
  const idle = await openKeepAlive(port, '/');
  const busy = await openKeepAlive(port, '/slow');
  const idleClosed = new Promise((r) => idle.on('close', r));
  server.closeIdleConnections();
  await idleClosed;
  assert.strictEqual(busy.destroyed, false);

  // The busy connection finishes its response, then server.close() can complete.
  const busyClosed = new Promise((r) => busy.on('close', r));
  busy.on('data', () => {});
  server.close(mustCall());
  slowRes.end('late');
  // close() does not end busy connections: closeAllConnections does.
  setTimeout(() => server.closeAllConnections(), 30);
  await busyClosed;
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
