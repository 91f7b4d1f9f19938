'use strict';
// events.EventEmitterAsyncResource: listeners run in the emitter's own async resource (its async
// id, and the AsyncLocalStorage store of where it was made), whoever emits and from wherever.
const assert = require('assert');
const { EventEmitterAsyncResource, EventEmitter } = require('events');
const { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId, createHook } = require('async_hooks');

assert.strictEqual(EventEmitterAsyncResource.name, 'EventEmitterAsyncResource');
assert.strictEqual(require('events').EventEmitterAsyncResource, EventEmitterAsyncResource);
assert.deepStrictEqual(Object.getOwnPropertyNames(EventEmitterAsyncResource.prototype),
  ['constructor', 'emit', 'emitDestroy', 'asyncId', 'triggerAsyncId', 'asyncResource']);

const named = new EventEmitterAsyncResource({ name: 'X' });
assert.ok(named instanceof EventEmitter);
assert.deepStrictEqual(Object.keys(named), ['_events', '_eventsCount', '_maxListeners']);
assert.strictEqual(typeof named.asyncId, 'number');
assert.strictEqual(named.triggerAsyncId, executionAsyncId());
assert.ok(named.asyncResource instanceof AsyncResource);
assert.strictEqual(named.asyncResource.constructor.name, 'EventEmitterReferencingAsyncResource');
assert.strictEqual(named.asyncResource.eventEmitter, named);
assert.strictEqual(named.asyncResource.asyncId(), named.asyncId);

// The name is required when the class is used directly, taken from the subclass otherwise.
assert.throws(() => new EventEmitterAsyncResource(), { code: 'ERR_INVALID_ARG_TYPE', message: /"options\.name"/ });
assert.throws(() => new EventEmitterAsyncResource({ name: 5 }), { code: 'ERR_INVALID_ARG_TYPE' });
const types = [];
const hook = createHook({ init(id, type) { types.push(type); } }).enable();
class Sub extends EventEmitterAsyncResource {}
new Sub();
new EventEmitterAsyncResource('by-string');
new Sub({ name: 'Renamed', captureRejections: true });
hook.disable();
assert.deepStrictEqual(types, ['Sub', 'by-string', 'Renamed']);

// A foreign `this` is refused.
const proto = EventEmitterAsyncResource.prototype;
for (const fn of [() => proto.emit.call({}, 'x'), () => proto.emitDestroy.call({}),
  () => Object.getOwnPropertyDescriptor(proto, 'asyncId').get.call({}),
  () => Object.getOwnPropertyDescriptor(proto, 'asyncResource').get.call({})]) {
  assert.throws(fn, { code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type EventEmitterAsyncResource' });
}
const refProto = Object.getPrototypeOf(named.asyncResource);
assert.throws(() => Object.getOwnPropertyDescriptor(refProto, 'eventEmitter').get.call({}),
  { code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type EventEmitterReferencingAsyncResource' });

// Listeners see the emitter's context, not the emitter's caller's.
const als = new AsyncLocalStorage();
const ee = als.run({ user: 1 }, () => new EventEmitterAsyncResource('ee'));
const calls = [];
ee.on('x', function(arg) {
  assert.strictEqual(this, ee);
  calls.push([arg, als.getStore(), executionAsyncId() === ee.asyncId, triggerAsyncId() === ee.triggerAsyncId]);
});
assert.strictEqual(ee.emit('x', 'plain'), true);
assert.strictEqual(ee.emit('nobody'), false);
als.run({ user: 2 }, () => ee.emit('x', 'other store'));
assert.throws(() => ee.emit('error', new Error('unhandled')), /unhandled/);
assert.strictEqual(executionAsyncId(), 1);
setTimeout(() => {
  ee.emit('x', 'from a timer');
  assert.deepStrictEqual(calls, [
    ['plain', { user: 1 }, true, true],
    ['other store', { user: 1 }, true, true],
    ['from a timer', { user: 1 }, true, true],
  ]);
  // emitDestroy reaches the 'destroy' hooks.
  const destroyed = [];
  const h = createHook({ destroy(id) { destroyed.push(id); } }).enable();
  const gone = new EventEmitterAsyncResource('gone');
  gone.emitDestroy();
  setImmediate(() => {
    h.disable();
    assert.ok(destroyed.includes(gone.asyncId));
    console.log('ok');
  });
}, 1);
