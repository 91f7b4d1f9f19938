'use strict';
// Node-API objects and arrays.
const { assert, load } = require('./common');
const addon = load('objects');

const o = addon.newObject();
assert.deepStrictEqual(o, {});
addon.setProp(o, 'a', 1);
const sym = Symbol('s');
addon.setProp(o, sym, 'symbol value');
assert.strictEqual(o.a, 1);
assert.strictEqual(addon.getProp(o, 'a'), 1);
assert.strictEqual(addon.getProp(o, sym), 'symbol value');
assert.strictEqual(addon.getProp(o, 'missing'), undefined);
assert.strictEqual(addon.hasProp(o, 'a'), true);
assert.strictEqual(addon.hasProp(o, 'toString'), true, 'has() sees the prototype chain');
assert.strictEqual(addon.hasOwn(o, 'toString'), false);
assert.strictEqual(addon.hasOwn(o, sym), true);
assert.throws(() => addon.hasOwn(o, 1), /status 4/);
assert.strictEqual(addon.deleteProp(o, 'a'), true);
assert.strictEqual('a' in o, false);
// Getters and setters run, and what they throw comes back to JS.
const trap = { get boom() { throw new Error('getter threw'); } };
assert.throws(() => addon.getProp(trap, 'boom'), /getter threw/);
const proxy = new Proxy({}, { get: (t, k) => `proxied ${String(k)}` });
assert.strictEqual(addon.getProp(proxy, 'x'), 'proxied x');
// Primitives are converted to objects.
assert.strictEqual(addon.getProp('abc', 'length'), 3);

assert.deepStrictEqual(addon.named({}, 'n', 5), [true, 5]);
assert.deepStrictEqual(addon.named({}, 'n'), [false, undefined]);

const arr = [1, 2, 3];
assert.deepStrictEqual(addon.elements(arr, 5, 'x'), [true, 'x', true, false]);
assert.strictEqual(arr.length, 6);
assert.strictEqual(addon.arrayInfo(arr), 6);
assert.strictEqual(addon.arrayInfo({ length: 2 }), false);
const fresh = addon.newArray(4);
assert.ok(Array.isArray(fresh));
assert.strictEqual(fresh.length, 4);

// Key listing
class Base { constructor() { this.inherited = 1; } }
Base.prototype.protoKey = 2;
const obj = new Base();
obj.own = 1;
obj[2] = 'two';
obj[Symbol('hidden')] = 3;
Object.defineProperty(obj, 'notEnumerable', { value: 4, enumerable: false });
assert.deepStrictEqual(addon.names(obj), ['2', 'inherited', 'own', 'protoKey']);
const own = 1, keepNumbers = 0, toStrings = 1;
const all = 0, writable = 1, enumerable = 2, configurable = 4, skipStrings = 8, skipSymbols = 16;
assert.deepStrictEqual(addon.allNames(obj, own, enumerable | skipSymbols, keepNumbers),
  [2, 'inherited', 'own']);
assert.deepStrictEqual(addon.allNames(obj, own, all, toStrings).length, 5);
assert.strictEqual(addon.allNames(obj, own, skipStrings, toStrings).length, 1);
assert.deepStrictEqual(addon.allNames(obj, own, writable | configurable | skipSymbols, toStrings),
  ['2', 'inherited', 'own']);

// Prototype, instanceof, equality
assert.strictEqual(addon.proto(obj), Base.prototype);
assert.strictEqual(addon.instanceOf(obj, Base), true);
assert.strictEqual(addon.instanceOf(obj, Array), false);
assert.strictEqual(addon.instanceOf({}, Object), true);
class Custom { static [Symbol.hasInstance](v) { return v === 42; } }
assert.strictEqual(addon.instanceOf(42, Custom), true);
assert.strictEqual(addon.strictEquals(1, 1), true);
assert.strictEqual(addon.strictEquals(1, '1'), false);
assert.strictEqual(addon.strictEquals(NaN, NaN), false);
assert.strictEqual(addon.strictEquals(o, o), true);

// Freeze and seal
const frozen = addon.freeze({ x: 1 });
assert.ok(Object.isFrozen(frozen));
const sealed = addon.seal({ x: 1 });
assert.ok(Object.isSealed(sealed));
assert.ok(!Object.isFrozen(sealed));

// Failures leave the right status and the JS exception
const [status, err] = addon.getPropOfUndefined();
assert.strictEqual(status, 2 /* napi_object_expected */);
assert.ok(err instanceof TypeError);
const [status2, err2] = addon.instanceOfNonFunction();
assert.strictEqual(status2, 5 /* napi_function_expected */);
assert.ok(err2 instanceof TypeError);
assert.strictEqual(err2.code, 'ERR_NAPI_CONS_FUNCTION');
assert.strictEqual(err2.message, 'Constructor must be a function');

assert.deepStrictEqual(addon.badArgs(), {
  setNullObject: 1,
  setNullKey: 1,
  setNullValue: 1,
  getNullResult: 1,
  hasOwnNumberKey: 4,
  namedNullName: 1,
  arrayLengthOfObject: 8,
  isArrayNull: 1,
  allNamesBadMode: 1,
  strictEqualsNull: 1,
  freezeNull: 1,
  deleteElementNullObject: 1,
});
