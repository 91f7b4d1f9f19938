'use strict';
// Round trips through every encoding, pooled and unpooled sizes, and the native paths for large
// inputs (external strings, the fast base64 loop, memmem search, swap).
const assert = require('assert');
const { Buffer, isUtf8, isAscii } = require('buffer');

const samples = ['', 'a', 'hello world', 'héllo wörld', '€ and 😀', 'x'.repeat(5000),
  '😀'.repeat(3000), 'ÿ'.repeat(70000)];
for (const s of samples) {
  for (const enc of ['utf8', 'utf16le']) {
    assert.strictEqual(Buffer.from(s, enc).toString(enc), s, `${enc} round trip`);
    assert.strictEqual(Buffer.byteLength(s, enc), Buffer.from(s, enc).length);
  }
}
// Binary round trips through the text encodings.
const bin = Buffer.alloc(100000);
for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) & 255;
for (const enc of ['hex', 'base64', 'base64url', 'latin1']) {
  const str = bin.toString(enc);
  assert.ok(Buffer.from(str, enc).equals(bin), `${enc} round trip`);
}
assert.strictEqual(bin.toString('base64').length, Math.ceil(bin.length / 3) * 4);
assert.ok(!bin.toString('base64url').includes('='));
// base64 with whitespace and url characters mixed in decodes the same bytes.
const b64 = bin.subarray(0, 300).toString('base64');
const spaced = b64.replace(/(.{10})/g, '$1 \n');
assert.ok(Buffer.from(spaced, 'base64').equals(bin.subarray(0, 300)));
assert.ok(Buffer.from(b64.replace(/\+/g, '-').replace(/\//g, '_'), 'base64').equals(bin.subarray(0, 300)));

// Pool: small buffers share one ArrayBuffer of Buffer.poolSize bytes, 8-byte aligned.
const p1 = Buffer.allocUnsafe(10);
const p2 = Buffer.allocUnsafe(10);
assert.strictEqual(p1.buffer, p2.buffer);
assert.strictEqual(p1.buffer.byteLength, Buffer.poolSize);
assert.strictEqual(p2.byteOffset % 8, 0);
assert.notStrictEqual(Buffer.allocUnsafeSlow(10).buffer, p1.buffer);
assert.strictEqual(Buffer.allocUnsafe(Buffer.poolSize).buffer.byteLength, Buffer.poolSize);
assert.strictEqual(Buffer.from('small').buffer.byteLength, Buffer.poolSize);
assert.strictEqual(Buffer.alloc(10).buffer.byteLength, 10);

// Large searches go through memmem / memrchr.
const hay = Buffer.concat([Buffer.alloc(1 << 20, 'a'), Buffer.from('needle'), Buffer.alloc(100, 'b')]);
assert.strictEqual(hay.indexOf('needle'), 1 << 20);
assert.strictEqual(hay.lastIndexOf('a'), (1 << 20) - 1);
assert.strictEqual(hay.indexOf(0x62), (1 << 20) + 6);
assert.strictEqual(hay.indexOf('needle', (1 << 20) + 1), -1);
assert.strictEqual(hay.lastIndexOf(Buffer.from('ab')), -1);

// swap on large buffers uses the native path.
const sw = Buffer.alloc(1024);
for (let i = 0; i < sw.length; i++) sw[i] = i & 255;
const copy = Buffer.from(sw);
sw.swap16().swap16();
assert.ok(sw.equals(copy));
sw.swap32();
assert.deepStrictEqual([...sw.subarray(0, 4)], [3, 2, 1, 0]);
sw.swap32().swap64();
assert.deepStrictEqual([...sw.subarray(0, 8)], [7, 6, 5, 4, 3, 2, 1, 0]);

// fill with multi-byte patterns that do not divide the length.
assert.strictEqual(Buffer.alloc(7, 'abc').toString(), 'abcabca');
assert.strictEqual(Buffer.alloc(5, '€').toString('hex'), 'e282ace282');
const f = Buffer.from('0123456789');
f.fill(f.subarray(0, 3), 2);
assert.strictEqual(f.toString(), '0101010101'.slice(0, 2) + '012012012'.slice(0, 8));

// validators
assert.ok(isUtf8(Buffer.from('😀 ok')));
assert.ok(!isUtf8(Buffer.from([0xf0, 0x9f, 0x98])));
assert.ok(isAscii(Buffer.alloc(100, 'z')));
assert.ok(!isAscii(Buffer.from('z'.repeat(20) + 'é')));

// The native binding stays private to the library.
assert.strictEqual(typeof globalThis.internalBinding, 'undefined');

// Number read/write round trips.
const n = Buffer.alloc(8);
for (const v of [0, 1, -1, 2 ** 47 - 1, -(2 ** 47)]) {
  n.writeIntLE(v, 0, 6);
  assert.strictEqual(n.readIntLE(0, 6), v);
  n.writeIntBE(v, 1, 6);
  assert.strictEqual(n.readIntBE(1, 6), v);
}
for (const v of [0, 1.5, -1e300, Infinity, NaN]) {
  n.writeDoubleBE(v);
  assert.ok(Object.is(n.readDoubleBE(), v));
}
n.writeBigInt64LE(-123456789012345678n);
assert.strictEqual(n.readBigInt64LE(), -123456789012345678n);
console.log('ok');
