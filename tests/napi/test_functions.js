'use strict';
// Node-API functions and classes.
const { assert, load } = require('./common');
const addon = load('functions');

const fn = addon.createFunction('myName');
assert.strictEqual(typeof fn, 'function');
assert.strictEqual(fn.name, 'myName');
const r = fn.call('recv', 1, 'two');
assert.strictEqual(typeof r.self, 'object', 'sloppy-mode receiver is boxed');
assert.deepStrictEqual(r.args, [1, 'two']);
assert.strictEqual(r.newTarget, undefined);
assert.strictEqual(r.data, 'fn-data');
const constructed = new fn(3);
assert.strictEqual(constructed.newTarget, fn);
assert.deepStrictEqual(constructed.args, [3]);

assert.deepStrictEqual(addon.padding(1), [1, 1, undefined, undefined]);
assert.deepStrictEqual(addon.padding(1, 2, 3, 4), [4, 1, 2, 3]);

function add(a, b) { return this.base + a + b; }
assert.strictEqual(addon.call(add, { base: 10 }, 1, 2), 13);
assert.throws(() => addon.call(() => { throw new RangeError('inner'); }, null), RangeError);

const caught = addon.callAndCatch(() => { throw new Error('caught it'); });
assert.strictEqual(caught.status, 10 /* napi_pending_exception */);
assert.strictEqual(caught.noJsWhilePending, 0);
assert.strictEqual(caught.jsWhilePending, 10);
assert.strictEqual(caught.exception.message, 'caught it');
const fine = addon.callAndCatch(() => 1);
assert.strictEqual(fine.status, 0);
assert.strictEqual(fine.exception, undefined);

class Target { constructor(a, b) { this.sum = a + b; } }
assert.strictEqual(addon.newInstance(Target, 2, 5).sum, 7);
assert.ok(addon.newInstance(Target, 1, 1) instanceof Target);
assert.throws(() => addon.newInstance(class { constructor() { throw new Error('ctor'); } }), /ctor/);

// define_class
const Point = addon.defineClass();
assert.strictEqual(Point.name, 'Point');
const p = new Point(3, 4);
assert.strictEqual(p.x, 3);
assert.strictEqual(p.sum(), 7);
assert.strictEqual(p.x2, 6);
p.x2 = 10;
assert.strictEqual(p.x, 5);
assert.strictEqual(p.kind, 'point');
assert.strictEqual(p.answer, 42);
assert.ok(p instanceof Point);
assert.throws(() => Point(1, 2), /called with new/);
assert.throws(() => Point.prototype.sum.call({ x: 1, y: 2 }), TypeError, 'methods check their receiver');
const o = Point.origin();
assert.ok(o instanceof Point);
assert.strictEqual(o.sum(), 0);
assert.strictEqual(Point.dims, 2);
const protoDesc = Object.getOwnPropertyDescriptor(Point.prototype, 'kind');
assert.strictEqual(protoDesc.writable, false);
assert.strictEqual(protoDesc.enumerable, true);
assert.strictEqual(Object.getOwnPropertyDescriptor(Point.prototype, 'sum').enumerable, false);
assert.strictEqual(Object.getOwnPropertyDescriptor(Point, 'dims').writable, false);
class Sub extends Point { constructor() { super(1, 1); this.sub = true; } }
const s = new Sub();
assert.strictEqual(s.sum(), 2);
assert.ok(s instanceof Point);

// define_properties
const target = {};
const sym = addon.defineProps(target);
let d = Object.getOwnPropertyDescriptor(target, 'ro');
assert.deepStrictEqual([d.value, d.writable, d.enumerable, d.configurable], [1, false, true, false]);
d = Object.getOwnPropertyDescriptor(target, 'rw');
assert.deepStrictEqual([d.value, d.writable, d.enumerable, d.configurable], [2, true, true, true]);
d = Object.getOwnPropertyDescriptor(target, 'hidden');
assert.deepStrictEqual([d.value, d.writable, d.enumerable, d.configurable], [3, true, false, false]);
assert.strictEqual(target.method(9).data, 'method-data');
assert.deepStrictEqual(target.method(9).args, [9]);
target.x = 21;
assert.strictEqual(target.getter, 42);
assert.strictEqual(target[sym], 'by symbol');
assert.deepStrictEqual(Object.keys(target), ['ro', 'rw', 'getter', 'x']);

assert.deepStrictEqual(addon.badArgs(), {
  createFunctionNullCb: 1,
  createFunctionNullResult: 1,
  callNonFunction: 1,
  callNullRecv: 1,
  callNullArgv: 1,
  newInstanceNullCtor: 1,
  newInstanceNonFunction: 1,
  defineClassNullCtor: 1,
  defineClassNullProps: 1,
  defineNumberName: 4,
  cbInfoNull: 1,
});
