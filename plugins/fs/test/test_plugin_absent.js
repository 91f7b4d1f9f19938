'use strict';
// A runtime without the fs plugin: the kernel plus a manifest that does not list fs. require('fs')
// must then fail with Node's code for an unknown builtin and a message naming the module, the
// missing plugin and the manifest it looked in. The outer run writes such a manifest into a temporary folder and
// runs this file again with NODUS_PLUGIN_PATH pointing there.
const assert = require('assert');

if (process.env.NODUS_FS_ABSENT_CHECK === '1') {
  for (const id of ['fs', 'node:fs', 'fs/promises', 'node:fs/promises']) {
    assert.throws(() => require(id), (err) => {
      assert.strictEqual(err.code, 'ERR_UNKNOWN_BUILTIN_MODULE');
      const bare = id.replace('node:', '');
      assert.ok(err.message.includes(`No such built-in module: ${bare}`), err.message);
      assert.ok(err.message.includes("'fs' plugin"), err.message);
      assert.ok(err.message.includes(process.env.NODUS_PLUGIN_PATH), err.message);
      assert.ok(err.message.includes('plugins.json'), err.message);
      return true;
    });
  }
  // Other builtins still work.
  assert.strictEqual(typeof require('path').join, 'function');
  process.stdout.write('fs absent: ok\n');
  return;
}

if (!process.versions.nodus) {
  // Under Node.js fs is always there; nothing to check.
  return;
}

const fs = require('fs');
const path = require('path');
const { tmp } = require('./common');

let childProcess;
try {
  childProcess = require('child_process');
} catch {
  childProcess = null;
}
if (childProcess === null) {
  // The child_process plugin is not in this runtime: the test cannot start a second process.
  process.stdout.write('SKIP: child_process plugin missing\n');
  return;
}

const dir = tmp('runtime-without-fs');
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, 'plugins.json'), JSON.stringify({ manifest: 1, plugins: [] }));
const result = childProcess.spawnSync(process.execPath, [__filename], {
  env: { ...process.env, NODUS_PLUGIN_PATH: dir, NODUS_FS_ABSENT_CHECK: '1' },
  encoding: 'utf8',
});
assert.strictEqual(result.status, 0, result.stderr);
assert.strictEqual(result.stdout, 'fs absent: ok\n');
