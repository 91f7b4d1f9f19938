'use strict';
// A runtime whose manifest lists no plugins: tls, https and the legacy ids _tls_wrap and
// _tls_common fail with ERR_UNKNOWN_BUILTIN_MODULE naming the plugin that provides them. The
// outer run writes such a manifest and runs this file again with NODUS_PLUGIN_PATH pointing there.
const assert = require('assert');

if (process.env.NODUS_TLS_ABSENT_CHECK === '1') {
  const expected = { tls: 'tls', 'node:tls': 'tls', _tls_wrap: 'tls', _tls_common: 'tls', https: 'https',
    _http_client: 'http' };
  for (const [id, plugin] of Object.entries(expected)) {
    assert.throws(() => require(id), (err) => {
      assert.strictEqual(err.code, 'ERR_UNKNOWN_BUILTIN_MODULE');
      assert.ok(err.message.includes(`No such built-in module: ${id.replace('node:', '')}.`), err.message);
      assert.ok(err.message.includes(`'${plugin}' plugin`), err.message);
      return true;
    });
  }
  process.stdout.write('tls absent: ok\n');
  return;
}

if (!process.versions.nodus) return;  // under Node.js tls is always there

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-no-tls-'));
fs.writeFileSync(path.join(dir, 'plugins.json'), JSON.stringify({ manifest: 1, plugins: [] }));
const result = spawnSync(process.execPath, [__filename], {
  env: { ...process.env, NODUS_PLUGIN_PATH: dir, NODUS_TLS_ABSENT_CHECK: '1' },
  encoding: 'utf8',
  timeout: 20000,
});
fs.rmSync(dir, { recursive: true, force: true });
assert.strictEqual(result.status, 0, result.stderr);
assert.strictEqual(result.stdout, 'tls absent: ok\n');
