'use strict';
// Node-API primitive values: numbers, strings, symbols, BigInts, Dates, typeof, coercion, and the
// status codes of bad calls.
const { assert, load } = require('./common');
const addon = load('values');

// Numbers
assert.strictEqual(addon.int32(42), 42);
assert.strictEqual(addon.int32(-1.9), -1);
assert.strictEqual(addon.int32(2 ** 32 + 5), 5);
assert.strictEqual(addon.int32(NaN), 0);
assert.strictEqual(addon.int32(Infinity), 0);
assert.strictEqual(addon.uint32(-1), 4294967295);
assert.strictEqual(addon.int64(2 ** 40 + 1), 2 ** 40 + 1);
assert.strictEqual(addon.int64(-3.7), -3);
assert.strictEqual(addon.int64(NaN), 0);
assert.strictEqual(addon.int64(-Infinity), 0);
assert.strictEqual(addon.double(0.1), 0.1);
assert.ok(Object.is(addon.double(-0), -0));
assert.throws(() => addon.int32('1'), /number was expected|status 6/);
assert.throws(() => addon.double({}), /status 6/);
assert.strictEqual(addon.notBool(false), true);
assert.throws(() => addon.notBool(0), /status 7/);

// Strings
assert.strictEqual(addon.utf8('héllo wörld ✓'), 'héllo wörld ✓');
assert.strictEqual(addon.utf8(''), '');
assert.strictEqual(addon.utf8('héllo', 3), 'h', 'a short buffer never splits a character');
assert.strictEqual(addon.utf8('hello', 1), '');
assert.strictEqual(addon.utf8Length('✓'), 3);
assert.strictEqual(addon.latin1('héllo'), 'héllo');
assert.strictEqual(addon.latin1('héllo', 3), 'hé');
assert.strictEqual(addon.utf16('h€llo 😀'), 'h€llo 😀');
assert.strictEqual(addon.utf16('hello', 3), 'he');
assert.throws(() => addon.utf8(12), /status 3/);

// typeof
assert.strictEqual(addon.typeOf(undefined), 'undefined');
assert.strictEqual(addon.typeOf(null), 'null');
assert.strictEqual(addon.typeOf(true), 'boolean');
assert.strictEqual(addon.typeOf(1), 'number');
assert.strictEqual(addon.typeOf('s'), 'string');
assert.strictEqual(addon.typeOf(Symbol('x')), 'symbol');
assert.strictEqual(addon.typeOf({}), 'object');
assert.strictEqual(addon.typeOf([]), 'object');
assert.strictEqual(addon.typeOf(() => {}), 'function');
assert.strictEqual(addon.typeOf(10n), 'bigint');

// Coercion runs JS (valueOf/toString) and propagates what it throws.
assert.strictEqual(addon.coerce('', 'bool'), false);
assert.strictEqual(addon.coerce({}, 'bool'), true);
assert.strictEqual(addon.coerce('12', 'number'), 12);
assert.strictEqual(addon.coerce({ valueOf() { return 7; } }, 'number'), 7);
assert.strictEqual(addon.coerce(5, 'string'), '5');
assert.strictEqual(typeof addon.coerce(5, 'object'), 'object');
assert.throws(() => addon.coerce({ toString() { throw new Error('boom'); } }, 'string'), /boom/);
assert.throws(() => addon.coerce(undefined, 'object'), TypeError);
assert.throws(() => addon.coerce(Symbol('s'), 'number'), TypeError);

// Symbols
const s = addon.symbol('desc');
assert.strictEqual(typeof s, 'symbol');
assert.strictEqual(s.description, 'desc');
assert.notStrictEqual(addon.symbol('desc'), s);
assert.strictEqual(addon.symbol(undefined).description, undefined);
assert.strictEqual(addon.symbolFor('shared'), Symbol.for('shared'));

// BigInt
assert.deepStrictEqual(addon.bigintInt64(-5n), [-5n, true]);
assert.deepStrictEqual(addon.bigintInt64(2n ** 64n + 3n), [3n, false]);
assert.deepStrictEqual(addon.bigintUint64(2n ** 64n - 1n), [2n ** 64n - 1n, true]);
assert.deepStrictEqual(addon.bigintUint64(-1n), [2n ** 64n - 1n, false]);
for (const v of [0n, 1n, -1n, 2n ** 200n + 12345n, -(2n ** 130n)]) {
  assert.strictEqual(addon.bigintWords(v), v);
}
assert.throws(() => addon.bigintInt64(1), /status 17/);
assert.throws(() => addon.hugeBigInt(), RangeError);

// Dates
const d = addon.date(1549183351);
assert.ok(d instanceof Date);
assert.strictEqual(d.getTime(), 1549183351);
assert.strictEqual(addon.dateValue(new Date(12345)), 12345);
assert.ok(Number.isNaN(addon.dateValue(new Date(NaN))));
assert.throws(() => addon.dateValue(12345), /status 18/);

// Singletons
const [u, n, t, f, g] = addon.singletons();
assert.strictEqual(u, undefined);
assert.strictEqual(n, null);
assert.strictEqual(t, true);
assert.strictEqual(f, false);
assert.strictEqual(g, globalThis);

// Status codes of bad calls (napi_status values are part of the ABI).
const napi_invalid_arg = 1, napi_string_expected = 3, napi_number_expected = 6,
  napi_boolean_expected = 7, napi_bigint_expected = 17, napi_date_expected = 18;
const bad = addon.badArgs();
assert.deepStrictEqual(bad, {
  nullEnv: napi_invalid_arg,
  nullResult: napi_invalid_arg,
  int32OfString: napi_number_expected,
  doubleOfNull: napi_invalid_arg,
  boolOfNumber: napi_boolean_expected,
  utf8OfNumber: napi_string_expected,
  utf8NoBufNoResult: napi_invalid_arg,
  newUtf8Null: napi_invalid_arg,
  newUtf8NullEmpty: 0,
  newUtf8TooLong: napi_invalid_arg,
  typeofNull: napi_invalid_arg,
  bigintOfNumber: napi_bigint_expected,
  dateOfNumber: napi_date_expected,
  symbolOfNumber: napi_string_expected,
  symbolForNull: napi_invalid_arg,
  coerceNull: napi_invalid_arg,
  lastErrorCode: napi_number_expected,
  lastErrorMessage: 'A number was expected',
  lastErrorAfterOk: 0,
});
