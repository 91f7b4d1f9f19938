'use strict';
// Workers whose code never mentions cluster still share the primary's port and answer in turn,
// as in Node: the runtime loads cluster for a worker at startup.
const assert = require('assert');
const cluster = require('cluster');
const path = require('path');
const { get, test } = require('./common');

test('two plain workers listen on one port and both answer', async () => {
  cluster.setupPrimary({ exec: path.join(__dirname, 'fixtures', 'plain_worker.js') });
  const workers = [cluster.fork(), cluster.fork()];
  // A worker that listened on its own would never report: fail instead of waiting for ever.
  const watchdog = setTimeout(() => {
    for (const w of workers) w.process.kill();
    throw new Error('the workers never reported listening through the primary');
  }, 30000);
  const ports = await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    w.on('listening', (address) => resolve(address.port));
    w.on('exit', (code) => reject(new Error(`worker ${w.id} exited with ${code} before listening`)));
  })));
  clearTimeout(watchdog);
  assert.strictEqual(ports[0], ports[1]);
  assert.ok(ports[0] > 0, `port ${ports[0]}`);
  const pids = new Set(workers.map((w) => `pid ${w.process.pid}`));
  const seen = new Set();
  for (let i = 0; i < 40 && seen.size < 2; i++) seen.add(await get(ports[0]));
  assert.deepStrictEqual([...seen].sort(), [...pids].sort());
  const exits = workers.map((w) => new Promise((resolve) => w.on('exit', (code, signal) => resolve([code, signal]))));
  cluster.disconnect();
  assert.deepStrictEqual(await Promise.all(exits), [[0, null], [0, null]]);
});
