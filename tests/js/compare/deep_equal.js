'use strict';
// isDeepStrictEqual / deepEqual truth table for edge cases; compared against Node.
const { isDeepStrictEqual: s } = require('util');
const assert = require('assert');
const l = (a, b) => { try { assert.deepEqual(a, b); return true; } catch { return false; } };
const pairs = [
  [new Error('a', { cause: 1 }), new Error('a', { cause: 2 })],
  [new AggregateError([1], 'm'), new AggregateError([2], 'm')],
  [Object.assign(new Error('a'), { code: 1 }), Object.assign(new Error('a'), { code: 2 })],
  [new WeakMap(), new WeakMap()], [new WeakSet(), new WeakSet()], [Promise.resolve(1), Promise.resolve(1)],
  [function f() {}, function f() {}], [Symbol('a'), Symbol('a')], [new Date(NaN), new Date(NaN)],
  [Object.assign(new Date(0), { x: 1 }), new Date(0)], [Object.assign(/a/, { x: 1 }), /a/],
  [new Map([[1, { a: 1 }]]), new Map([[1, { a: '1' }]])], [new Set([1, '1']), new Set(['1', 1])], [new Set([{}, {}]), new Set([{}, {}])],
  [[1, 2, 3].keys(), [1, 2, 3].keys()], [new ArrayBuffer(2), new ArrayBuffer(2)], [new SharedArrayBuffer(1), new ArrayBuffer(1)],
  [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2))], [new Number(NaN), new Number(NaN)], [new String('ab'), 'ab'],
  [{ a: 1, b: 2 }, { b: 2, a: 1 }], [Object.create({ x: 1 }), {}], [[, 1], [undefined, 1]], [{ __proto__: null, a: 1 }, { a: 1 }],
  [new Boolean(false), new Boolean(false)], [Object(1n), Object(1n)], [new Float32Array([NaN]), new Float32Array([NaN])],
  [new Map([[NaN, 1]]), new Map([[NaN, 1]])], [new Set([NaN]), new Set([NaN])], [new Map([[{}, 1], [{}, 2]]), new Map([[{}, 2], [{}, 1]])],
  [{ a: undefined, b: 1 }, { b: 1, c: undefined }], [[1, 2], Object.assign([1, 2], { x: 1 })], [new Error('x'), Object.assign(new Error('x'), { name: 'Error' })],
];
for (const [a, b] of pairs) console.log(s(a, b), l(a, b));
