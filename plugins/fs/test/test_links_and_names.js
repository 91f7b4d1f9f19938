'use strict';
// rename, link, symlink, readlink, realpath (+ .native), unlink, copyFile, cp.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const { tmp, assertUvError, mustCall } = require('./common');

const file = tmp('orig.txt');
fs.writeFileSync(file, 'content');

// ---- sync
fs.renameSync(file, tmp('renamed.txt'));
assert.ok(!fs.existsSync(file));
assert.throws(() => fs.renameSync(file, tmp('x')), (err) => {
  assertUvError(err, 'ENOENT', 'rename', file, tmp('x'));
  assert.strictEqual(err.message, `ENOENT: no such file or directory, rename '${file}' -> '${tmp('x')}'`);
  return true;
});
fs.linkSync(tmp('renamed.txt'), tmp('hard.txt'));
assert.strictEqual(fs.statSync(tmp('hard.txt')).nlink, 2);
assert.throws(() => fs.linkSync(tmp('renamed.txt'), tmp('hard.txt')), (err) => {
  assertUvError(err, 'EEXIST', 'link', tmp('renamed.txt'), tmp('hard.txt'));
  return true;
});
fs.symlinkSync('renamed.txt', tmp('sym'));
fs.symlinkSync(tmp(), tmp('symdir'), 'dir');
assert.strictEqual(fs.readlinkSync(tmp('sym')), 'renamed.txt');
assert.ok(Buffer.isBuffer(fs.readlinkSync(tmp('sym'), 'buffer')));
assert.throws(() => fs.readlinkSync(tmp('renamed.txt')), (err) => {
  assertUvError(err, 'EINVAL', 'readlink', tmp('renamed.txt'));
  return true;
});
assert.throws(() => fs.symlinkSync('a', tmp('sym')), (err) => {
  assertUvError(err, 'EEXIST', 'symlink', 'a', tmp('sym'));
  return true;
});
assert.throws(() => fs.symlinkSync('a', tmp('s2'), 'bogus'), { code: 'ERR_FS_INVALID_SYMLINK_TYPE' });
const real = fs.realpathSync(tmp());
assert.strictEqual(fs.realpathSync(tmp('sym')), path.join(real, 'renamed.txt'));
assert.strictEqual(fs.realpathSync.native(tmp('sym')), path.join(real, 'renamed.txt'));
assert.strictEqual(fs.realpathSync(tmp('symdir', 'sym')), path.join(real, 'renamed.txt'));
assert.throws(() => fs.realpathSync(tmp('nope', 'deeper')), (err) => {
  assertUvError(err, 'ENOENT', 'lstat', path.join(real, 'nope'));
  return true;
});
assert.throws(() => fs.realpathSync.native(tmp('nope')), (err) => {
  assertUvError(err, 'ENOENT', 'realpath', tmp('nope'));
  return true;
});
fs.unlinkSync(tmp('hard.txt'));
assert.throws(() => fs.unlinkSync(tmp('hard.txt')), (err) => {
  assertUvError(err, 'ENOENT', 'unlink', tmp('hard.txt'));
  return true;
});
assert.throws(() => fs.unlinkSync(tmp()), (err) => {
  assert.ok(err.code === 'EISDIR' || err.code === 'EPERM');
  assert.strictEqual(err.syscall, 'unlink');
  return true;
});

// copyFile
fs.copyFileSync(tmp('renamed.txt'), tmp('copy.txt'));
assert.strictEqual(fs.readFileSync(tmp('copy.txt'), 'utf8'), 'content');
assert.throws(() => fs.copyFileSync(tmp('renamed.txt'), tmp('copy.txt'), fs.constants.COPYFILE_EXCL), (err) => {
  assertUvError(err, 'EEXIST', 'copyfile', tmp('renamed.txt'), tmp('copy.txt'));
  return true;
});
assert.throws(() => fs.copyFileSync(tmp('nope'), tmp('c2')), (err) => {
  assertUvError(err, 'ENOENT', 'copyfile', tmp('nope'), tmp('c2'));
  return true;
});
assert.throws(() => fs.copyFileSync(tmp('renamed.txt'), tmp('c3'), 8), { code: 'ERR_OUT_OF_RANGE' });
fs.copyFileSync(tmp('renamed.txt'), tmp('c4'), fs.constants.COPYFILE_FICLONE);

// cp
{
  const src = tmp('cpsrc');
  fs.mkdirSync(path.join(src, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(src, 'a'), 'A');
  fs.writeFileSync(path.join(src, 'sub', 'b'), 'B');
  fs.symlinkSync('a', path.join(src, 'la'));
  assert.throws(() => fs.cpSync(src, tmp('cpdst')), { code: 'ERR_FS_EISDIR' });
  fs.cpSync(src, tmp('cpdst'), { recursive: true });
  assert.strictEqual(fs.readFileSync(tmp('cpdst', 'sub', 'b'), 'utf8'), 'B');
  assert.ok(fs.lstatSync(tmp('cpdst', 'la')).isSymbolicLink());
  fs.cpSync(path.join(src, 'a'), tmp('cpfile'));
  assert.strictEqual(fs.readFileSync(tmp('cpfile'), 'utf8'), 'A');
  assert.throws(() => fs.cpSync(path.join(src, 'a'), tmp('cpfile'), { force: false, errorOnExist: true }),
                { code: 'ERR_FS_CP_EEXIST' });
  assert.throws(() => fs.cpSync(src, path.join(src, 'sub', 'inner'), { recursive: true }),
                { code: 'ERR_FS_CP_EINVAL' });
  // Into itself is refused first, even without `recursive` (Node checks the paths before that).
  assert.throws(() => fs.cpSync(src, path.join(src, 'sub', 'inner')), { code: 'ERR_FS_CP_EINVAL' });
  fs.cpSync(src, tmp('cpfiltered'), { recursive: true, filter: (s) => !s.endsWith('b') });
  assert.ok(!fs.existsSync(tmp('cpfiltered', 'sub', 'b')));
  assert.ok(fs.existsSync(tmp('cpfiltered', 'a')));
}

// ---- callbacks
fs.writeFileSync(tmp('cb1'), 'x');
fs.rename(tmp('cb1'), tmp('cb2'), mustCall((err) => {
  assert.ifError(err);
  fs.link(tmp('cb2'), tmp('cb3'), mustCall((err) => {
    assert.ifError(err);
    fs.symlink('cb2', tmp('cb4'), mustCall((err) => {
      assert.ifError(err);
      fs.readlink(tmp('cb4'), mustCall((err, target) => {
        assert.ifError(err);
        assert.strictEqual(target, 'cb2');
        fs.realpath(tmp('cb4'), mustCall((err, p) => {
          assert.ifError(err);
          assert.strictEqual(p, path.join(real, 'cb2'));
          fs.realpath.native(tmp('cb4'), mustCall((err, p) => {
            assert.ifError(err);
            assert.strictEqual(p, path.join(real, 'cb2'));
            fs.copyFile(tmp('cb2'), tmp('cb5'), mustCall((err) => {
              assert.ifError(err);
              fs.unlink(tmp('cb5'), mustCall((err) => {
                assert.ifError(err);
                fs.cp(tmp('cpsrc'), tmp('cbcp'), { recursive: true }, mustCall((err) => {
                  assert.ifError(err);
                  assert.strictEqual(fs.readFileSync(tmp('cbcp', 'a'), 'utf8'), 'A');
                }));
              }));
            }));
          }));
        }));
      }));
    }));
  }));
}));
fs.rename(tmp('nope'), tmp('x'), mustCall((err) => assertUvError(err, 'ENOENT', 'rename', tmp('nope'), tmp('x'))));
fs.unlink(tmp('nope'), mustCall((err) => assertUvError(err, 'ENOENT', 'unlink', tmp('nope'))));
fs.readlink(tmp('nope'), mustCall((err) => assertUvError(err, 'ENOENT', 'readlink', tmp('nope'))));
fs.realpath(tmp('nope'), mustCall((err) => assertUvError(err, 'ENOENT', 'lstat', path.join(real, 'nope'))));
fs.copyFile(tmp('nope'), tmp('y'), mustCall((err) => assertUvError(err, 'ENOENT', 'copyfile', tmp('nope'), tmp('y'))));

// ---- promises
(async () => {
  fs.writeFileSync(tmp('p1'), 'p');
  await fsp.rename(tmp('p1'), tmp('p2'));
  await fsp.link(tmp('p2'), tmp('p3'));
  await fsp.symlink('p2', tmp('p4'));
  assert.strictEqual(await fsp.readlink(tmp('p4')), 'p2');
  assert.strictEqual(await fsp.realpath(tmp('p4')), path.join(real, 'p2'));
  await fsp.copyFile(tmp('p2'), tmp('p5'));
  assert.strictEqual(fs.readFileSync(tmp('p5'), 'utf8'), 'p');
  await fsp.unlink(tmp('p5'));
  await assert.rejects(fsp.unlink(tmp('p5')), { code: 'ENOENT', syscall: 'unlink' });
  await assert.rejects(fsp.rename(tmp('p5'), tmp('p6')), (err) => {
    assertUvError(err, 'ENOENT', 'rename', tmp('p5'), tmp('p6'));
    return true;
  });
  await fsp.cp(tmp('cpsrc'), tmp('pcp'), { recursive: true });
  assert.strictEqual(fs.readFileSync(tmp('pcp', 'sub', 'b'), 'utf8'), 'B');
  await assert.rejects(fsp.cp(tmp('cpsrc'), tmp('pcp2')), { code: 'ERR_FS_EISDIR' });
})().then(mustCall());
