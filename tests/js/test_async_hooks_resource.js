'use strict';
// AsyncResource, executionAsyncId/triggerAsyncId/executionAsyncResource and createHook for
// AsyncResource, timers, immediates and nextTick.
const assert = require('assert');
const asyncHooks = require('async_hooks');
const { AsyncResource, executionAsyncId, triggerAsyncId, executionAsyncResource, createHook } = asyncHooks;

assert.deepStrictEqual(Object.keys(asyncHooks), ['AsyncLocalStorage', 'createHook', 'executionAsyncId',
  'triggerAsyncId', 'executionAsyncResource', 'asyncWrapProviders', 'AsyncResource']);
assert.strictEqual(asyncHooks.asyncWrapProviders.TCPWRAP, 36);
assert.strictEqual(executionAsyncId(), 1);
assert.strictEqual(triggerAsyncId(), 0);
assert.strictEqual(executionAsyncResource(), executionAsyncResource());

assert.throws(() => new AsyncResource(5), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
assert.throws(() => new AsyncResource(), { code: 'ERR_INVALID_ARG_TYPE' });
for (const triggerAsyncId of [-2, 1.5, NaN]) {
  assert.throws(() => new AsyncResource('x', { triggerAsyncId }), { code: 'ERR_INVALID_ASYNC_ID', name: 'RangeError' });
}
assert.throws(() => new AsyncResource('x', -3), { code: 'ERR_INVALID_ASYNC_ID' });
assert.strictEqual(new AsyncResource('x', 7).triggerAsyncId(), 7);
assert.strictEqual(new AsyncResource('x', { triggerAsyncId: 9 }).triggerAsyncId(), 9);

const r = new AsyncResource('R');
assert.ok(r.asyncId() > 1);
assert.strictEqual(r.triggerAsyncId(), executionAsyncId());
const inside = r.runInAsyncScope(function(a, b) {
  return [this, a, b, executionAsyncId(), triggerAsyncId(), executionAsyncResource()];
}, 'T', 1, 2);
assert.deepStrictEqual(inside.slice(1), [1, 2, r.asyncId(), r.triggerAsyncId(), r]);
assert.strictEqual(String(inside[0]), 'T');
assert.strictEqual(executionAsyncId(), 1, 'the scope is left');
assert.throws(() => r.runInAsyncScope(() => { throw new Error('boom'); }), /boom/);
assert.strictEqual(executionAsyncId(), 1, 'the scope is left after a throw');

const bound = r.bind(function(x) { return [executionAsyncId(), this, x]; });
assert.strictEqual(bound.length, 1);
assert.deepStrictEqual(bound.call('self', 3).map(String), [String(r.asyncId()), 'self', '3']);
assert.deepStrictEqual(r.bind(function() { return this; }, 'fixed')(), 'fixed');
const staticBound = AsyncResource.bind(function named(a, b) { return executionAsyncResource(); });
assert.strictEqual(staticBound.length, 2);
assert.ok(staticBound() instanceof AsyncResource);
assert.throws(() => r.bind(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(r.emitDestroy(), r);

// createHook sees init/before/after/destroy of the resources it can see ('destroy' comes later,
// in a batch).
const lifecycles = new Map();
const kinds = new Set(['Mine', 'Timeout', 'Immediate', 'TickObject']);
const hook = createHook({
  init(id, type, trigger) {
    if (kinds.has(type)) lifecycles.set(id, [type, `init ${trigger === executionAsyncId()}`]);
  },
  before(id) { lifecycles.get(id)?.push('before'); },
  after(id) { lifecycles.get(id)?.push('after'); },
  destroy(id) { lifecycles.get(id)?.push('destroy'); },
});
assert.strictEqual(hook.enable(), hook);
const res = new AsyncResource('Mine', { requireManualDestroy: true });
res.runInAsyncScope(() => {});
res.emitDestroy();
assert.deepStrictEqual([...lifecycles.values()], [['Mine', 'init true', 'before', 'after']]);
process.nextTick(() => {});
setImmediate(() => {});
const cleared = setTimeout(() => {}, 1);
clearTimeout(cleared);
// Two loop turns later every 'destroy' of the resources above has been delivered.
setImmediate(() => setImmediate(() => {
  hook.disable();
  new AsyncResource('Mine');
  process.nextTick(() => {});
  setImmediate(() => {
    const all = ['init true', 'before', 'after', 'destroy'];
    const seen = [...lifecycles.values()];
    // Nothing made after disable() shows.
    assert.deepStrictEqual(seen, [
      ['Mine', ...all], ['TickObject', ...all], ['Immediate', ...all], ['Timeout', 'init true', 'destroy'],
      ['Immediate', ...all], ['Immediate', 'init true', 'before'],
    ]);
    timersAndTicks();
  });
}));
assert.throws(() => createHook({ init: 5 }), { code: 'ERR_ASYNC_CALLBACK', message: 'hook.init must be a function' });

// Timers and ticks run as their own resources, triggered by the code that made them.
function timersAndTicks() {
  const madeIn = executionAsyncId();
  setTimeout(() => {
    const timerId = executionAsyncId();
    assert.ok(timerId > madeIn);
    assert.strictEqual(triggerAsyncId(), madeIn);
    process.nextTick(() => {
      assert.notStrictEqual(executionAsyncId(), timerId);
      assert.strictEqual(triggerAsyncId(), timerId);
      console.log('ok');
    });
  }, 1);
}
