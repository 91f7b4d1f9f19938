'use strict';
// generatePrime(Sync), checkPrime(Sync) and generateKey(Sync) for secret keys.
const assert = require('assert');
const crypto = require('crypto');
const { expectCall } = require('./common');

assert.strictEqual(crypto.checkPrimeSync(7n), true);
assert.strictEqual(crypto.checkPrimeSync(8n), false);
assert.strictEqual(crypto.checkPrimeSync(Buffer.from([0x0d])), true);
// 2^61 - 1 is a Mersenne prime; 2^61 + 1 is divisible by 3.
assert.strictEqual(crypto.checkPrimeSync(2n ** 61n - 1n), true);
assert.strictEqual(crypto.checkPrimeSync(2n ** 61n + 1n), false);
const p = crypto.generatePrimeSync(64, { bigint: true });
assert.strictEqual(typeof p, 'bigint');
assert.strictEqual(p.toString(2).length, 64);
assert.ok(crypto.checkPrimeSync(p));
const ab = crypto.generatePrimeSync(32);
assert.ok(ab instanceof ArrayBuffer);
assert.strictEqual(ab.byteLength, 4);
crypto.generatePrime(48, { safe: true, bigint: true }, expectCall((err, prime) => {
  assert.strictEqual(err, undefined);
  assert.ok(crypto.checkPrimeSync((prime - 1n) / 2n), 'a safe prime is 2q + 1 with q prime');
}));
crypto.checkPrime(2n ** 127n - 1n, expectCall((err, result) => {
  assert.strictEqual(err, undefined);
  assert.strictEqual(result, true);
}));
assert.throws(() => crypto.checkPrimeSync('7'), { code: 'ERR_INVALID_ARG_TYPE' });

const hmacKey = crypto.generateKeySync('hmac', { length: 64 });
assert.strictEqual(hmacKey.type, 'secret');
assert.strictEqual(hmacKey.symmetricKeySize, 8);
crypto.generateKey('aes', { length: 256 }, expectCall((err, key) => {
  assert.ifError(err);
  assert.strictEqual(key.symmetricKeySize, 32);
}));
assert.throws(() => crypto.generateKeySync('aes', { length: 100 }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => crypto.generateKeySync('hmac', { length: 4 }), { code: 'ERR_OUT_OF_RANGE' });
