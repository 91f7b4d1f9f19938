'use strict';
// Swapping the file that serves fs without rebuilding: a copy of the plugin given with
// `--plugin fs=PATH` or NODUS_PLUGIN_FS=PATH is the one the kernel maps on require('fs').
const assert = require('assert');
const fs = require('fs');
const path = require('path');

if (process.env.NODUS_FS_SWAP_CHECK) {
  const ours = require('fs');
  assert.strictEqual(typeof require('fs/promises').readFile, 'function');
  const maps = ours.readFileSync('/proc/self/maps', 'utf8');
  assert.ok(maps.includes(process.env.NODUS_FS_SWAP_CHECK), 'the swapped-in file is not mapped');
  process.stdout.write('swapped: ok\n');
  return;
}
if (!process.versions.nodus) return; // a nodus feature
let childProcess;
try {
  childProcess = require('child_process');
} catch {
  process.stdout.write('SKIP: child_process plugin missing\n');
  return;
}
const { tmp } = require('./common');

const original = path.resolve(path.dirname(process.execPath), '../lib/nodus/libnodus_fs.so');
const copy = tmp('libnodus_fs_copy.so');
fs.copyFileSync(original, copy);

for (const [args, env] of [
  [['--plugin', `fs=${copy}`, __filename], {}],
  [[__filename], { NODUS_PLUGIN_FS: copy }],
]) {
  const result = childProcess.spawnSync(process.execPath, args, {
    env: { ...process.env, ...env, NODUS_FS_SWAP_CHECK: copy },
    encoding: 'utf8',
  });
  assert.strictEqual(result.status, 0, result.stderr);
  assert.strictEqual(result.stdout, 'swapped: ok\n');
}
