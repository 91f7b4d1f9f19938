'use strict';
// Socket and server options: setTimeout/'timeout' (idle only), pauseOnConnect, maxConnections
// with 'drop', getConnections, server.unref, connecting by host name (dns lookup), isIP.
const assert = require('assert');
const net = require('net');
const { watchdog, mustCall } = require('./common');

watchdog();

function idleTimeout(next) {
  const server = net.createServer((sock) => {
    // Busy for ~150 ms (a write every 20 ms), then idle: only the idle part may time out.
    let n = 0;
    const iv = setInterval(() => {
      sock.write('x');
      if (++n === 8) clearInterval(iv);
    }, 20);
    sock.on('close', () => clearInterval(iv));
    sock.resume();
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    const start = Date.now();
    let bytes = 0;
    c.on('data', (d) => { bytes += d.length; });
    assert.strictEqual(c.setTimeout(100, mustCall(() => {
      // 'timeout' only reports idleness; the socket stays open until destroyed.
      assert.strictEqual(bytes, 8);
      assert.ok(Date.now() - start >= 200, `timed out after ${Date.now() - start} ms`);
      assert.strictEqual(c.destroyed, false);
      assert.strictEqual(c.timeout, 100);
      c.destroy();
    })), c);
    c.on('close', () => server.close(next));
  });
}

function pauseOnConnect(next) {
  const server = net.createServer({ pauseOnConnect: true }, mustCall((sock) => {
    assert.strictEqual(sock.isPaused(), true);
    let got = '';
    setTimeout(() => {
      assert.strictEqual(got, '');  // nothing read while paused
      sock.setEncoding('utf8');
      sock.on('data', (d) => { got += d; });
      sock.on('end', () => {
        assert.strictEqual(got, 'early data');
        sock.end();
      });
      sock.resume();
    }, 50);
  }));
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => c.end('early data'));
    c.resume();
    c.on('close', () => server.close(next));
  });
}

function maxConnections(next) {
  const server = net.createServer((sock) => sock.resume());
  server.maxConnections = 1;
  server.on('drop', mustCall((data) => {
    assert.strictEqual(data.localAddress, '127.0.0.1');
    assert.strictEqual(data.remoteAddress, '127.0.0.1');
    assert.strictEqual(typeof data.remotePort, 'number');
  }));
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    const first = net.connect(port, '127.0.0.1', () => {
      server.getConnections(mustCall((err, n) => {
        assert.ifError(err);
        assert.strictEqual(n, 1);
        const second = net.connect(port, '127.0.0.1');
        second.resume();
        second.on('error', () => {});  // a reset is possible, depending on timing
        second.on('close', mustCall(() => {
          first.end();
          server.close(mustCall(() => {
            assert.strictEqual(server._connections, 0);
            next();
          }));
        }));
      }));
    });
    first.resume();
  });
}

function byName(next) {
  // 'localhost' goes through dns.lookup; the socket reports it with 'lookup'.
  const server = net.createServer((sock) => sock.end('hi'));
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: server.address().port, host: 'localhost' });
    c.on('lookup', mustCall((err, address, family, host) => {
      assert.ifError(err);
      assert.strictEqual(host, 'localhost');
      assert.ok(net.isIP(address));
      assert.ok(family === 4 || family === 6);
    }));
    c.setEncoding('utf8');
    let got = '';
    c.on('data', (d) => { got += d; });
    c.on('end', mustCall(() => assert.strictEqual(got, 'hi')));
    c.on('close', () => server.close(next));
  });
}

function options(next) {
  const server = net.createServer({ noDelay: true, keepAlive: true }, (sock) => {
    assert.strictEqual(sock.setNoDelay(true), sock);
    assert.strictEqual(sock.setKeepAlive(true, 1000), sock);
    sock.end();
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: server.address().port, host: '127.0.0.1', noDelay: true,
      keepAlive: true, keepAliveInitialDelay: 500 });
    c.resume();
    c.on('close', () => server.close(next));
  });
}

function ipChecks(next) {
  assert.strictEqual(net.isIP('127.0.0.1'), 4);
  assert.strictEqual(net.isIP('::1'), 6);
  assert.strictEqual(net.isIP('fe80::1%eth0'), 6);
  assert.strictEqual(net.isIP('::ffff:1.2.3.4'), 6);
  assert.strictEqual(net.isIP('1.2.3'), 0);
  assert.strictEqual(net.isIP('01.2.3.4'), 0);
  assert.strictEqual(net.isIP('256.0.0.1'), 0);
  assert.strictEqual(net.isIP('localhost'), 0);
  assert.strictEqual(net.isIP(123), 0);
  assert.strictEqual(net.isIPv4('10.0.0.1'), true);
  assert.strictEqual(net.isIPv6('10.0.0.1'), false);
  assert.strictEqual(net.isIPv6('2001:db8::1'), true);
  next();
}

function unrefServer(next) {
  // An unref'd listening server does not keep the process alive; checked with 'exit'.
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => {
    server.unref();
    assert.strictEqual(server.listening, true);
    process.on('exit', () => assert.strictEqual(server.listening, true));
    next();
  });
}

idleTimeout(() => pauseOnConnect(() => maxConnections(() => byName(() => options(() =>
  ipChecks(() => unrefServer(mustCall())))))));
