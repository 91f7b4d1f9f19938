'use strict';
// CONNECT: the server hands the raw socket (and any bytes after the head) to 'connect' and never
// emits 'request'; the client gets 'connect' with the tunnel socket; with no 'connect' listener
// the server closes the connection without an answer.
const assert = require('assert');
const http = require('http');
const { mustCall, rawRequest, listen, close } = require('./common');

(async () => {
  const server = http.createServer(() => assert.fail('no request event for CONNECT'));
  server.on('connect', mustCall((req, socket, head) => {
    assert.strictEqual(req.method, 'CONNECT');
    assert.strictEqual(req.url, 'example.com:443');
    assert.strictEqual(req.headers['proxy-authorization'], 'Basic eDp5');
    assert.strictEqual(head.toString(), 'early');
    socket.write('HTTP/1.1 200 Connection Established\r\nX-Tunnel: yes\r\n\r\n');
    // A tunnel: what comes next is the client's, echoed back.
    socket.on('data', (d) => socket.end(`echo:${d}`));
  }));
  const port = await listen(server);

  const tunnel = await new Promise((resolve, reject) => {
    const req = http.request({
      port, host: '127.0.0.1', method: 'CONNECT', path: 'example.com:443',
      headers: { 'Proxy-Authorization': 'Basic eDp5' },
    });
    req.on('response', () => reject(new Error('CONNECT got a plain response')));
    req.on('connect', mustCall((res, socket, head) => {
      assert.strictEqual(res.statusCode, 200);
      assert.strictEqual(res.statusMessage, 'Connection Established');
      assert.strictEqual(res.headers['x-tunnel'], 'yes');
      assert.strictEqual(head.length, 0);
      socket.write('hi');
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (d) => { data += d; });
      socket.on('end', () => {
        socket.destroy();
        resolve(data);
      });
    }));
    req.on('error', reject);
    req.end('early');
  });
  assert.strictEqual(tunnel, 'echo:hi');
  await close(server);

  // Nobody listens for 'connect': the connection is closed, nothing is answered.
  const plain = http.createServer(() => assert.fail('no request event for CONNECT'));
  const plainPort = await listen(plain);
  assert.strictEqual(await rawRequest(plainPort, 'CONNECT a.test:1 HTTP/1.1\r\nHost: a.test:1\r\n\r\n'), '');
  await close(plain);
})().then(mustCall());
