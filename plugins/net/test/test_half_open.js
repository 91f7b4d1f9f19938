'use strict';
// allowHalfOpen: after the peer's FIN the socket may still write; without it the socket ends its
// side by itself. Also destroySoon and end-then-close ordering.
const assert = require('assert');
const net = require('net');
const { watchdog, mustCall } = require('./common');

watchdog();

function halfOpen(next) {
  const server = net.createServer({ allowHalfOpen: true }, mustCall((sock) => {
    let got = '';
    sock.setEncoding('utf8');
    sock.on('data', (d) => { got += d; });
    sock.on('end', mustCall(() => {
      // The client finished; this side is still writable.
      assert.strictEqual(got, 'request');
      assert.strictEqual(sock.writable, true);
      assert.strictEqual(sock.readyState, 'writeOnly');
      setTimeout(() => sock.end(`reply to ${got}`), 20);
    }));
    sock.on('close', mustCall((hadError) => assert.strictEqual(hadError, false)));
  }));
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
    let reply = '';
    c.setEncoding('utf8');
    c.on('data', (d) => { reply += d; });
    c.end('request');
    c.on('end', mustCall(() => assert.strictEqual(reply, 'reply to request')));
    c.on('close', mustCall(() => server.close(next)));
  });
}

function notHalfOpen(next) {
  const server = net.createServer(mustCall((sock) => {
    sock.resume();
    sock.on('end', mustCall(() => {
      // Without allowHalfOpen the writable side ends on its own after 'end'.
      setImmediate(() => assert.strictEqual(sock.writableEnded, true));
    }));
    sock.on('close', mustCall());
  }));
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.resume();
    c.on('connect', () => c.end());
    c.on('end', mustCall());
    c.on('close', mustCall(() => server.close(next)));
  });
}

function destroySoon(next) {
  const server = net.createServer((sock) => {
    let n = 0;
    sock.on('data', (d) => { n += d.length; });
    sock.on('end', () => {
      assert.strictEqual(n, 100000);
      sock.end();
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      c.write(Buffer.alloc(100000, 1));
      c.destroySoon();
    });
    c.on('finish', mustCall());
    c.on('close', mustCall((hadError) => {
      assert.strictEqual(hadError, false);
      server.close(next);
    }));
  });
}

halfOpen(() => notHalfOpen(() => destroySoon(mustCall())));
