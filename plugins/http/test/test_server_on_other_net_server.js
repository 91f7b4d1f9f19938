'use strict';
// How https builds on http: a server that is not an http.Server (here a plain net.Server) gets
// the HTTP options and the connection listener from _http_server and serves requests.
const assert = require('assert');
const http = require('http');
const net = require('net');
const { storeHTTPOptions, _connectionListener } = require('_http_server');
const { listen, close, rawRequest } = require('./common');

(async () => {
  const server = net.createServer({ allowHalfOpen: true });
  storeHTTPOptions.call(server, { keepAliveTimeout: 1000 });
  server.httpAllowHalfOpen = false;
  server.on('connection', _connectionListener);
  server.on('request', (req, res) => res.end(`served ${req.url}`));
  assert.strictEqual(http._connectionListener, _connectionListener);
  const port = await listen(server);
  const r = await rawRequest(port, 'GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.match(r, /^HTTP\/1\.1 200 OK\r\n/);
  assert.ok(r.endsWith('served /x'));
  http.Server.prototype.closeAllConnections.call(server);
  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
