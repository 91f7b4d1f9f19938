'use strict';
// exec() and execFile(): output collection with encodings, failures, maxBuffer, timeout and
// killSignal, AbortSignal, and their promisified forms.
const assert = require('assert');
const cp = require('child_process');
const util = require('util');
const { test } = require('./common');

const execP = util.promisify(cp.exec);
const execFileP = util.promisify(cp.execFile);

function call(fn, ...args) {
  return new Promise((resolve) => {
    const child = fn(...args, (err, stdout, stderr) => resolve({ err, stdout, stderr, child }));
  });
}

test('exec collects stdout and stderr as strings', async () => {
  const r = await call(cp.exec, 'echo hello; echo oops >&2');
  assert.strictEqual(r.err, null);
  assert.strictEqual(r.stdout, 'hello\n');
  assert.strictEqual(r.stderr, 'oops\n');
  assert.ok(r.child instanceof cp.ChildProcess);
});

test('execFile with arguments, options and the buffer encoding', async () => {
  let r = await call(cp.execFile, '/bin/echo', ['a', 'b'], { encoding: 'buffer' });
  assert.ok(Buffer.isBuffer(r.stdout));
  assert.strictEqual(r.stdout.toString(), 'a b\n');
  r = await call(cp.execFile, '/bin/echo', ['héllo'], { encoding: 'latin1' });
  assert.strictEqual(r.stdout, Buffer.from('héllo\n').toString('latin1'));
  r = await call(cp.execFile, '/bin/pwd', { cwd: '/' });
  assert.strictEqual(r.stdout, '/\n');
});

test('a failing command: code, killed, signal, cmd and the message', async () => {
  const r = await call(cp.exec, 'echo partial; echo bad >&2; exit 4');
  assert.ok(r.err instanceof Error);
  assert.strictEqual(r.err.message, 'Command failed: echo partial; echo bad >&2; exit 4\nbad\n');
  assert.strictEqual(r.err.code, 4);
  assert.strictEqual(r.err.killed, false);
  assert.strictEqual(r.err.signal, null);
  assert.strictEqual(r.err.cmd, 'echo partial; echo bad >&2; exit 4');
  assert.strictEqual(r.stdout, 'partial\n');
  const f = await call(cp.execFile, '/bin/sh', ['-c', 'exit 9']);
  assert.strictEqual(f.err.cmd, '/bin/sh -c exit 9');
  assert.strictEqual(f.err.code, 9);
});

test('execFile of a missing file', async () => {
  const r = await call(cp.execFile, 'nodus-missing-binary', ['x']);
  assert.strictEqual(r.err.code, 'ENOENT');
  assert.strictEqual(r.err.syscall, 'spawn nodus-missing-binary');
  assert.strictEqual(r.err.cmd, 'nodus-missing-binary x');
  assert.strictEqual(r.stdout, '');
});

test('maxBuffer: ERR_CHILD_PROCESS_STDIO_MAXBUFFER and the child is killed', async () => {
  const r = await call(cp.exec, 'yes', { maxBuffer: 1000 });
  assert.strictEqual(r.err.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
  assert.ok(r.err instanceof RangeError);
  assert.strictEqual(r.err.message, 'stdout maxBuffer length exceeded');
  assert.strictEqual(r.stdout.length, 1000);
  assert.strictEqual(r.child.killed, true);
  const e = await call(cp.execFile, '/bin/sh', ['-c', 'echo 0123456789 >&2'], { maxBuffer: 5 });
  assert.strictEqual(e.err.message, 'stderr maxBuffer length exceeded');
  assert.strictEqual(e.stderr, '01234');
});

test('timeout and killSignal', async () => {
  const start = Date.now();
  const r = await call(cp.exec, 'sleep 30', { timeout: 100, killSignal: 'SIGKILL' });
  assert.ok(Date.now() - start < 10000);
  assert.strictEqual(r.err.killed, true);
  assert.strictEqual(r.err.signal, 'SIGKILL');
  assert.strictEqual(r.err.code, null);
});

test('a runtime child: flooding stdout past maxBuffer, never exiting, ignoring SIGTERM', async () => {
  // Writes forever (bounded only by being killed); the parent stops it at maxBuffer.
  const flood = await call(cp.execFile, process.execPath,
                           ['-e', 'const s = "x".repeat(4096); for (;;) process.stdout.write(s);'],
                           { maxBuffer: 100000 });
  assert.strictEqual(flood.err.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
  assert.strictEqual(flood.stdout.length, 100000);
  assert.strictEqual(flood.child.killed, true);
  assert.strictEqual(flood.child.signalCode, 'SIGTERM');

  // Never exits: the timeout sends the default killSignal, SIGTERM.
  const forever = await call(cp.execFile, process.execPath, ['-e', 'setInterval(() => {}, 1000)'],
                             { timeout: 200 });
  assert.strictEqual(forever.err.killed, true);
  assert.strictEqual(forever.err.signal, 'SIGTERM');
  assert.strictEqual(forever.err.code, null);

  // Ignores SIGTERM: only a killSignal it cannot catch ends it.
  const stubborn = await call(cp.execFile, process.execPath,
                              ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'],
                              { timeout: 200, killSignal: 'SIGKILL' });
  assert.strictEqual(stubborn.err.killed, true);
  assert.strictEqual(stubborn.err.signal, 'SIGKILL');
});

test('AbortSignal', async () => {
  const ac = new AbortController();
  const p = call(cp.execFile, '/bin/sleep', ['30'], { signal: ac.signal });
  setTimeout(() => ac.abort(), 20);
  const r = await p;
  assert.strictEqual(r.err.name, 'AbortError');
});

test('promisified exec and execFile', async () => {
  const p = execP('echo promised');
  assert.ok(p.child instanceof cp.ChildProcess);
  assert.deepStrictEqual(await p, { stdout: 'promised\n', stderr: '' });
  assert.deepStrictEqual(await execFileP('/bin/echo', ['x']), { stdout: 'x\n', stderr: '' });
  await assert.rejects(execP('echo out; exit 2'), (err) => {
    assert.strictEqual(err.code, 2);
    assert.strictEqual(err.stdout, 'out\n');
    assert.strictEqual(err.stderr, '');
    return true;
  });
});

test('argument validation', () => {
  assert.throws(() => cp.exec(), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.execFile('/bin/true', [], {}, 'nope'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cp.execFile('/bin/true', { maxBuffer: -1 }), { code: 'ERR_OUT_OF_RANGE' });
});
