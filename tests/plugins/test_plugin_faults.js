'use strict';
// Broken plugin files met at run time, each in a fresh runtime that serves the module
// 'nodus_test_hello' from a chosen file (NODUS_PLUGIN_NODUS_TEST_HELLO): a truncated copy, one
// built for another CPU, one removed from disk before its first load and one removed (and
// replaced with garbage) after it. Each gives a coded error naming the file, or keeps working;
// none crashes the process.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const pluginDir = process.env.NODUS_TEST_PLUGIN_DIR;
assert.ok(pluginDir, 'NODUS_TEST_PLUGIN_DIR must point at build/tests/plugins');
const good = fs.readFileSync(path.join(pluginDir, 'libhello.so'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-plugin-faults-'));

// Runs `script` in a runtime whose hello plugin is `file`; returns what it printed as JSON.
function run(file, script) {
  const r = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, NODUS_PLUGIN_NODUS_TEST_HELLO: file, FILE: file },
    encoding: 'utf8',
    timeout: 20000,
  });
  assert.strictEqual(r.status, 0, `exit ${r.status} ${r.signal}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const tryRequire = `
  const out = {};
  try { out.greeting = require('nodus_test_hello').greet('x'); }
  catch (e) { out.code = e.code; out.message = e.message; }
  console.log(JSON.stringify(out));`;
function write(name, bytes) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

try {
  // The copy itself works.
  assert.deepStrictEqual(run(write('libhello.so', good), tryRequire), { greeting: 'hello, x' });

  // Truncated anywhere inside its loadable segments (the half, then the headers only).
  for (const size of [good.length >> 1, 100]) {
    const file = write(`truncated_${size}.so`, good.subarray(0, size));
    const r = run(file, tryRequire);
    assert.strictEqual(r.code, 'ERR_DLOPEN_FAILED', JSON.stringify(r));
    assert.ok(r.message.includes(file) && r.message.includes(`truncated: ${size} bytes`), r.message);
  }

  // Built for another CPU: the AArch64 machine number in an x86-64 file.
  const arm = Buffer.from(good);
  arm.writeUInt16LE(183, 18);
  const armFile = write('aarch64.so', arm);
  let r = run(armFile, tryRequire);
  assert.strictEqual(r.code, 'ERR_DLOPEN_FAILED');
  assert.ok(r.message.includes(armFile) && r.message.includes('built for AArch64'), r.message);

  // Removed while the runtime runs, before the first require: the error names the file, and
  // asking again gives the same error.
  const gone = write('gone.so', good);
  r = run(gone, `
    require('fs').unlinkSync(process.env.FILE);
    const errors = [];
    for (let i = 0; i < 2; i++) {
      try { require('nodus_test_hello'); } catch (e) { errors.push([e.code, e.message]); }
    }
    console.log(JSON.stringify(errors));`);
  assert.strictEqual(r.length, 2);
  assert.deepStrictEqual(r[0], r[1]);
  assert.strictEqual(r[0][0], 'ERR_DLOPEN_FAILED');
  assert.ok(r[0][1].includes(gone) && r[0][1].includes('file not found'), r[0][1]);

  // Removed after the first require, then a garbage file written in its place: the loaded plugin
  // keeps working and require keeps answering with it.
  const loaded = write('loaded.so', good);
  r = run(loaded, `
    const fs = require('fs');
    const hello = require('nodus_test_hello');
    fs.unlinkSync(process.env.FILE);
    const afterRemoval = hello.greet('removed');
    fs.writeFileSync(process.env.FILE, 'garbage');
    console.log(JSON.stringify([afterRemoval, require('nodus_test_hello') === hello, hello.greet('replaced')]));`);
  assert.deepStrictEqual(r, ['hello, removed', true, 'hello, replaced']);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log('plugin faults ok');
