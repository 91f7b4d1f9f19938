'use strict';
// readdir (withFileTypes, recursive, encodings), mkdir (recursive), mkdtemp, rmdir, rm, opendir/Dir.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const { tmp, assertUvError, mustCall } = require('./common');

function makeTree(root) {
  fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
  fs.writeFileSync(path.join(root, 'f1'), '1');
  fs.writeFileSync(path.join(root, 'a', 'f2'), '2');
  fs.writeFileSync(path.join(root, 'a', 'b', 'f3'), '3');
  fs.symlinkSync('f1', path.join(root, 'ln'));
}

// ---- sync
{
  const root = tmp('sync');
  assert.strictEqual(fs.mkdirSync(root), undefined);
  assert.throws(() => fs.mkdirSync(root), (err) => {
    assertUvError(err, 'EEXIST', 'mkdir', root);
    return true;
  });
  assert.strictEqual(fs.mkdirSync(path.join(root, 'x', 'y', 'z'), { recursive: true }), path.join(root, 'x'));
  assert.strictEqual(fs.mkdirSync(path.join(root, 'x', 'y'), { recursive: true }), undefined);
  fs.writeFileSync(path.join(root, 'file'), '');
  assert.throws(() => fs.mkdirSync(path.join(root, 'file', 'sub'), { recursive: true }), (err) => {
    assertUvError(err, 'ENOTDIR', 'mkdir', path.join(root, 'file', 'sub'));
    return true;
  });
  assert.throws(() => fs.mkdirSync(path.join(root, 'file'), { recursive: true }), (err) => {
    assertUvError(err, 'EEXIST', 'mkdir', path.join(root, 'file'));
    return true;
  });
  assert.throws(() => fs.mkdirSync(root, { recursive: 'yes' }), { code: 'ERR_INVALID_ARG_TYPE' });
  fs.mkdirSync(path.join(root, 'm'), 0o700);
  assert.strictEqual(fs.statSync(path.join(root, 'm')).mode & 0o777, 0o700);

  makeTree(path.join(root, 't'));
  const t = path.join(root, 't');
  assert.deepStrictEqual(fs.readdirSync(t).sort(), ['a', 'f1', 'ln']);
  assert.deepStrictEqual(fs.readdirSync(t, 'buffer').map(String).sort(), ['a', 'f1', 'ln']);
  assert.ok(Buffer.isBuffer(fs.readdirSync(t, { encoding: 'buffer' })[0]));
  assert.deepStrictEqual(fs.readdirSync(t, 'hex').sort(), ['61', '6631', '6c6e']);
  const dirents = fs.readdirSync(t, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1));
  assert.deepStrictEqual(dirents.map((d) => d.name), ['a', 'f1', 'ln']);
  assert.ok(dirents[0] instanceof fs.Dirent);
  assert.ok(dirents[0].isDirectory());
  assert.ok(dirents[1].isFile());
  assert.ok(dirents[2].isSymbolicLink());
  assert.strictEqual(dirents[0].path, t);
  assert.strictEqual(dirents[0].parentPath, t);
  assert.deepStrictEqual(fs.readdirSync(t, { recursive: true }).sort(),
                         ['a', 'a/b', 'a/b/f3', 'a/f2', 'f1', 'ln']);
  const deep = fs.readdirSync(t, { recursive: true, withFileTypes: true });
  assert.deepStrictEqual(deep.map((d) => path.join(d.path, d.name)).sort(),
                         ['a', 'a/b', 'a/b/f3', 'a/f2', 'f1', 'ln'].map((p) => path.join(t, p)));
  assert.throws(() => fs.readdirSync(tmp('nope')), (err) => {
    assertUvError(err, 'ENOENT', 'scandir', tmp('nope'));
    return true;
  });
  assert.throws(() => fs.readdirSync(path.join(t, 'f1')), (err) => {
    assertUvError(err, 'ENOTDIR', 'scandir', path.join(t, 'f1'));
    return true;
  });

  // mkdtemp
  const d = fs.mkdtempSync(path.join(root, 'tmp-'));
  assert.match(d, /tmp-[A-Za-z0-9]{6}$/);
  assert.ok(fs.statSync(d).isDirectory());
  assert.ok(Buffer.isBuffer(fs.mkdtempSync(path.join(root, 'b-'), 'buffer')));
  assert.throws(() => fs.mkdtempSync(path.join(root, 'nope', 'x')), (err) => {
    assertUvError(err, 'ENOENT', 'mkdtemp', path.join(root, 'nope', 'xXXXXXX'));
    return true;
  });

  // rmdir / rm
  assert.throws(() => fs.rmdirSync(t), (err) => {
    assertUvError(err, 'ENOTEMPTY', 'rmdir', t);
    return true;
  });
  assert.throws(() => fs.rmSync(t), (err) => {
    assert.strictEqual(err.code, 'ERR_FS_EISDIR');
    assert.strictEqual(err.message, `Path is a directory: rm returned EISDIR (is a directory) ${t}`);
    return true;
  });
  assert.throws(() => fs.rmSync(tmp('nope')), (err) => {
    assertUvError(err, 'ENOENT', 'lstat', tmp('nope'));
    return true;
  });
  fs.rmSync(tmp('nope'), { force: true });
  fs.rmSync(path.join(t, 'ln'));
  assert.ok(fs.existsSync(path.join(t, 'f1')));
  fs.rmSync(t, { recursive: true });
  assert.ok(!fs.existsSync(t));
  fs.rmdirSync(d);
  assert.ok(!fs.existsSync(d));
  makeTree(t);
  fs.rmdirSync(t, { recursive: true });
  assert.ok(!fs.existsSync(t));
  assert.throws(() => fs.rmSync(root, { force: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
}

// ---- opendir / Dir
{
  const root = tmp('dir');
  makeTree(root);
  const dir = fs.opendirSync(root);
  assert.strictEqual(dir.path, root);
  const names = [];
  let entry;
  while ((entry = dir.readSync()) !== null) {
    assert.ok(entry instanceof fs.Dirent);
    names.push(entry.name);
  }
  assert.deepStrictEqual(names.sort(), ['a', 'f1', 'ln']);
  dir.closeSync();
  assert.throws(() => dir.closeSync(), { code: 'ERR_DIR_CLOSED' });
  assert.throws(() => dir.readSync(), { code: 'ERR_DIR_CLOSED' });
  assert.throws(() => fs.opendirSync(tmp('nope')), (err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.syscall, 'opendir');
    return true;
  });
  // The asynchronous forms name the path in the error (opendirSync does not, as in Node).
  fs.opendir(tmp('nope'), mustCall((err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.path, tmp('nope'));
    assert.strictEqual(err.message, `ENOENT: no such file or directory, opendir '${tmp('nope')}'`);
  }));
  assert.rejects(fsp.opendir(tmp('nope')), { code: 'ENOENT', path: tmp('nope') }).then(mustCall());
  fs.opendir(root, mustCall((err, d) => {
    assert.ifError(err);
    d.read(mustCall((err, e) => {
      assert.ifError(err);
      assert.ok(e instanceof fs.Dirent);
      d.close(mustCall((err) => assert.ifError(err)));
    }));
  }));
  (async () => {
    const seen = [];
    for await (const e of await fsp.opendir(root)) seen.push(e.name);
    assert.deepStrictEqual(seen.sort(), ['a', 'f1', 'ln']);
    const d = await fsp.opendir(root, { bufferSize: 1 });
    const all = [];
    for (let e = await d.read(); e !== null; e = await d.read()) all.push(e.name);
    assert.strictEqual(all.length, 3);
    await d.close();
    await assert.rejects(d.close(), { code: 'ERR_DIR_CLOSED' });
  })().then(mustCall());
}

// ---- callbacks
{
  const root = tmp('cb');
  fs.mkdir(path.join(root, 'p', 'q'), { recursive: true }, mustCall((err, first) => {
    assert.ifError(err);
    assert.strictEqual(first, root);
    fs.mkdir(root, mustCall((err) => {
      assertUvError(err, 'EEXIST', 'mkdir', root);
      fs.readdir(root, mustCall((err, names) => {
        assert.ifError(err);
        assert.deepStrictEqual(names, ['p']);
        fs.readdir(root, { withFileTypes: true, recursive: true }, mustCall((err, ents) => {
          assert.ifError(err);
          assert.deepStrictEqual(ents.map((e) => e.name).sort(), ['p', 'q']);
          fs.mkdtemp(path.join(root, 'x-'), mustCall((err, d) => {
            assert.ifError(err);
            assert.ok(fs.statSync(d).isDirectory());
            fs.rmdir(d, mustCall((err) => {
              assert.ifError(err);
              fs.rm(root, mustCall((err) => {
                assert.strictEqual(err.code, 'ERR_FS_EISDIR');
                fs.rm(root, { recursive: true }, mustCall((err) => {
                  assert.ifError(err);
                  assert.ok(!fs.existsSync(root));
                  fs.rm(root, { force: true }, mustCall((err) => assert.ifError(err)));
                  fs.rm(root, mustCall((err) => assertUvError(err, 'ENOENT', 'lstat', root)));
                  fs.rmdir(root, mustCall((err) => assertUvError(err, 'ENOENT', 'rmdir', root)));
                }));
              }));
            }));
          }));
        }));
      }));
    }));
  }));
  fs.readdir(tmp('nope'), mustCall((err) => assertUvError(err, 'ENOENT', 'scandir', tmp('nope'))));
}

// ---- promises
(async () => {
  const root = tmp('p');
  assert.strictEqual(await fsp.mkdir(path.join(root, 'a', 'b'), { recursive: true }), root);
  assert.strictEqual(await fsp.mkdir(path.join(root, 'a'), { recursive: true }), undefined);
  await assert.rejects(fsp.mkdir(root), { code: 'EEXIST', syscall: 'mkdir' });
  fs.writeFileSync(path.join(root, 'f'), '');
  assert.deepStrictEqual((await fsp.readdir(root)).sort(), ['a', 'f']);
  assert.deepStrictEqual((await fsp.readdir(root, { recursive: true })).sort(), ['a', 'a/b', 'f']);
  const ents = await fsp.readdir(root, { withFileTypes: true });
  assert.strictEqual(ents.find((e) => e.name === 'a').isDirectory(), true);
  const d = await fsp.mkdtemp(path.join(root, 'm-'));
  assert.ok(fs.existsSync(d));
  await fsp.rmdir(d);
  await assert.rejects(fsp.rm(root), { code: 'ERR_FS_EISDIR' });
  await fsp.rm(root, { recursive: true, force: true });
  assert.ok(!fs.existsSync(root));
  await fsp.rm(root, { force: true });
  await assert.rejects(fsp.readdir(root), { code: 'ENOENT', syscall: 'scandir' });
})().then(mustCall());
