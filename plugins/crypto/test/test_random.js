'use strict';
// randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues and timingSafeEqual.
const assert = require('assert');
const crypto = require('crypto');
const { throwsCode, expectCall } = require('./common');

assert.strictEqual(crypto.randomBytes(0).length, 0);
const a = crypto.randomBytes(64);
const b = crypto.randomBytes(64);
assert.strictEqual(a.length, 64);
assert.ok(!a.equals(b));
crypto.randomBytes(1 << 20, expectCall((err, buf) => {
  assert.ifError(err);
  assert.strictEqual(buf.length, 1 << 20);
  // A megabyte of zeros from a CSPRNG would be a bug.
  assert.ok(buf.some((x) => x !== 0));
}));
throwsCode(() => crypto.randomBytes(-1), 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(() => crypto.randomBytes('1'), 'ERR_INVALID_ARG_TYPE', TypeError);

{
  const buf = Buffer.alloc(32);
  crypto.randomFillSync(buf, 8, 8);
  assert.ok(buf.subarray(0, 8).every((x) => x === 0));
  assert.ok(buf.subarray(16).every((x) => x === 0));
  const u32 = new Uint32Array(8);
  crypto.randomFillSync(u32, 2, 2);
  assert.strictEqual(u32[0] | u32[1] | u32[4] | u32[5] | u32[6] | u32[7], 0);
  throwsCode(() => crypto.randomFillSync(buf, 40), 'ERR_OUT_OF_RANGE', RangeError);
  throwsCode(() => crypto.randomFillSync(buf, 0, 33), 'ERR_OUT_OF_RANGE', RangeError);
  throwsCode(() => crypto.randomFillSync('x'), 'ERR_INVALID_ARG_TYPE', TypeError);
  const ab = new ArrayBuffer(16);
  assert.strictEqual(crypto.randomFillSync(ab), ab);
}
{
  const buf = Buffer.alloc(16);
  crypto.randomFill(buf, expectCall((err, out) => {
    assert.ifError(err);
    assert.strictEqual(out, buf);
  }));
  crypto.randomFill(Buffer.alloc(16), 4, expectCall((err, out) => {
    assert.ok(out.subarray(0, 4).every((x) => x === 0));
  }));
}

for (let i = 0; i < 1000; i++) {
  const n = crypto.randomInt(3, 7);
  assert.ok(Number.isInteger(n) && n >= 3 && n < 7);
}
assert.strictEqual(crypto.randomInt(1), 0);
crypto.randomInt(10, expectCall((err, n) => {
  assert.ifError(err);
  assert.ok(n >= 0 && n < 10);
}));
throwsCode(() => crypto.randomInt(10, 5), 'ERR_OUT_OF_RANGE', RangeError,
           'The value of "max" is out of range. It must be greater than the value of "min" (10). Received 5');
throwsCode(() => crypto.randomInt(0, 2 ** 48 + 1), 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(() => crypto.randomInt(1.5), 'ERR_INVALID_ARG_TYPE', TypeError);

const uuids = new Set();
for (let i = 0; i < 300; i++) {
  const u = crypto.randomUUID();
  assert.match(u, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  uuids.add(u);
}
assert.strictEqual(uuids.size, 300);
assert.match(crypto.randomUUID({ disableEntropyCache: true }), /^[0-9a-f-]{36}$/);

{
  const arr = new Uint8Array(16);
  assert.strictEqual(crypto.getRandomValues(arr), arr);
  crypto.getRandomValues(new BigInt64Array(4));
  assert.throws(() => crypto.getRandomValues(new Float32Array(4)), { name: 'TypeMismatchError' });
  assert.throws(() => crypto.getRandomValues(new Uint8Array(65537)),
                { name: 'QuotaExceededError', message: 'The requested length exceeds 65,536 bytes' });
  assert.strictEqual(typeof crypto.webcrypto.getRandomValues(new Uint16Array(2))[0], 'number');
  assert.match(crypto.webcrypto.randomUUID(), /^[0-9a-f-]{36}$/);
}

assert.strictEqual(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), true);
assert.strictEqual(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')), false);
assert.strictEqual(crypto.timingSafeEqual(new Uint8Array([1, 2]), new Uint16Array([0x0201]).buffer), true);
throwsCode(() => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)), 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', RangeError);
throwsCode(() => crypto.timingSafeEqual('a', 'a'), 'ERR_INVALID_ARG_TYPE', TypeError);
