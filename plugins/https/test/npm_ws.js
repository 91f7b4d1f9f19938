'use strict';
// The unmodified ws package (from the http plugin's npm fixture) over TLS: a WebSocket server on
// https.createServer and a wss:// client on nodus, text and a 1 MiB binary message echoed, then
// a clean close.
const assert = require('assert');
const path = require('path');
const https = require('https');
const { certs, deadline } = require('../../tls/test/common');

deadline(30000);
const c = certs();
const modules = path.join(process.env.NODUS_TEST_BUILD_DIR || path.join(__dirname, '../../../build'),
                          'npm-test', 'node_modules');
const WebSocket = require(path.join(modules, 'ws'));

const server = https.createServer({ key: c.server.key, cert: c.server.cert });
const wss = new WebSocket.Server({ server });
wss.on('connection', (ws, req) => {
  assert.strictEqual(req.socket.encrypted, true);
  ws.on('message', (data, isBinary) => ws.send(isBinary ? data : `echo:${data}`, { binary: isBinary }));
});

const big = Buffer.alloc(1024 * 1024);
for (let i = 0; i < big.length; i++) big[i] = i * 7;

server.listen(0, '127.0.0.1', () => {
  const ws = new WebSocket(`wss://localhost:${server.address().port}/`, { ca: c.ca });
  const got = [];
  ws.on('open', () => ws.send('hello'));
  ws.on('message', (data, isBinary) => {
    got.push(isBinary ? data : String(data));
    if (got.length === 1) ws.send(big);
    else ws.close(1000, 'done');
  });
  ws.on('close', (code) => {
    assert.strictEqual(code, 1000);
    assert.strictEqual(got[0], 'echo:hello');
    assert.ok(Buffer.isBuffer(got[1]) && got[1].equals(big));
    wss.close();
    server.close(() => console.log('ok'));
  });
  ws.on('error', (err) => { throw err; });
});
