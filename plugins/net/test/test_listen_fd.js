'use strict';
// listen({ fd }) and new Socket({ fd }): handles opened on descriptors made elsewhere (here by
// net itself: a bound server handle, and a connected client socket's descriptor).
const assert = require('assert');
const net = require('net');
const { watchdog, mustCall } = require('./common');

watchdog();

// A bound, not yet listening TCP handle; its descriptor goes to a Server through listen({fd}).
// The first handle is never closed (the descriptor now belongs to the server) and never
// used again: it is not active, so it does not keep the process alive.
const bound = net._createServerHandle('127.0.0.1', 0, 4);
assert.strictEqual(typeof bound, 'object');
const fd = bound.fd;
assert.ok(fd > 2);

const server = net.createServer((sock) => sock.end('via fd'));
server.listen({ fd }, mustCall(() => {
  const { port, address } = server.address();
  assert.strictEqual(address, '127.0.0.1');
  const c = net.connect(port, '127.0.0.1');
  let got = '';
  c.setEncoding('utf8');
  c.on('data', (d) => { got += d; });
  c.on('close', mustCall(() => {
    assert.strictEqual(got, 'via fd');
    server.close(mustCall());
  }));
}));

assert.throws(() => new net.Socket({ fd: -1 }), { code: 'ERR_OUT_OF_RANGE' });
