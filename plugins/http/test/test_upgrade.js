'use strict';
// Upgrade: the server's 'upgrade' gets the socket and the bytes after the head; the client's
// 'upgrade' gets the 101 response, the socket and what followed it. Without an 'upgrade'
// listener an Upgrade request is an ordinary request.
const assert = require('assert');
const http = require('http');
const { listen, close, mustCall } = require('./common');

const server = http.createServer(mustCall((req, res) => {
  assert.strictEqual(req.headers.upgrade, 'plain');
  res.end('normal');
}));

(async () => {
  const port = await listen(server);

  // No 'upgrade' listener yet: handled as a request.
  await new Promise((resolve) => {
    http.get({ port, host: '127.0.0.1', agent: false, headers: { Connection: 'Upgrade', Upgrade: 'plain' } }, (res) => {
      let b = '';
      res.on('data', (d) => { b += d; });
      res.on('end', () => { assert.strictEqual(b, 'normal'); resolve(); });
    });
  });

  server.on('upgrade', mustCall((req, socket, head) => {
    assert.strictEqual(req.headers.upgrade, 'echo');
    assert.strictEqual(head.toString(), 'early');
    socket.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\nwelcome');
    socket.on('data', (d) => socket.write(d));
    socket.on('end', () => socket.end());
  }));

  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
    req.on('upgrade', mustCall((res, socket, head) => {
      assert.strictEqual(res.statusCode, 101);
      assert.strictEqual(res.headers.upgrade, 'echo');
      let got = head.toString();
      socket.on('data', (d) => {
        got += d;
        if (got === 'welcomeping') socket.end();
      });
      socket.on('close', () => { assert.strictEqual(got, 'welcomeping'); resolve(); });
      socket.write('ping');
    }));
    req.end('early');
  });

  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
