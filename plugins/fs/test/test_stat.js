'use strict';
// stat/lstat/fstat (Stats and BigIntStats), access/exists, statfs.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const { tmp, assertUvError, mustCall } = require('./common');

const file = tmp('s.txt');
fs.writeFileSync(file, '12345');
fs.symlinkSync(file, tmp('link'));
const when = new Date('2020-05-06T07:08:09.000Z');
fs.utimesSync(file, when, when);

function checkStats(st, { bigint = false } = {}) {
  const keys = ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks',
    'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs'];
  if (bigint) keys.push('atimeNs', 'mtimeNs', 'ctimeNs', 'birthtimeNs');
  keys.push('atime', 'mtime', 'ctime', 'birthtime');
  assert.deepStrictEqual(Object.keys(st), keys);
  const type = bigint ? 'bigint' : 'number';
  for (const k of keys) {
    if (k.endsWith('time')) assert.ok(st[k] instanceof Date, k);
    else assert.strictEqual(typeof st[k], type, k);
  }
  assert.ok(st.isFile());
  assert.ok(!st.isDirectory());
  assert.strictEqual(st.size, bigint ? 5n : 5);
  assert.strictEqual(st.mtime.getTime(), when.getTime());
  if (bigint) assert.strictEqual(st.mtimeNs, 1588748889000000000n);
  else assert.strictEqual(st.mtimeMs, 1588748889000);
}

// ---- sync
const st = fs.statSync(file);
assert.ok(st instanceof fs.Stats);
checkStats(st);
checkStats(fs.statSync(file, { bigint: true }), { bigint: true });
assert.ok(fs.lstatSync(tmp('link')).isSymbolicLink());
assert.ok(fs.statSync(tmp('link')).isFile());
assert.ok(fs.statSync(tmp()).isDirectory());
{
  const fd = fs.openSync(file, 'r');
  checkStats(fs.fstatSync(fd));
  checkStats(fs.fstatSync(fd, { bigint: true }), { bigint: true });
  fs.closeSync(fd);
}
assert.strictEqual(fs.statSync(tmp('nope'), { throwIfNoEntry: false }), undefined);
assert.strictEqual(fs.lstatSync(tmp('nope'), { throwIfNoEntry: false }), undefined);
assert.throws(() => fs.statSync(tmp('nope')), (err) => {
  assertUvError(err, 'ENOENT', 'stat', tmp('nope'));
  return true;
});
assert.throws(() => fs.lstatSync(tmp('nope')), (err) => {
  assertUvError(err, 'ENOENT', 'lstat', tmp('nope'));
  return true;
});
assert.throws(() => fs.fstatSync(999), (err) => {
  assertUvError(err, 'EBADF', 'fstat');
  return true;
});
assert.throws(() => fs.statSync(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.ok(fs.statSync('/dev/null').isCharacterDevice());

// access / exists
fs.accessSync(file);
fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
assert.throws(() => fs.accessSync(tmp('nope')), (err) => {
  assertUvError(err, 'ENOENT', 'access', tmp('nope'));
  return true;
});
assert.throws(() => fs.accessSync(file, 8), { code: 'ERR_OUT_OF_RANGE' });
assert.strictEqual(fs.existsSync(file), true);
assert.strictEqual(fs.existsSync(tmp('nope')), false);
assert.strictEqual(fs.existsSync(), false);
assert.strictEqual(fs.existsSync('a\0b'), false);
assert.strictEqual(fs.F_OK, 0);
assert.strictEqual(fs.constants.R_OK, 4);

// statfs
const sfs = fs.statfsSync(tmp());
assert.ok(sfs.bsize > 0 && sfs.blocks > 0);
assert.strictEqual(typeof fs.statfsSync(tmp(), { bigint: true }).blocks, 'bigint');

// ---- callbacks
fs.stat(file, mustCall((err, s) => {
  assert.ifError(err);
  checkStats(s);
}));
fs.stat(file, { bigint: true }, mustCall((err, s) => {
  assert.ifError(err);
  checkStats(s, { bigint: true });
}));
fs.lstat(tmp('link'), mustCall((err, s) => {
  assert.ifError(err);
  assert.ok(s.isSymbolicLink());
}));
fs.stat(tmp('nope'), mustCall((err, s) => {
  assertUvError(err, 'ENOENT', 'stat', tmp('nope'));
  assert.strictEqual(s, undefined);
}));
fs.open(file, 'r', mustCall((err, fd) => {
  fs.fstat(fd, mustCall((err, s) => {
    assert.ifError(err);
    checkStats(s);
    fs.closeSync(fd);
  }));
}));
fs.access(file, fs.constants.R_OK, mustCall((err) => assert.strictEqual(err, null)));
fs.access(tmp('nope'), mustCall((err) => assertUvError(err, 'ENOENT', 'access', tmp('nope'))));
fs.exists(file, mustCall((exists) => assert.strictEqual(exists, true)));
fs.exists(tmp('nope'), mustCall((exists) => assert.strictEqual(exists, false)));
fs.statfs(tmp(), mustCall((err, s) => {
  assert.ifError(err);
  assert.ok(s.bsize > 0);
}));
assert.throws(() => fs.stat(file), { code: 'ERR_INVALID_ARG_TYPE' });

// Many concurrent stats each see their own result.
{
  const names = [];
  for (let i = 0; i < 20; i++) {
    const p = tmp(`size${i}`);
    fs.writeFileSync(p, 'x'.repeat(i));
    names.push(p);
  }
  names.forEach((p, i) => fs.stat(p, mustCall((err, s) => {
    assert.ifError(err);
    assert.strictEqual(s.size, i);
  })));
  Promise.all(names.map((p) => fsp.stat(p))).then(mustCall((all) => {
    all.forEach((s, i) => assert.strictEqual(s.size, i));
  }));
}

// ---- promises
(async () => {
  checkStats(await fsp.stat(file));
  checkStats(await fsp.stat(file, { bigint: true }), { bigint: true });
  assert.ok((await fsp.lstat(tmp('link'))).isSymbolicLink());
  await assert.rejects(fsp.stat(tmp('nope')), (err) => {
    assertUvError(err, 'ENOENT', 'stat', tmp('nope'));
    return true;
  });
  await fsp.access(file);
  await assert.rejects(fsp.access(tmp('nope')), { code: 'ENOENT', syscall: 'access' });
  const fh = await fsp.open(file);
  checkStats(await fh.stat());
  checkStats(await fh.stat({ bigint: true }), { bigint: true });
  await fh.close();
  assert.ok((await fsp.statfs(tmp())).bsize > 0);
})().then(mustCall());
