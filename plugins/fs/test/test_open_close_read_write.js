'use strict';
// open/close/read/write/readv/writev in the sync, callback and promise styles.
const assert = require('assert');
const fs = require('fs');
const { tmp, assertUvError, mustCall } = require('./common');

const file = tmp('rw.txt');

// ---- sync
{
  const fd = fs.openSync(file, 'w+', 0o644);
  assert.strictEqual(typeof fd, 'number');
  assert.strictEqual(fs.writeSync(fd, 'hello '), 6);
  assert.strictEqual(fs.writeSync(fd, Buffer.from('world')), 5);
  assert.strictEqual(fs.writeSync(fd, 'XY', 0), 2); // positioned write of a string
  const buf = Buffer.alloc(11);
  assert.strictEqual(fs.readSync(fd, buf, 0, 11, 0), 11);
  assert.strictEqual(buf.toString(), 'XYllo world');
  const small = Buffer.alloc(5);
  assert.strictEqual(fs.readSync(fd, small, { position: 6 }), 5);
  assert.strictEqual(small.toString(), 'world');
  assert.strictEqual(fs.readSync(fd, small, 1, 2, 0n), 2);
  assert.strictEqual(small.toString(), 'wXYld');
  // writev / readv with positions
  assert.strictEqual(fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd')], 0), 4);
  const a = Buffer.alloc(2);
  const b = Buffer.alloc(3);
  assert.strictEqual(fs.readvSync(fd, [a, b], 0), 5);
  assert.strictEqual(a.toString() + b.toString(), 'abcdo');
  // typed arrays and DataView
  const u16 = new Uint16Array([0x4241]);
  assert.strictEqual(fs.writeSync(fd, u16, 0, 2, 0), 2);
  assert.strictEqual(fs.readFileSync(file, 'latin1').slice(0, 2), 'AB');
  fs.closeSync(fd);
  assert.throws(() => fs.closeSync(fd), (err) => {
    assertUvError(err, 'EBADF', 'close');
    return true;
  });
}

// numeric flags and modes as octal strings
{
  const fd = fs.openSync(file, fs.constants.O_RDONLY, '644');
  fs.closeSync(fd);
  assert.strictEqual(fs.statSync(file).mode & 0o777, 0o644);
}

// errors
assert.throws(() => fs.openSync(tmp('missing', 'x'), 'r'), (err) => {
  assertUvError(err, 'ENOENT', 'open', tmp('missing', 'x'));
  assert.strictEqual(err.message, `ENOENT: no such file or directory, open '${tmp('missing', 'x')}'`);
  return true;
});
assert.throws(() => fs.openSync(file, 'wx'), (err) => {
  assertUvError(err, 'EEXIST', 'open', file);
  return true;
});
assert.throws(() => fs.openSync(file, 'bogus'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.openSync(42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.readSync(-1, Buffer.alloc(1)), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.readSync('1', Buffer.alloc(1)), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.writeSync(1, 42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.readSync(0, Buffer.alloc(4), 0, 10, 0), { code: 'ERR_OUT_OF_RANGE' });

// ---- callbacks (on their own file: the promise section runs concurrently)
const cbFile = tmp('rw-cb.txt');
fs.writeFileSync(cbFile, '');
fs.open(cbFile, 'r+', mustCall((err, fd) => {
  assert.ifError(err);
  fs.write(fd, Buffer.from('12345'), 0, 5, 0, mustCall((err, written, buffer) => {
    assert.ifError(err);
    assert.strictEqual(written, 5);
    assert.strictEqual(buffer.toString(), '12345');
    fs.write(fd, 'zz', 5, 'utf8', mustCall((err, written, str) => {
      assert.ifError(err);
      assert.strictEqual(written, 2);
      assert.strictEqual(str, 'zz');
      const buf = Buffer.alloc(7);
      fs.read(fd, buf, 0, 7, 0, mustCall((err, bytesRead, b) => {
        assert.ifError(err);
        assert.strictEqual(bytesRead, 7);
        assert.strictEqual(b, buf);
        assert.strictEqual(buf.toString(), '12345zz');
        fs.read(fd, { buffer: Buffer.alloc(3), position: 1 }, mustCall((err, n, b2) => {
          assert.ifError(err);
          assert.strictEqual(n, 3);
          assert.strictEqual(b2.toString(), '234');
          fs.writev(fd, [Buffer.from('A'), Buffer.from('B')], 0, mustCall((err, n) => {
            assert.ifError(err);
            assert.strictEqual(n, 2);
            const x = Buffer.alloc(1);
            const y = Buffer.alloc(1);
            fs.readv(fd, [x, y], 0, mustCall((err, n, bufs) => {
              assert.ifError(err);
              assert.strictEqual(n, 2);
              assert.strictEqual(bufs[0].toString() + bufs[1].toString(), 'AB');
              fs.close(fd, mustCall((err) => {
                assert.ifError(err);
                // (not `fd` again: a concurrent open elsewhere in this file may reuse the number)
                fs.close(2 ** 30, mustCall((err) => assertUvError(err, 'EBADF', 'close')));
              }));
            }));
          }));
        }));
      }));
    }));
  }));
}));

fs.open(tmp('nope', 'x'), mustCall((err, fd) => {
  assertUvError(err, 'ENOENT', 'open', tmp('nope', 'x'));
  assert.strictEqual(fd, undefined);
}));
assert.throws(() => fs.open(file, 'r'), { code: 'ERR_INVALID_ARG_TYPE' });

// callbacks run outside the caller's stack, and ticks queued inside them run before the next I/O
{
  let sync = true;
  fs.open(file, 'r', mustCall((err, fd) => {
    assert.strictEqual(sync, false);
    let ticked = false;
    process.nextTick(() => { ticked = true; });
    fs.close(fd, mustCall(() => assert.ok(ticked)));
  }));
  sync = false;
}

// ---- promises + FileHandle
(async () => {
  const fh = await fs.promises.open(tmp('rw-promise.txt'), 'w+');
  assert.strictEqual(typeof fh.fd, 'number');
  let r = await fh.write('promise!');
  assert.strictEqual(r.bytesWritten, 8);
  assert.strictEqual(r.buffer, 'promise!');
  r = await fh.write(Buffer.from('ABC'), 0, 3, 0);
  assert.strictEqual(r.bytesWritten, 3);
  const rd = await fh.read(Buffer.alloc(8), 0, 8, 0);
  assert.strictEqual(rd.bytesRead, 8);
  assert.strictEqual(rd.buffer.toString(), 'ABCmise!');
  const rd2 = await fh.read({ buffer: Buffer.alloc(4), position: 4 });
  assert.strictEqual(rd2.buffer.toString(), 'ise!');
  const wv = await fh.writev([Buffer.from('x'), Buffer.from('y')], 0);
  assert.strictEqual(wv.bytesWritten, 2);
  const rv = await fh.readv([Buffer.alloc(2)], 0);
  assert.strictEqual(rv.buffers[0].toString(), 'xy');
  let closed = false;
  fh.on('close', () => { closed = true; });
  await fh.close();
  assert.ok(closed);
  assert.strictEqual(fh.fd, -1);
  await assert.rejects(fh.read(Buffer.alloc(1)), { code: 'EBADF' });
  // close() waits for operations in flight on the handle
  const fh3 = await fs.promises.open(file, 'r');
  const pendingRead = fh3.read(Buffer.alloc(4), 0, 4, 0);
  const closing = fh3.close();
  const { bytesRead } = await pendingRead;
  assert.strictEqual(bytesRead, 4);
  await closing;
  assert.strictEqual(fh3.fd, -1);
  await assert.rejects(fs.promises.open(tmp('nope', 'y')), (err) => {
    assertUvError(err, 'ENOENT', 'open', tmp('nope', 'y'));
    return true;
  });
})().then(mustCall());
