'use strict';
// spawnSync, execSync and execFileSync: results, input, encodings, errors, timeout, maxBuffer,
// killSignal, and that the parent's loop does not run meanwhile.
const assert = require('assert');
const cp = require('child_process');
const { test } = require('./common');

test('spawnSync result shape', () => {
  const r = cp.spawnSync('/bin/sh', ['-c', 'echo out; echo err >&2; exit 2']);
  assert.deepStrictEqual(Object.keys(r), ['status', 'signal', 'output', 'pid', 'stdout', 'stderr']);
  assert.strictEqual(r.status, 2);
  assert.strictEqual(r.signal, null);
  assert.ok(r.pid > 0);
  assert.strictEqual(r.output[0], null);
  assert.ok(Buffer.isBuffer(r.stdout));
  assert.strictEqual(r.output[1], r.stdout);
  assert.strictEqual(r.stdout.toString(), 'out\n');
  assert.strictEqual(r.stderr.toString(), 'err\n');
});

test('spawnSync input and encoding', () => {
  let r = cp.spawnSync('/bin/cat', { input: 'from input', encoding: 'utf8' });
  assert.strictEqual(r.stdout, 'from input');
  r = cp.spawnSync('/bin/cat', { input: new Uint8Array([104, 105]) });
  assert.strictEqual(r.stdout.toString(), 'hi');
  // A big input the child reads while writing (no deadlock between the two pipes).
  const big = 'x'.repeat(1 << 20);
  r = cp.spawnSync('/bin/cat', { input: big, maxBuffer: 2 << 20 });
  assert.strictEqual(r.stdout.length, big.length);
  // Input to a child that never reads is not an error.
  r = cp.spawnSync('/bin/true', { input: 'x'.repeat(1 << 20) });
  assert.strictEqual(r.status, 0);
  assert.throws(() => cp.spawnSync('/bin/cat', { input: 5 }), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('spawnSync errors: ENOENT, timeout, maxBuffer', () => {
  let r = cp.spawnSync('nodus-missing-binary', ['a']);
  assert.strictEqual(r.error.code, 'ENOENT');
  assert.strictEqual(r.error.message, 'spawnSync nodus-missing-binary ENOENT');
  assert.strictEqual(r.error.syscall, 'spawnSync nodus-missing-binary');
  assert.strictEqual(r.error.path, 'nodus-missing-binary');
  assert.deepStrictEqual(r.error.spawnargs, ['a']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.output, null);
  assert.strictEqual(r.pid, 0);

  const start = Date.now();
  r = cp.spawnSync('/bin/sleep', ['30'], { timeout: 100 });
  assert.ok(Date.now() - start < 10000);
  assert.strictEqual(r.error.code, 'ETIMEDOUT');
  assert.strictEqual(r.signal, 'SIGTERM');
  assert.strictEqual(r.status, null);

  r = cp.spawnSync('/bin/sleep', ['30'], { timeout: 100, killSignal: 'SIGKILL' });
  assert.strictEqual(r.signal, 'SIGKILL');
  r = cp.spawnSync('/bin/sleep', ['30'], { timeout: 100, killSignal: 9 });
  assert.strictEqual(r.signal, 'SIGKILL');

  r = cp.spawnSync('/usr/bin/yes', { maxBuffer: 100 });
  assert.strictEqual(r.error.code, 'ENOBUFS');
  assert.strictEqual(r.signal, 'SIGTERM');
  assert.ok(r.stdout.length > 100);
});

test('spawnSync options: cwd, env, shell, stdio', () => {
  let r = cp.spawnSync('pwd', { cwd: '/', shell: true, encoding: 'utf8' });
  assert.strictEqual(r.stdout, '/\n');
  r = cp.spawnSync('/bin/sh', ['-c', 'echo $X'], { env: { X: 'y' }, encoding: 'utf8' });
  assert.strictEqual(r.stdout, 'y\n');
  r = cp.spawnSync('/bin/sh', ['-c', 'echo hidden'], { stdio: 'ignore' });
  assert.deepStrictEqual(r.output, [null, null, null]);
  assert.strictEqual(r.stdout, null);
  assert.throws(() => cp.spawnSync('/bin/true', { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }),
    { code: 'ERR_IPC_SYNC_FORK' });
});

test('the loop does not run during spawnSync', async () => {
  let fired = false;
  const t = setTimeout(() => { fired = true; }, 1);
  cp.spawnSync('/bin/sleep', ['0.05']);
  assert.strictEqual(fired, false);
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.strictEqual(fired, true);
  clearTimeout(t);
});

test('execSync and execFileSync', () => {
  assert.strictEqual(cp.execSync('echo $((1 + 2))').toString(), '3\n');
  assert.strictEqual(cp.execSync('echo a', { encoding: 'utf8' }), 'a\n');
  assert.strictEqual(cp.execFileSync('/bin/echo', ['b', 'c'], { encoding: 'utf8' }), 'b c\n');
  assert.strictEqual(cp.execSync('cat', { input: 'in' }).toString(), 'in');
  assert.throws(() => cp.execSync('echo msg >&2; exit 3', { stdio: 'pipe' }), (err) => {
    assert.strictEqual(err.message, 'Command failed: echo msg >&2; exit 3\nmsg\n');
    assert.strictEqual(err.status, 3);
    assert.strictEqual(err.signal, null);
    assert.strictEqual(err.stderr.toString(), 'msg\n');
    assert.ok(err.pid > 0);
    return true;
  });
  assert.throws(() => cp.execFileSync('/bin/sh', ['-c', 'exit 1'], { stdio: 'pipe' }),
    { message: 'Command failed: /bin/sh -c exit 1', status: 1 });
  assert.throws(() => cp.execFileSync('nodus-missing-binary'), { code: 'ENOENT' });
  assert.throws(() => cp.execSync('sleep 30', { timeout: 50 }), { code: 'ETIMEDOUT' });
});
