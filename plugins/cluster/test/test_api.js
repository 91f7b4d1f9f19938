'use strict';
// The primary's API with real workers: setupPrimary, fork with env, the events in order,
// messages both ways, cluster.workers, worker.disconnect (from either side), kill, isDead.
const assert = require('assert');
const cluster = require('cluster');
const path = require('path');
const { test } = require('./common');

assert.strictEqual(cluster.isPrimary, true);
assert.strictEqual(cluster.isMaster, true);
assert.strictEqual(cluster.isWorker, false);
assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_RR);
assert.strictEqual(cluster.SCHED_NONE, 1);
assert.strictEqual(cluster.SCHED_RR, 2);

const events = [];
for (const name of ['fork', 'online', 'disconnect']) {
  cluster.on(name, (worker) => events.push(`${name} ${worker.id}`));
}
cluster.on('exit', (worker, code, signal) => events.push(`exit ${worker.id} ${code} ${signal}`));
cluster.on('message', (worker, msg) => events.push(`message ${worker.id} ${typeof msg}`));

function once(emitter, name) {
  return new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
}

test('setupPrimary and its setup event', async () => {
  const setup = once(cluster, 'setup');
  cluster.setupPrimary({ exec: path.join(__dirname, 'fixtures', 'worker_api.js'), args: ['a', 'b'] });
  const [settings] = await setup;
  assert.strictEqual(settings.exec, path.join(__dirname, 'fixtures', 'worker_api.js'));
  assert.deepStrictEqual(settings.args, ['a', 'b']);
  assert.strictEqual(settings.silent, false);
  assert.strictEqual(cluster.settings, settings);
});

test('fork, online, messages both ways, disconnect from the primary', async () => {
  const worker = cluster.fork({ EXTRA: 'from-env' });
  assert.ok(worker instanceof cluster.Worker);
  assert.strictEqual(worker.id, 1);
  assert.strictEqual(cluster.workers[1], worker);
  assert.strictEqual(worker.isDead(), false);
  await once(worker, 'online');
  assert.strictEqual(worker.state, 'online');
  worker.send('ping');
  const [reply] = await once(worker, 'message');
  assert.deepStrictEqual(reply, {
    pong: 1, isWorker: true, isPrimary: false, isMaster: false, hasWorkers: false, state: 'online',
    args: ['a', 'b'], extra: 'from-env', connected: true,
  });
  const exit = once(worker, 'exit');
  worker.disconnect();
  const [code, signal] = await exit;
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.strictEqual(worker.exitedAfterDisconnect, true);
  assert.strictEqual(worker.isDead(), true);
  assert.strictEqual(worker.state, 'dead');
  assert.strictEqual(cluster.workers[1], undefined);
  assert.deepStrictEqual(events, ['fork 1', 'online 1', 'message 1 object', 'disconnect 1', 'exit 1 0 null']);
});

test('a worker that disconnects itself, one that exits, one that is killed', async () => {
  events.length = 0;
  const a = cluster.fork();
  await once(a, 'online');
  const aExit = once(a, 'exit');
  a.send('disconnect-yourself');
  assert.deepStrictEqual(await aExit, [0, null]);
  assert.strictEqual(a.exitedAfterDisconnect, true);

  const b = cluster.fork();
  await once(b, 'online');
  const bExit = once(b, 'exit');
  b.send('exit');
  assert.deepStrictEqual(await bExit, [3, null]);
  assert.strictEqual(b.exitedAfterDisconnect, false);

  const c = cluster.fork();
  await once(c, 'online');
  const cExit = once(c, 'exit');
  c.kill('SIGKILL');
  // As in Node, kill() disconnects first and signals on 'disconnect'; a worker that has already
  // left on its own (it exits when its channel closes) reports exit code 0 instead of the signal.
  const [code, signal] = await cExit;
  assert.ok((code === null && signal === 'SIGKILL') || (code === 0 && signal === null), `${code} ${signal}`);
  assert.strictEqual(c.exitedAfterDisconnect, false);
  assert.deepStrictEqual(Object.keys(cluster.workers), []);
});

test('cluster.disconnect waits for every worker', async () => {
  const workers = [cluster.fork(), cluster.fork()];
  await Promise.all(workers.map((w) => once(w, 'online')));
  await new Promise((resolve) => cluster.disconnect(resolve));
  for (const w of workers) assert.strictEqual(w.isConnected(), false);
  await Promise.all(workers.filter((w) => !w.isDead()).map((w) => once(w, 'exit')));
});

test('a worker listening on a port taken elsewhere gets bind EADDRINUSE', async () => {
  const net = require('net');
  const blocker = net.createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = blocker.address().port;
  cluster.setupPrimary({ exec: path.join(__dirname, 'fixtures', 'worker_listen_error.js') });
  const worker = cluster.fork({ TAKEN_PORT: String(port) });
  const [err] = await once(worker, 'message');
  assert.deepStrictEqual(err, {
    message: `bind EADDRINUSE 127.0.0.1:${port}`, code: 'EADDRINUSE', syscall: 'bind', errno: -98,
    address: '127.0.0.1', port,
  });
  await once(worker, 'exit');
  blocker.close();
});
