'use strict';
// structuredClone and the serdes binding behind it.
const assert = require('assert');

const src = { n: 1, s: 'str', d: new Date(5), m: new Map([['k', [1, 2]]]), set: new Set(['a']),
  ta: new Float64Array([1.5]), nested: { deep: [{ x: null }] }, big: 10n };
src.self = src;
const c = structuredClone(src);
assert.notStrictEqual(c, src);
assert.strictEqual(c.self, c);
assert.deepStrictEqual(c.m.get('k'), [1, 2]);
assert.ok(c.d instanceof Date && c.d.getTime() === 5);
assert.strictEqual(c.ta[0], 1.5);
assert.strictEqual(c.big, 10n);
assert.throws(() => structuredClone({ f() {} }), { name: 'DataCloneError', code: 25 });
const ab = new ArrayBuffer(8);
new Uint8Array(ab)[0] = 9;
const moved = structuredClone({ ab }, { transfer: [ab] });
assert.strictEqual(ab.byteLength, 0);
assert.strictEqual(new Uint8Array(moved.ab)[0], 9);
const sab = new SharedArrayBuffer(4);
const sc = structuredClone(sab);
new Uint8Array(sab)[0] = 7;
assert.strictEqual(new Uint8Array(sc)[0], 7);
console.log('ok');
