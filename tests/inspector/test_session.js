'use strict';
// inspector.Session inside the program: evaluation, a CPU profile and a heap snapshot with their
// shapes, console calls reported as Runtime.consoleAPICalled, inspector/promises, the errors, and
// inspector.open/url/close at run time.
const assert = require('assert');
const inspector = require('inspector');

const session = new inspector.Session();
assert.throws(() => session.post('Runtime.evaluate'), { code: 'ERR_INSPECTOR_NOT_CONNECTED' });
session.connect();
assert.throws(() => session.connect(), { code: 'ERR_INSPECTOR_ALREADY_CONNECTED' });
assert.throws(() => session.connectToMainThread(), { code: 'ERR_INSPECTOR_NOT_WORKER' });
assert.throws(() => session.post(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => session.post('Runtime.evaluate', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => inspector.waitForDebugger(), { code: 'ERR_INSPECTOR_NOT_ACTIVE' });
assert.strictEqual(inspector.url(), undefined);

function post(method, params) {
  return new Promise((resolve, reject) => {
    session.post(method, params, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function busyWork() {
  let x = 0;
  for (let i = 0; i < 2e6; i++) x += Math.sqrt(i);
  return x;
}

(async () => {
  const r = await post('Runtime.evaluate', { expression: '6 * 7' });
  assert.deepStrictEqual(r.result, { type: 'number', value: 42, description: '42' });
  await assert.rejects(post('Nope.nothing'), { code: 'ERR_INSPECTOR_COMMAND', message: /^Inspector error -32601: 'Nope.nothing' wasn't found$/ });

  // Console calls reach the session as they would reach DevTools, with the caller's stack.
  const calls = [];
  session.on('Runtime.consoleAPICalled', (m) => calls.push(m.params));
  await post('Runtime.enable');
  console.warn('to the debugger', 7);
  const warned = calls.find((c) => c.type === 'warning');
  assert.deepStrictEqual(warned.args.map((a) => a.value), ['to the debugger', 7]);
  assert.strictEqual(warned.stackTrace.callFrames[0].url, `file://${__filename}`);

  await post('Profiler.enable');
  await post('Profiler.start');
  busyWork();
  const { profile } = await post('Profiler.stop');
  assert.ok(profile.nodes.length > 1 && profile.nodes[0].callFrame.functionName === '(root)');
  assert.ok(profile.endTime > profile.startTime && profile.samples.length === profile.timeDeltas.length);
  assert.ok(profile.nodes.some((n) => n.callFrame.functionName === 'busyWork'), 'busyWork was sampled');

  const chunks = [];
  const onChunk = (m) => chunks.push(m.params.chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await post('HeapProfiler.takeHeapSnapshot', null);
  session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields;
  assert.ok(fields.includes('name') && fields.includes('self_size'));
  assert.strictEqual(snap.nodes.length, snap.snapshot.node_count * fields.length);
  assert.ok(snap.strings.includes('busyWork'));

  // A command still waiting when the session closes is answered with an error (as in Node).
  globalThis.neverSettles = new Promise(() => {});
  const closed = new Promise((resolve) => session.post('Runtime.evaluate', { expression: 'neverSettles', awaitPromise: true }, resolve));
  session.disconnect();
  const err = await closed;
  assert.strictEqual(err.code, 'ERR_INSPECTOR_COMMAND');
  assert.match(err.message, /Execution context was destroyed/);

  const { Session } = require('inspector/promises');
  const ps = new Session();
  ps.connect();
  assert.strictEqual((await ps.post('Runtime.evaluate', { expression: '"promises"' })).result.value, 'promises');
  ps.disconnect();

  // inspector.open: a bad port throws; a busy one is reported on stderr and leaves it inactive.
  assert.throws(() => inspector.open(70000), { code: 'ERR_OUT_OF_RANGE' });
  const busy = require('net').createServer();
  await new Promise((resolve) => busy.listen(0, '127.0.0.1', resolve));
  inspector.open(busy.address().port);
  assert.strictEqual(inspector.url(), undefined);
  busy.close();
  inspector.open(0);
  assert.match(inspector.url(), /^ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.throws(() => inspector.open(0), { code: 'ERR_INSPECTOR_ALREADY_ACTIVATED' });
  inspector.close();
  assert.strictEqual(inspector.url(), undefined);
  console.log('inspector.Session ok');
})().catch((err) => { console.error(err); process.exit(1); });
