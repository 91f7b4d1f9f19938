'use strict';
// Echo servers and clients over TCP on 127.0.0.1 and ::1, and over a Unix socket: data comes back
// intact (strings, Buffers, writev batches), events fire in Node's order, addresses are right.
const assert = require('assert');
const net = require('net');
const fs = require('fs');
const { watchdog, socketPath, mustCall } = require('./common');

watchdog();

function echoServer() {
  return net.createServer((sock) => {
    assert.strictEqual(sock.readyState, 'open');
    sock.on('data', (d) => sock.write(d));
    sock.on('end', () => sock.end());
  });
}

// Sends a mix of writes, checks they come back and that the event order is Node's.
function roundTrip(connectArgs, check, done) {
  const events = [];
  const sock = net.connect(...connectArgs);
  assert.strictEqual(sock.connecting, true);
  assert.strictEqual(sock.readyState, 'opening');
  const chunks = [];
  const big = Buffer.alloc(300 * 1024, 'x');
  sock.on('connect', () => {
    events.push('connect');
    check(sock);
    sock.write('héllo ');
    sock.cork();
    sock.write(Buffer.from('wor'));
    sock.write('ld');
    sock.uncork();
    sock.write('ff', 'hex');
    sock.end(big);
  });
  sock.on('ready', () => events.push('ready'));
  sock.on('data', (d) => chunks.push(d));
  sock.on('end', () => events.push('end'));
  sock.on('finish', () => events.push('finish'));
  sock.on('close', (hadError) => {
    events.push('close');
    assert.strictEqual(hadError, false);
    const all = Buffer.concat(chunks);
    const head = Buffer.concat([Buffer.from('héllo world'), Buffer.from([0xff])]);
    assert.deepStrictEqual(all.subarray(0, head.length), head);
    assert.strictEqual(all.length, head.length + big.length);
    assert.ok(all.subarray(head.length).equals(big));
    assert.strictEqual(sock.bytesRead, all.length);
    assert.strictEqual(sock.bytesWritten, all.length);
    assert.deepStrictEqual(events.slice(0, 2), ['connect', 'ready']);
    assert.strictEqual(events[events.length - 1], 'close');
    assert.ok(events.includes('end') && events.includes('finish'));
    assert.strictEqual(sock.readyState, 'closed');
    assert.strictEqual(sock.destroyed, true);
    done();
  });
}

function tcp(host, family, next) {
  const server = echoServer();
  server.listen(0, host, mustCall(() => {
    const addr = server.address();
    assert.strictEqual(addr.address, host);
    assert.strictEqual(addr.family, family);
    assert.ok(addr.port > 0);
    assert.strictEqual(server.listening, true);
    roundTrip([{ port: addr.port, host }], (sock) => {
      assert.strictEqual(sock.remoteAddress, host);
      assert.strictEqual(sock.remotePort, addr.port);
      assert.strictEqual(sock.remoteFamily, family);
      assert.strictEqual(sock.localAddress, host);
      assert.ok(sock.localPort > 0);
      assert.deepStrictEqual(sock.address(),
        { address: host, family, port: sock.localPort });
    }, () => server.close(mustCall(next)));
  }));
}

function unix(next) {
  const p = socketPath('echo');
  try { fs.unlinkSync(p); } catch {}
  const server = echoServer();
  server.listen(p, mustCall(() => {
    assert.strictEqual(server.address(), p);
    roundTrip([p], () => {}, () => server.close(mustCall(() => {
      assert.strictEqual(fs.existsSync(p), false);  // the socket file goes with the server
      next();
    })));
  }));
}

tcp('127.0.0.1', 'IPv4', () => tcp('::1', 'IPv6', () => unix(mustCall())));
