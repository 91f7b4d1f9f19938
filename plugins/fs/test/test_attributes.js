'use strict';
// chmod/fchmod, chown/fchown/lchown, utimes/futimes/lutimes, truncate/ftruncate, fsync/fdatasync.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const { tmp, assertUvError, mustCall } = require('./common');

const file = tmp('attr.txt');
fs.writeFileSync(file, '0123456789');
const uid = process.getuid ? process.getuid() : 0;
const gid = process.getgid ? process.getgid() : 0;

// ---- sync
fs.chmodSync(file, 0o600);
assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
fs.chmodSync(file, '644');
assert.strictEqual(fs.statSync(file).mode & 0o777, 0o644);
assert.throws(() => fs.chmodSync(file, 'abc'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.chmodSync(tmp('nope'), 0o600), (err) => {
  assertUvError(err, 'ENOENT', 'chmod', tmp('nope'));
  return true;
});
assert.strictEqual(fs.lchmod, undefined);
fs.chownSync(file, uid, gid);
fs.lchownSync(file, uid, gid);
assert.throws(() => fs.chownSync(file, 'a', gid), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.chownSync(tmp('nope'), uid, gid), (err) => {
  assertUvError(err, 'ENOENT', 'chown', tmp('nope'));
  return true;
});
fs.utimesSync(file, 1000, 2000);
assert.strictEqual(fs.statSync(file).atimeMs, 1000000);
assert.strictEqual(fs.statSync(file).mtimeMs, 2000000);
fs.utimesSync(file, new Date(3000000), '4000');
assert.strictEqual(fs.statSync(file).mtimeMs, 4000000);
fs.symlinkSync(file, tmp('ln'));
fs.lutimesSync(tmp('ln'), 5, 6);
assert.strictEqual(fs.lstatSync(tmp('ln')).mtimeMs, 6000);
assert.strictEqual(fs.statSync(file).mtimeMs, 4000000);
assert.throws(() => fs.utimesSync(file, 'x', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.utimesSync(tmp('nope'), 1, 1), (err) => {
  assertUvError(err, 'ENOENT', 'utime', tmp('nope'));
  return true;
});
fs.truncateSync(file, 4);
assert.strictEqual(fs.readFileSync(file, 'utf8'), '0123');
fs.truncateSync(file);
assert.strictEqual(fs.statSync(file).size, 0);
assert.throws(() => fs.truncateSync(tmp('nope')), (err) => {
  assertUvError(err, 'ENOENT', 'open', tmp('nope'));
  return true;
});
{
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, 'abcdef');
  fs.ftruncateSync(fd, 3);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abc');
  fs.fchmodSync(fd, 0o640);
  assert.strictEqual(fs.fstatSync(fd).mode & 0o777, 0o640);
  fs.fchownSync(fd, uid, gid);
  fs.futimesSync(fd, 10, 20);
  assert.strictEqual(fs.fstatSync(fd).mtimeMs, 20000);
  fs.fsyncSync(fd);
  fs.fdatasyncSync(fd);
  fs.closeSync(fd);
  assert.throws(() => fs.fsyncSync(fd), (err) => {
    assertUvError(err, 'EBADF', 'fsync');
    return true;
  });
  assert.throws(() => fs.ftruncateSync(fd), (err) => {
    assertUvError(err, 'EBADF', 'ftruncate');
    return true;
  });
}

// ---- callbacks
fs.chmod(file, 0o600, mustCall((err) => {
  assert.ifError(err);
  assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
  fs.utimes(file, 100, 200, mustCall((err) => {
    assert.ifError(err);
    assert.strictEqual(fs.statSync(file).mtimeMs, 200000);
    fs.truncate(file, 1, mustCall((err) => {
      assert.ifError(err);
      assert.strictEqual(fs.statSync(file).size, 1);
      fs.open(file, 'r+', mustCall((err, fd) => {
        fs.ftruncate(fd, 0, mustCall((err) => {
          assert.ifError(err);
          fs.fsync(fd, mustCall((err) => {
            assert.ifError(err);
            fs.fdatasync(fd, mustCall((err) => {
              assert.ifError(err);
              fs.fchmod(fd, 0o644, mustCall((err) => {
                assert.ifError(err);
                fs.futimes(fd, 1, 2, mustCall((err) => {
                  assert.ifError(err);
                  fs.fchown(fd, uid, gid, mustCall((err) => {
                    assert.ifError(err);
                    fs.close(fd, mustCall());
                  }));
                }));
              }));
            }));
          }));
        }));
      }));
    }));
  }));
}));
fs.chown(file, uid, gid, mustCall((err) => assert.ifError(err)));
fs.lchown(tmp('ln'), uid, gid, mustCall((err) => assert.ifError(err)));
fs.lutimes(tmp('ln'), 7, 8, mustCall((err) => assert.ifError(err)));
fs.chmod(tmp('nope'), 0o600, mustCall((err) => assertUvError(err, 'ENOENT', 'chmod', tmp('nope'))));
fs.truncate(tmp('nope'), mustCall((err) => assertUvError(err, 'ENOENT', 'open', tmp('nope'))));
fs.fsync(999, mustCall((err) => assertUvError(err, 'EBADF', 'fsync')));

// ---- promises
(async () => {
  const p = tmp('pattr');
  await fsp.writeFile(p, 'abcdef');
  await fsp.chmod(p, 0o600);
  assert.strictEqual((await fsp.stat(p)).mode & 0o777, 0o600);
  await fsp.chown(p, uid, gid);
  await fsp.lchown(p, uid, gid);
  await fsp.utimes(p, 1, 2);
  assert.strictEqual((await fsp.stat(p)).mtimeMs, 2000);
  await fsp.lutimes(p, 3, 4);
  await fsp.truncate(p, 2);
  assert.strictEqual(await fsp.readFile(p, 'utf8'), 'ab');
  await assert.rejects(fsp.lchmod(p, 0o600), { code: 'ERR_METHOD_NOT_IMPLEMENTED' });
  await assert.rejects(fsp.chmod(tmp('nope'), 0o600), { code: 'ENOENT', syscall: 'chmod' });
  const fh = await fsp.open(p, 'r+');
  await fh.truncate(1);
  await fh.chmod(0o644);
  await fh.chown(uid, gid);
  await fh.utimes(5, 6);
  await fh.sync();
  await fh.datasync();
  assert.strictEqual((await fh.stat()).size, 1);
  assert.strictEqual((await fh.stat()).mtimeMs, 6000);
  await fh.close();
})().then(mustCall());
