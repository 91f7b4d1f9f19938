'use strict';
// spawn(): stdio pipes, exit codes and signals, event order, cwd/env/argv0/shell/detached,
// stdio variants, ref/unref, and spawn failures reported as Node does.
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { test } = require('./common');

function run(child) {
  return new Promise((resolve, reject) => {
    const events = [];
    let stdout = '';
    let stderr = '';
    if (child.stdout) child.stdout.on('data', (d) => { stdout += d; });
    if (child.stderr) child.stderr.on('data', (d) => { stderr += d; });
    child.on('spawn', () => events.push('spawn'));
    child.on('error', (err) => events.push(err));
    child.on('exit', (code, signal) => events.push(['exit', code, signal]));
    child.on('close', (code, signal) => {
      events.push(['close', code, signal]);
      resolve({ events, stdout, stderr });
    });
    setTimeout(() => reject(new Error('child did not close')), 10000).unref();
  });
}

test('stdout, stderr, stdin and the exit code', async () => {
  const child = cp.spawn('/bin/sh', ['-c', 'echo out; echo err >&2; cat; exit 3']);
  assert.ok(child instanceof cp.ChildProcess);
  assert.ok(Number.isInteger(child.pid) && child.pid > 0);
  assert.strictEqual(child.stdio[0], child.stdin);
  assert.strictEqual(child.stdio[1], child.stdout);
  assert.strictEqual(child.stdio[2], child.stderr);
  child.stdin.write('line 1\n');
  child.stdin.end(Buffer.from('line 2\n'));
  const r = await run(child);
  assert.strictEqual(r.stdout, 'out\nline 1\nline 2\n');
  assert.strictEqual(r.stderr, 'err\n');
  assert.deepStrictEqual(r.events, ['spawn', ['exit', 3, null], ['close', 3, null]]);
  assert.strictEqual(child.exitCode, 3);
  assert.strictEqual(child.signalCode, null);
  assert.deepStrictEqual(child.spawnargs, ['/bin/sh', '-c', 'echo out; echo err >&2; cat; exit 3']);
  assert.strictEqual(child.spawnfile, '/bin/sh');
});

test('kill() and exit by signal', async () => {
  const child = cp.spawn('/bin/sleep', ['30']);
  const done = run(child);
  assert.strictEqual(child.killed, false);
  assert.strictEqual(child.kill('SIGKILL'), true);
  assert.strictEqual(child.killed, true);
  const r = await done;
  assert.deepStrictEqual(r.events.slice(-2), [['exit', null, 'SIGKILL'], ['close', null, 'SIGKILL']]);
  assert.strictEqual(child.signalCode, 'SIGKILL');
  assert.strictEqual(child.exitCode, null);
  assert.throws(() => child.kill('SIGNOPE'), { code: 'ERR_UNKNOWN_SIGNAL' });
  // After the exit, kill is a no-op returning false.
  assert.strictEqual(child.kill(), false);
});

test('a signal the child sends itself', async () => {
  const r = await run(cp.spawn('/bin/sh', ['-c', 'kill -TERM $$']));
  assert.deepStrictEqual(r.events.slice(-1), [['close', null, 'SIGTERM']]);
});

test('ENOENT: an error event with errno, code, syscall, path and spawnargs', async () => {
  const child = cp.spawn('nodus-no-such-command', ['a', 'b']);
  assert.strictEqual(child.pid, undefined);
  assert.ok(child.stdout, 'the stdio streams exist even when spawning fails');
  const r = await run(child);
  const err = r.events[0];
  assert.ok(err instanceof Error);
  assert.strictEqual(err.message, 'spawn nodus-no-such-command ENOENT');
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.errno, os.constants.errno.ENOENT * -1);
  assert.strictEqual(err.syscall, 'spawn nodus-no-such-command');
  assert.strictEqual(err.path, 'nodus-no-such-command');
  assert.deepStrictEqual(err.spawnargs, ['a', 'b']);
  assert.strictEqual(child.exitCode, -2);
  assert.deepStrictEqual(r.events.slice(1), [['close', -2, null]]);
});

test('EACCES for a file that is not executable', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-cp-'));
  const file = path.join(dir, 'script.sh');
  fs.writeFileSync(file, '#!/bin/sh\necho hi\n', { mode: 0o644 });
  try {
    const r = await run(cp.spawn(file));
    assert.strictEqual(r.events[0].code, 'EACCES');
    assert.strictEqual(r.events[0].syscall, `spawn ${file}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('cwd, env and argv0', async () => {
  const dir = fs.realpathSync(os.tmpdir());
  const r = await run(cp.spawn('/bin/sh', ['-c', 'pwd; echo "$FOO|$HOME"; echo $0'],
    { cwd: dir, env: { FOO: 'bar', SKIP: undefined }, argv0: 'custom-argv0' }));
  assert.strictEqual(r.stdout, `${dir}\nbar|\ncustom-argv0\n`);
  const bad = await run(cp.spawn('/bin/true', { cwd: '/nonexistent-dir-for-nodus' }));
  assert.strictEqual(bad.events[0].code, 'ENOENT');
});

test('shell: true and a shell path', async () => {
  let r = await run(cp.spawn('echo $((6 * 7)) | tr 4 X', { shell: true }));
  assert.strictEqual(r.stdout, 'X2\n');
  const child = cp.spawn('echo', ['a', 'b'], { shell: '/bin/sh' });
  assert.deepStrictEqual(child.spawnargs, ['/bin/sh', '-c', 'echo a b']);
  r = await run(child);
  assert.strictEqual(r.stdout, 'a b\n');
});

test('stdio: ignore, inherit, numbers and extra pipes', async () => {
  let child = cp.spawn('/bin/sh', ['-c', 'echo x'], { stdio: 'ignore' });
  assert.strictEqual(child.stdin, null);
  assert.strictEqual(child.stdout, null);
  assert.deepStrictEqual(child.stdio, [null, null, null]);
  let r = await run(child);
  assert.deepStrictEqual(r.events.slice(-1), [['close', 0, null]]);

  // A file descriptor the parent opened becomes the child's stdout.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-cp-'));
  const out = path.join(dir, 'out.txt');
  const fd = fs.openSync(out, 'w');
  r = await run(cp.spawn('/bin/sh', ['-c', 'echo to-file; echo e >&2'], { stdio: ['ignore', fd, 'pipe'] }));
  fs.closeSync(fd);
  assert.strictEqual(fs.readFileSync(out, 'utf8'), 'to-file\n');
  assert.strictEqual(r.stderr, 'e\n');
  fs.rmSync(dir, { recursive: true, force: true });

  // A fourth, piped descriptor.
  child = cp.spawn('/bin/sh', ['-c', 'echo extra >&3'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  assert.strictEqual(child.stdio.length, 4);
  let extra = '';
  child.stdio[3].on('data', (d) => { extra += d; });
  await run(child);
  assert.strictEqual(extra, 'extra\n');

  child = cp.spawn('/bin/true', { stdio: ['inherit', 'inherit', 'pipe'] });
  assert.strictEqual(child.stdout, null);
  assert.ok(child.stderr);
  await run(child);

  assert.throws(() => cp.spawn('/bin/true', { stdio: 'bogus' }), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => cp.spawn('/bin/true', { stdio: ['ipc', 'ipc'] }), { code: 'ERR_IPC_ONE_PIPE' });
});

test("'overlapped' stdio is a pipe (it only differs on Windows)", async () => {
  const child = cp.spawn('/bin/sh', ['-c', 'read x; echo "got $x"; echo err >&2'],
    { stdio: ['overlapped', 'overlapped', 'overlapped'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  child.stdin.end('line\n');
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.deepStrictEqual([code, out, err], [0, 'got line\n', 'err\n']);
});

test('detached children run in their own process group', async () => {
  const r = await run(cp.spawn('/bin/sh', ['-c', 'ps -o pgid= -p $$; echo $$'], { detached: true }));
  const [pgid, pid] = r.stdout.trim().split(/\s+/);
  assert.strictEqual(pgid, pid);
});

test('output nobody reads (less than a pipe holds) does not keep the child from closing', async () => {
  const child = cp.spawn('/bin/sh', ['-c', 'head -c 30000 /dev/zero']);
  await new Promise((resolve) => child.on('close', resolve));
  assert.strictEqual(child.exitCode, 0);
});

test('a child that closes its pipes early does not hang the parent', async () => {
  // The child closes stdin/stdout/stderr and keeps running briefly; the parent sees the ends,
  // then the exit, then close.
  const child = cp.spawn('/bin/sh', ['-c', 'exec 0<&- 1>&- 2>&-; sleep 0.2; exit 5']);
  const ends = [];
  child.stdout.on('end', () => ends.push('stdout'));
  child.stderr.on('end', () => ends.push('stderr'));
  child.stdin.on('error', () => {});  // writes after the close may fail with EPIPE
  const r = await run(child);
  assert.deepStrictEqual(ends.sort(), ['stderr', 'stdout']);
  assert.deepStrictEqual(r.events.slice(-1), [['close', 5, null]]);
  // Writing to a child that is gone reports an error on stdin, not a crash or a hang.
  const gone = cp.spawn('/bin/true');
  await new Promise((resolve) => gone.on('exit', resolve));
  assert.ok(gone.stdin.destroyed);
});

test('timeout and killSignal', async () => {
  const child = cp.spawn('/bin/sleep', ['30'], { timeout: 100, killSignal: 'SIGINT' });
  const r = await run(child);
  assert.deepStrictEqual(r.events.slice(-1), [['close', null, 'SIGINT']]);
});

test('AbortSignal', async () => {
  const ac = new AbortController();
  const child = cp.spawn('/bin/sleep', ['30'], { signal: ac.signal });
  setTimeout(() => ac.abort(), 50);
  const r = await run(child);
  assert.strictEqual(r.events[1].name, 'AbortError');
  assert.deepStrictEqual(r.events.slice(-1), [['close', null, 'SIGTERM']]);
  // An already aborted signal kills at once.
  const r2 = await run(cp.spawn('/bin/sleep', ['30'], { signal: AbortSignal.abort() }));
  assert.strictEqual(r2.events[1].name, 'AbortError');
});

test('ref/unref', async () => {
  const child = cp.spawn('/bin/sleep', ['0.1'], { stdio: 'ignore' });
  child.unref();
  child.ref();
  await run(child);
});

test('argument validation', () => {
  assert.throws(() => cp.spawn(), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawn(''), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => cp.spawn('/bin/true', 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawn('/bin/true', ['a\u0000b']), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => cp.spawn('/bin/true', { timeout: -1 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => cp.spawn('/bin/true', { killSignal: 'NOPE' }), { code: 'ERR_UNKNOWN_SIGNAL' });
  assert.throws(() => cp.spawn('/bin/true', { signal: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.spawn('/bin/true', { cwd: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
});

test("a stream as stdio: one child's output into another's input", async () => {
  const sink = cp.spawn('/bin/cat');
  let out = '';
  sink.stdout.on('data', (d) => { out += d; });
  const source = cp.spawn('/bin/echo', ['piped through'], { stdio: ['ignore', sink.stdin, 'inherit'] });
  await new Promise((resolve) => source.on('close', resolve));
  sink.stdin.end();
  await new Promise((resolve) => sink.on('close', resolve));
  assert.strictEqual(out, 'piped through\n');
});

test('uid and gid (when running as root), windowsHide accepted', async () => {
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    const r = await run(cp.spawn('/bin/sh', ['-c', 'id -u; id -g'], { uid: 65534, gid: 65534 }));
    assert.strictEqual(r.stdout, '65534\n65534\n');
  } else {
    // Not a run-time error in Node's sense: it throws.
    assert.throws(() => cp.spawn('/bin/true', { uid: 0 }), { code: 'EPERM', syscall: 'spawn' });
  }
  const r = await run(cp.spawn('/bin/echo', ['x'], { windowsHide: true, windowsVerbatimArguments: true }));
  assert.strictEqual(r.stdout, 'x\n');
});
