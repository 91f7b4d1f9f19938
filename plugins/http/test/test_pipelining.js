'use strict';
// Pipelined requests on one connection are answered in order, even when an earlier response
// finishes after a later one was written.
const assert = require('assert');
const http = require('http');
const { rawRequest, listen, close, mustCall } = require('./common');

const server = http.createServer(mustCall((req, res) => {
  if (req.url === '/slow') setTimeout(() => res.end('slow'), 50);
  else res.end(req.url.slice(1));
}, 4));

(async () => {
  const port = await listen(server);
  const one = (path) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`;
  const r = await rawRequest(port, one('/slow') + one('/a') + one('/b') +
                             'GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  const bodies = r.split('HTTP/1.1 200 OK').slice(1).map((part) => part.slice(part.indexOf('\r\n\r\n') + 4));
  assert.deepStrictEqual(bodies, ['slow', 'a', 'b', 'c']);
  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
