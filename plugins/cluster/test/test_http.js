'use strict';
// A cluster of 2 workers serving HTTP on one port: both answer, in round-robin and in
// shared-handle mode; the primary sees fork/online/listening and, after disconnect, exit.
const assert = require('assert');
const cp = require('child_process');
const path = require('path');
const { get, test } = require('./common');

const fixture = path.join(__dirname, 'fixtures', 'http_cluster.js');

function nextMessage(child) {
  return new Promise((resolve) => child.once('message', resolve));
}

async function runCluster(policy, port) {
  const primary = cp.fork(fixture, [policy], { env: { ...process.env, CLUSTER_TEST_PORT: String(port) } });
  const ready = await nextMessage(primary);
  assert.strictEqual(ready.port, port);
  for (const id of [1, 2]) {
    for (const e of ['fork', 'online', 'listening']) assert.ok(ready.events.includes(`${e} ${id}`), e);
  }
  const seen = new Set();
  for (let i = 0; i < 40 && seen.size < 2; i++) seen.add(await get(port));
  assert.deepStrictEqual([...seen].sort(), ['worker 1', 'worker 2']);
  const done = nextMessage(primary);
  primary.send('stop');
  const { events } = await done;
  assert.ok(events.includes('exit 1 0 null true'), events.join());
  assert.ok(events.includes('exit 2 0 null true'), events.join());
  await new Promise((resolve) => primary.on('exit', resolve));
}

const base = 20000 + (process.pid % 20000);

test('round-robin: both workers answer on one port', async () => {
  await runCluster('rr', base);
});

test('shared handle (SCHED_NONE): both workers answer on one port', async () => {
  await runCluster('none', base + 1);
});
