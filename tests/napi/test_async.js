'use strict';
// Asynchronous Node-API: async work, promises, make_callback, callback scopes, thread-safe
// functions.
const { assert, load, isNodus } = require('./common');
const addon = load('async');

async function main() {
  // Async work on the thread pool, settled through a promise.
  const r = await addon.sumAsync(100000);
  assert.deepStrictEqual(r, { sum: 5000050000, otherThread: true, status: 0 });
  const many = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => addon.sumAsync(n)));
  assert.deepStrictEqual(many.map((x) => x.sum), [1, 3, 6, 10, 15, 21, 28, 36]);
  await assert.rejects(addon.rejectLater(new Error('rejected')), /rejected/);

  // An exception thrown by a completion callback is an uncaught exception.
  const uncaught = new Promise((resolve) => process.once('uncaughtException', resolve));
  addon.throwInComplete();
  const err = await uncaught;
  assert.strictEqual(err.code, 'ERR_FROM_COMPLETE');

  // Cancelling queued work: complete runs with napi_cancelled.
  const cancelled = new Promise((resolve) => {
    const status = addon.cancelTest(resolve, Number(process.env.UV_THREADPOOL_SIZE || 4));
    assert.strictEqual(status, 0);
  });
  assert.strictEqual(await cancelled, 11 /* napi_cancelled */);

  // make_callback calls with the receiver and drains the nextTick and microtask queues.
  const order = [];
  const result = addon.makeCallback({ tag: 'recv' }, function (a, b) {
    order.push(`call ${this.tag} ${a} ${b}`);
    process.nextTick(() => order.push('tick'));
    Promise.resolve().then(() => order.push('microtask'));
    return a + b;
  }, 1, 2);
  assert.strictEqual(result, 3);
  order.push('after');
  await new Promise((resolve) => setTimeout(resolve, 1));
  assert.strictEqual(order[0], 'call recv 1 2');
  assert.deepStrictEqual(order.slice().sort(), ['after', 'call recv 1 2', 'microtask', 'tick']);
  assert.throws(() => addon.makeCallback({}, () => { throw new Error('in callback'); }),
                /in callback/);

  assert.deepStrictEqual(addon.callbackScopes(), {
    closeUnopened: 14 /* napi_callback_scope_mismatch */,
    openNull: 1,
    asyncInitNullName: 1,
  });

  // Thread-safe functions: every call arrives, in order; blocking and non-blocking queues.
  for (const [blocking, maxQueue] of [[true, 0], [true, 2], [false, 2]]) {
    const seen = [];
    const stats = await new Promise((resolve) => {
      addon.startThread((v) => seen.push(v), resolve, 200, maxQueue, blocking, false);
    });
    assert.strictEqual(stats.sent, 200);
    assert.strictEqual(stats.closing, 0);
    assert.deepStrictEqual(seen, Array.from({ length: 200 }, (_, i) => i));
  }
  // Aborted from JS on the first call: the thread sees napi_closing, the rest is dropped.
  const seenAbort = [];
  const abortStats = await new Promise((resolve) => {
    addon.startThread((v) => seenAbort.push(v), resolve, 100000, 1, true, true);
  });
  assert.strictEqual(abortStats.closing, 1);
  assert.ok(seenAbort.length <= 1, `calls after abort: ${seenAbort.length}`);

  let idleCalls = 0;
  addon.unreffed(() => { idleCalls++; });
  await new Promise((resolve) => setTimeout(resolve, 1));
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.strictEqual(idleCalls, 1);

  // JS that throws inside a thread-safe function call of a Node-API 8 module: DEP0168 warning,
  // no 'uncaughtException' (Node's policy for modules older than Node-API 10).
  let uncaughtSeen = false;
  const onUncaught = () => { uncaughtSeen = true; };
  process.on('uncaughtException', onUncaught);
  const warned = new Promise((resolve) => process.once('warning', resolve));
  addon.throwFromTsfn(() => { throw new Error('thrown in a tsfn call'); });
  const warning = await warned;
  assert.strictEqual(warning.code, 'DEP0168');
  assert.strictEqual(warning.name, 'DeprecationWarning');
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.strictEqual(uncaughtSeen, false);
  process.off('uncaughtException', onUncaught);

  let badCalls = 0;
  assert.deepStrictEqual(addon.tsfnBadArgs(() => { badCalls++; }), {
    zeroThreads: 1,
    noFuncNoCallJs: 1,
    numberFunc: 1,
    nullName: 1,
    acquire: 0,
    firstCall: 0,
    fullQueue: 15 /* napi_queue_full */,
    release1: 0,
    release2: 0,
    release3: 1,
  });
  if (isNodus) {
    assert.deepStrictEqual(addon.tsfnNullHandles(),
      { callNull: 1, contextNull: 1, releaseNull: 1, acquireNull: 1 });
  }
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.strictEqual(badCalls, 1, 'the queued call still runs after the last release');
}

main().catch((err) => {
  process.exitCode = 1;
  throw err;
});
