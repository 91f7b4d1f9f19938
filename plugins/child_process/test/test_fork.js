'use strict';
// fork(): IPC round trips (JSON and advanced serialization), ordering, large messages, the
// child's process.send/connected/channel/disconnect, disconnect from either side, silent, and
// errors of a closed channel.
const assert = require('assert');
const cp = require('child_process');
const path = require('path');
const { test } = require('./common');

const child = path.join(__dirname, 'fixtures', 'fork_child.js');

function closed(c) {
  return new Promise((resolve) => c.on('close', (code, signal) => resolve({ code, signal })));
}

function nextMessage(c) {
  return new Promise((resolve) => c.once('message', resolve));
}

test('JSON round trips keep values and order', async () => {
  const c = cp.fork(child, ['echo']);
  assert.strictEqual(c.connected, true);
  assert.ok(c.channel);
  const values = ['text', 42, 1.5, true, null, [1, 'two', { three: 3 }], { nested: { a: [1, 2] } },
    'ünïcødé ✓ 😀', 'line\nbreaks\r\n', { big: 'x'.repeat(300000) }];
  const got = [];
  c.on('message', (m) => got.push(m));
  for (const v of values) assert.strictEqual(c.send(v), true);
  while (got.length < values.length) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepStrictEqual(got, values);
  c.send('bye');
  const disconnected = new Promise((resolve) => c.on('disconnect', resolve));
  await disconnected;
  assert.strictEqual(c.connected, false);
  assert.deepStrictEqual(await closed(c), { code: 0, signal: null });
});

test('a burst of messages arrives complete and in order', async () => {
  const n = 2000;
  const c = cp.fork(child, ['burst', String(n)]);
  let next = 0;
  await new Promise((resolve) => {
    c.on('message', (m) => {
      if (m === 'done') return resolve();
      assert.strictEqual(m.i, next++);
    });
  });
  assert.strictEqual(next, n);
  await closed(c);
});

test('the child sees process.connected, process.channel and its arguments', async () => {
  const c = cp.fork(child, ['info', 'a', 'b'], { execArgv: [] });
  const info = await nextMessage(c);
  assert.deepStrictEqual(info, {
    connected: true, hasChannel: true, env: 'unset', argv: ['a', 'b'], execArgv: [],
  });
  // The child had no 'message' listener: it exits on its own once done.
  assert.deepStrictEqual(await closed(c), { code: 0, signal: null });
});

test('a child with an unused channel exits by itself', async () => {
  const c = cp.fork(child, ['no-listener'], { silent: true });
  let out = '';
  c.stdout.on('data', (d) => { out += d; });
  assert.deepStrictEqual(await closed(c), { code: 0, signal: null });
  assert.strictEqual(out, 'exiting on its own\n');
});

test('parent disconnect reaches the child', async () => {
  const c = cp.fork(child, ['wait-disconnect'], { silent: true });
  let out = '';
  c.stdout.on('data', (d) => { out += d; });
  assert.strictEqual(await nextMessage(c), 'ready');
  const events = [];
  c.on('disconnect', () => events.push('disconnect'));
  // (Node emits no 'close' after a disconnect the parent started; 'exit' comes in both.)
  const exited = new Promise((resolve) => c.on('exit', resolve));
  c.disconnect();
  assert.strictEqual(c.connected, false);
  await exited;
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepStrictEqual(events, ['disconnect']);
  assert.strictEqual(out, 'child disconnected connected=false\n');
  // A second disconnect is an error event; send after disconnect fails with a closed channel.
  const errors = [];
  c.on('error', (err) => errors.push(err.code));
  c.disconnect();
  await new Promise((resolve) => c.send('late', (err) => {
    errors.push(err.code);
    resolve();
  }));
  assert.deepStrictEqual(errors, ['ERR_IPC_DISCONNECTED', 'ERR_IPC_CHANNEL_CLOSED']);
});

test('send callback, then exit with a code', async () => {
  const c = cp.fork(child, ['exit-code']);
  const msg = nextMessage(c);
  assert.deepStrictEqual(await closed(c), { code: 7, signal: null });
  assert.strictEqual(await msg, 'bye');
  assert.strictEqual(c.connected, false);
});

test('silent: the child output is piped; stdio with ipc', async () => {
  let c = cp.fork(child, ['print'], { silent: true });
  let out = '';
  c.stdout.on('data', (d) => { out += d; });
  assert.strictEqual(await nextMessage(c), 'printed');
  await closed(c);
  assert.strictEqual(out, 'printed by child\n');
  c = cp.fork(child, ['print'], { stdio: ['ignore', 'pipe', 'ignore', 'ipc'] });
  out = '';
  c.stdout.on('data', (d) => { out += d; });
  await closed(c);
  assert.strictEqual(out, 'printed by child\n');
  assert.throws(() => cp.fork(child, [], { stdio: ['pipe', 'pipe', 'pipe'] }),
    { code: 'ERR_CHILD_PROCESS_IPC_REQUIRED' });
});

test("serialization: 'advanced' carries what JSON cannot", async () => {
  const c = cp.fork(child, ['echo'], { serialization: 'advanced' });
  const value = {
    map: new Map([[1, 'a']]), set: new Set(['x']), date: new Date(0), big: 12345678901234567890n,
    bytes: new Uint8Array([1, 2, 3]), undef: undefined, nan: NaN, re: /ab+c/gi,
    large: 'y'.repeat(200000),
  };
  c.send(value);
  const back = await nextMessage(c);
  assert.deepStrictEqual(back, value);
  c.send('bye');
  await closed(c);
});

test('kill a forked child', async () => {
  const c = cp.fork(child, ['echo']);
  c.kill();
  assert.deepStrictEqual(await closed(c), { code: null, signal: 'SIGTERM' });
  assert.strictEqual(c.connected, false);
});
