'use strict';
// Errors with Node's fields: ECONNREFUSED on connect, EADDRINUSE on listen (TCP and Unix socket),
// ENOENT connecting to a missing socket path, write after end, server.close when not running.
const assert = require('assert');
const net = require('net');
const fs = require('fs');
const { watchdog, socketPath, mustCall } = require('./common');

watchdog();

function refused(next) {
  // A port that was just free: bind, read the port, close, then connect to it.
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => {
      const c = net.connect(port, '127.0.0.1');
      c.on('connect', () => assert.fail('connected'));
      c.on('error', mustCall((err) => {
        assert.strictEqual(err.code, 'ECONNREFUSED');
        assert.strictEqual(err.errno, -111);
        assert.strictEqual(err.syscall, 'connect');
        assert.strictEqual(err.address, '127.0.0.1');
        assert.strictEqual(err.port, port);
        assert.strictEqual(err.message, `connect ECONNREFUSED 127.0.0.1:${port}`);
      }));
      c.on('close', mustCall((hadError) => {
        assert.strictEqual(hadError, true);
        next();
      }));
    });
  });
}

function addrInUse(next) {
  const a = net.createServer();
  a.listen(0, '127.0.0.1', () => {
    const { port } = a.address();
    const b = net.createServer();
    b.on('listening', () => assert.fail('second listen succeeded'));
    b.on('error', mustCall((err) => {
      assert.strictEqual(err.code, 'EADDRINUSE');
      assert.strictEqual(err.errno, -98);
      assert.strictEqual(err.syscall, 'listen');
      assert.strictEqual(err.address, '127.0.0.1');
      assert.strictEqual(err.port, port);
      assert.strictEqual(err.message, `listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
      assert.strictEqual(b.listening, false);
      a.close(next);
    }));
    b.listen(port, '127.0.0.1');
  });
}

function pipeInUse(next) {
  const p = socketPath('inuse');
  try { fs.unlinkSync(p); } catch {}
  const a = net.createServer();
  a.listen(p, () => {
    const b = net.createServer();
    b.on('error', mustCall((err) => {
      assert.strictEqual(err.code, 'EADDRINUSE');
      assert.strictEqual(err.syscall, 'listen');
      assert.strictEqual(err.address, p);
      a.close(next);
    }));
    b.listen(p);
  });
}

function missingPath(next) {
  const p = socketPath('missing');
  const c = net.connect(p);
  c.on('error', mustCall((err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.syscall, 'connect');
    assert.strictEqual(err.address, p);
    assert.strictEqual(err.message, `connect ENOENT ${p}`);
  }));
  c.on('close', mustCall(() => next()));
}

function serverNotRunning(next) {
  const s = net.createServer();
  s.close(mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_SERVER_NOT_RUNNING');
    next();
  }));
}

function badArgs(next) {
  assert.throws(() => net.connect({ port: 70000 }), { code: 'ERR_SOCKET_BAD_PORT' });
  assert.throws(() => net.createServer().listen({}), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => new net.Socket().setTimeout(-1), { code: 'ERR_OUT_OF_RANGE' });
  next();
}

function writeAfterEnd(next) {
  const server = net.createServer((s) => { s.resume(); s.on('end', () => s.end()); });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      c.end();
      c.write('late', mustCall((err) => assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END')));
    });
    c.on('error', mustCall((err) => assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END')));
    c.on('close', () => server.close(next));
  });
}

refused(() => addrInUse(() => pipeInUse(() => missingPath(() => serverNotRunning(() =>
  badArgs(() => writeAfterEnd(mustCall())))))));
