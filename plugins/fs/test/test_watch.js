'use strict';
// fs.watch (FSWatcher), fs.promises.watch, fs.watchFile/unwatchFile.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const { tmp, assertUvError, mustCall } = require('./common');

const dir = tmp('w');
fs.mkdirSync(dir);

// fs.watch on a directory sees a new file, then closes
{
  const watcher = fs.watch(dir, mustCall((eventType, filename) => {
    assert.ok(eventType === 'rename' || eventType === 'change');
    assert.strictEqual(filename, 'new.txt');
    watcher.close();
  }, 1));
  assert.ok(watcher instanceof require('events'));
  watcher.on('close', mustCall());
  setTimeout(() => fs.writeFileSync(path.join(dir, 'new.txt'), 'x'), 50);
}

// fs.watch errors synchronously for a missing path
assert.throws(() => fs.watch(tmp('missing')), (err) => {
  assertUvError(err, 'ENOENT', 'watch', tmp('missing'));
  return true;
});

// an unref'd watcher does not keep the process alive; an AbortSignal closes it
{
  const w = fs.watch(dir, { persistent: false });
  w.close();
  const ac = new AbortController();
  const w2 = fs.watch(dir, { signal: ac.signal });
  w2.on('close', mustCall());
  ac.abort();
}

// watchFile reports size changes with (curr, prev) Stats
{
  const f = tmp('polled.txt');
  fs.writeFileSync(f, 'a');
  const listener = mustCall((curr, prev) => {
    assert.ok(curr instanceof fs.Stats);
    assert.strictEqual(prev.size, 1);
    assert.strictEqual(curr.size, 3);
    fs.unwatchFile(f, listener);
  });
  fs.watchFile(f, { interval: 20 }, listener);
  setTimeout(() => fs.writeFileSync(f, 'abc'), 100);
}

// fs.promises.watch yields { eventType, filename }
(async () => {
  const pdir = tmp('pw');
  fs.mkdirSync(pdir);
  const ac = new AbortController();
  setTimeout(() => fs.writeFileSync(path.join(pdir, 'p.txt'), 'x'), 50);
  const seen = [];
  try {
    for await (const event of fsp.watch(pdir, { signal: ac.signal })) {
      seen.push(event);
      ac.abort();
    }
  } catch (err) {
    assert.strictEqual(err.name, 'AbortError');
  }
  assert.strictEqual(seen[0].filename, 'p.txt');

  // An async generator, as in Node: nothing is checked or watched before the first next(), so
  // an unused one holds nothing open and errors reject next().
  const lazy = fsp.watch(tmp('does-not-exist'));
  assert.strictEqual(Object.prototype.toString.call(lazy), '[object AsyncGenerator]');
  await assert.rejects(lazy.next(), (err) => {
    assertUvError(err, 'ENOENT', 'watch', tmp('does-not-exist'));
    return true;
  });
  await assert.rejects(fsp.watch(5).next(), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(fsp.watch(pdir, { recursive: 'yes' }).next(), { code: 'ERR_INVALID_ARG_TYPE' });
  fsp.watch(pdir); // never iterated: must not keep the process alive
  const early = fsp.watch(pdir);
  assert.deepStrictEqual(await early.return(), { value: undefined, done: true });
})().then(mustCall());

// recursive: events from subdirectories, including ones created after the watch started
{
  const root = tmp('rec');
  fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
  const seen = new Set();
  const done = mustCall();
  const w = fs.watch(root, { recursive: true }, (eventType, name) => {
    seen.add(name);
    if (seen.has('a/b/deep.txt') && seen.has('new/x.txt')) {
      w.close();
      done();
    }
  });
  setTimeout(() => fs.writeFileSync(path.join(root, 'a', 'b', 'deep.txt'), '1'), 50);
  setTimeout(() => fs.mkdirSync(path.join(root, 'new')), 100);
  setTimeout(() => fs.writeFileSync(path.join(root, 'new', 'x.txt'), '1'), 250);
}
