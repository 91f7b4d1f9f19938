'use strict';
// A 'data' listener added to a server socket by user code sees the bytes of later requests, and
// requests keep being served (the parser goes back to the socket's 'data' events).
const assert = require('assert');
const http = require('http');
const net = require('net');
const { listen, close } = require('./common');

const seen = [];
const server = http.createServer((req, res) => {
  if (req.url === '/first') req.socket.on('data', (d) => seen.push(d.toString('latin1')));
  res.end(req.url);
});

(async () => {
  const port = await listen(server);
  const c = net.connect(port, '127.0.0.1');
  c.setEncoding('latin1');
  let got = '';
  await new Promise((resolve) => {
    c.on('data', (d) => {
      got += d;
      if (got.endsWith('/first')) c.write('GET /second HTTP/1.1\r\nHost: x\r\n\r\n');
      if (got.endsWith('/second')) resolve();
    });
    c.write('GET /first HTTP/1.1\r\nHost: x\r\n\r\n');
  });
  c.destroy();
  assert.strictEqual(seen.join(''), 'GET /second HTTP/1.1\r\nHost: x\r\n\r\n');
  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
