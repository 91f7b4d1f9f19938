'use strict';
// readFile/writeFile/appendFile: encodings, flags, modes, fds, AbortSignal, in all three styles.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const { tmp, assertUvError, mustCall } = require('./common');

const file = tmp('data.txt');
const text = 'héllo wörld\n';

// ---- sync
fs.writeFileSync(file, text);
assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
assert.strictEqual(fs.readFileSync(file, { encoding: 'utf-8' }), text);
assert.deepStrictEqual(fs.readFileSync(file), Buffer.from(text));
assert.ok(Buffer.isBuffer(fs.readFileSync(file)));
assert.strictEqual(fs.readFileSync(file, 'hex'), Buffer.from(text).toString('hex'));
assert.strictEqual(fs.readFileSync(file, 'base64'), Buffer.from(text).toString('base64'));
assert.strictEqual(fs.readFileSync(file, 'latin1'), Buffer.from(text).toString('latin1'));
fs.appendFileSync(file, 'more');
assert.strictEqual(fs.readFileSync(file, 'utf8'), `${text}more`);
fs.writeFileSync(file, 'aGk=', 'base64');
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hi');
fs.writeFileSync(file, new Uint8Array([65, 66]));
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'AB');
fs.writeFileSync(file, new DataView(new Uint8Array([67]).buffer));
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'C');
fs.writeFileSync(file, '', { flush: true });
assert.strictEqual(fs.readFileSync(file, 'utf8'), '');
assert.deepStrictEqual(fs.readFileSync(file), Buffer.alloc(0));
fs.writeFileSync(tmp('mode.txt'), 'x', { mode: 0o600 });
assert.strictEqual(fs.statSync(tmp('mode.txt')).mode & 0o777, 0o600);
assert.throws(() => fs.writeFileSync(tmp('mode.txt'), 'y', { flag: 'wx' }), (err) => {
  assertUvError(err, 'EEXIST', 'open', tmp('mode.txt'));
  return true;
});
// file URLs and Buffer paths
let URLClass;
try {
  URLClass = URL;
} catch {
  URLClass = undefined; // the kernel's url module is not there yet
}
if (URLClass) assert.strictEqual(fs.readFileSync(new URLClass(`file://${tmp('mode.txt')}`), 'utf8'), 'x');
assert.strictEqual(fs.readFileSync(Buffer.from(tmp('mode.txt')), 'utf8'), 'x');
// a larger file comes back whole
const big = Buffer.alloc(3 * 1024 * 1024 + 7, 'abcdefg');
fs.writeFileSync(tmp('big.bin'), big);
assert.ok(fs.readFileSync(tmp('big.bin')).equals(big));
// files without a size (procfs) are read to their end
assert.ok(fs.readFileSync('/proc/self/status', 'utf8').includes('Pid:'));
// fds: read from and write at the current position, not closed
{
  const fd = fs.openSync(tmp('fd.txt'), 'w+');
  fs.writeFileSync(fd, 'one');
  fs.writeFileSync(fd, 'two');
  fs.appendFileSync(fd, 'three');
  assert.strictEqual(fs.readFileSync(tmp('fd.txt'), 'utf8'), 'onetwothree');
  assert.strictEqual(fs.readFileSync(fd, 'utf8'), '');
  fs.closeSync(fd);
}
// errors
assert.throws(() => fs.readFileSync(tmp('missing')), (err) => {
  assertUvError(err, 'ENOENT', 'open', tmp('missing'));
  return true;
});
assert.throws(() => fs.readFileSync(tmp()), (err) => {
  assert.strictEqual(err.code, 'EISDIR');
  assert.strictEqual(err.syscall, 'read');
  assert.strictEqual(err.message, 'EISDIR: illegal operation on a directory, read');
  return true;
});
assert.throws(() => fs.readFileSync(file, 'bogus'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.readFileSync(123n), { name: 'TypeError' });
assert.throws(() => fs.writeFileSync(file, 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.writeFileSync(file, {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.readFileSync('a\0b'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.readFileSync(file, { flag: 'zz' }), { code: 'ERR_INVALID_ARG_VALUE' });

// ---- callbacks
const cbFile = tmp('cb.txt');
fs.writeFile(cbFile, text, mustCall((err) => {
  assert.ifError(err);
  fs.appendFile(cbFile, Buffer.from('!'), mustCall((err) => {
    assert.ifError(err);
    fs.readFile(cbFile, 'utf8', mustCall((err, data) => {
      assert.ifError(err);
      assert.strictEqual(data, `${text}!`);
      fs.readFile(cbFile, mustCall((err, data) => {
        assert.ifError(err);
        assert.ok(Buffer.isBuffer(data));
        assert.strictEqual(data.toString(), `${text}!`);
        fs.writeFile(cbFile, 'flushed', { flush: true }, mustCall((err) => {
          assert.ifError(err);
          assert.strictEqual(fs.readFileSync(cbFile, 'utf8'), 'flushed');
        }));
      }));
    }));
  }));
}));
// async reads of a large file, a file without a size, and through an fd
fs.readFile(tmp('big.bin'), mustCall((err, data) => {
  assert.ifError(err);
  assert.ok(data.equals(big));
}));
fs.readFile('/proc/self/status', 'utf8', mustCall((err, text) => {
  assert.ifError(err);
  assert.ok(text.includes('Pid:'));
}));
{
  const fd = fs.openSync(tmp('big.bin'), 'r');
  fs.readSync(fd, Buffer.alloc(10), 0, 10, null);
  fs.readFile(fd, mustCall((err, data) => {
    assert.ifError(err);
    assert.ok(data.equals(big.subarray(10)));
    fs.writeFile(fd, 'x', mustCall((err) => {
      assert.strictEqual(err.code, 'EBADF');
      assert.strictEqual(err.syscall, 'write');
      fs.closeSync(fd);
    }));
  }));
}
fs.readFile(tmp('missing-cb'), mustCall((err, data) => {
  assertUvError(err, 'ENOENT', 'open', tmp('missing-cb'));
  assert.strictEqual(data, undefined);
}));
fs.readFile(tmp(), mustCall((err) => {
  assert.strictEqual(err.code, 'EISDIR');
  assert.strictEqual(err.syscall, 'read');
}));
fs.writeFile(tmp('nodir', 'x'), 'x', mustCall((err) => {
  assertUvError(err, 'ENOENT', 'open', tmp('nodir', 'x'));
}));
{
  const controller = new AbortController();
  fs.readFile(file, { signal: controller.signal }, mustCall((err) => {
    assert.strictEqual(err.name, 'AbortError');
  }));
  controller.abort();
}
fs.readFile(file, { signal: AbortSignal.abort() }, mustCall((err) => {
  assert.strictEqual(err.name, 'AbortError');
}));
assert.throws(() => fs.readFile(file), { code: 'ERR_INVALID_ARG_TYPE' });

// ---- promises
(async () => {
  const p = tmp('p.txt');
  await fsp.writeFile(p, text);
  assert.strictEqual(await fsp.readFile(p, 'utf8'), text);
  await fsp.appendFile(p, 'x');
  assert.strictEqual(await fsp.readFile(p, { encoding: 'utf8' }), `${text}x`);
  assert.deepStrictEqual(await fsp.readFile(p), Buffer.from(`${text}x`));
  // iterables and async iterables
  await fsp.writeFile(p, ['a', 'b', Buffer.from('c')]);
  assert.strictEqual(await fsp.readFile(p, 'utf8'), 'abc');
  await fsp.writeFile(p, (async function* () { yield 'd'; yield 'e'; })());
  assert.strictEqual(await fsp.readFile(p, 'utf8'), 'de');
  await assert.rejects(fsp.readFile(tmp('none')), (err) => {
    assertUvError(err, 'ENOENT', 'open', tmp('none'));
    return true;
  });
  await assert.rejects(fsp.readFile(p, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  await assert.rejects(fsp.writeFile(p, 'x', { signal: AbortSignal.abort() }), { name: 'AbortError' });
  await assert.rejects(fsp.writeFile(p, 5), { code: 'ERR_INVALID_ARG_TYPE' });
  // fs/promises takes a path or a FileHandle, never a numeric fd (Node 20 rejects it).
  const rawFd = fs.openSync(p, 'r');
  await assert.rejects(fsp.readFile(rawFd), { code: 'ERR_INVALID_ARG_TYPE' });
  fs.closeSync(rawFd);
  // FileHandle
  const fh = await fsp.open(p, 'w+');
  await fh.writeFile('handle data');
  await fh.appendFile(' more');
  assert.strictEqual(await fsp.readFile(p, 'utf8'), 'handle data more');
  const fh2 = await fsp.open(p, 'r');
  assert.strictEqual(await fh2.readFile('utf8'), 'handle data more');
  assert.strictEqual(await fsp.readFile(fh2, 'utf8'), ''); // at the end now
  await fh2.close();
  await fh.close();
})().then(mustCall());
