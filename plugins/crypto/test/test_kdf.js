'use strict';
// PBKDF2 (RFC 6070), scrypt (RFC 7914) and HKDF (RFC 5869), sync and on the thread pool, and
// the `openssl kdf` outputs for the same inputs.
const assert = require('assert');
const crypto = require('crypto');
const { throwsCode, hex, expectCall } = require('./common');

// RFC 6070 (PBKDF2-HMAC-SHA1).
assert.strictEqual(crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1').toString('hex'),
                   '0c60c80f961f0e71f3a9b524af6012062fe037a6');
assert.strictEqual(crypto.pbkdf2Sync('password', 'salt', 2, 20, 'sha1').toString('hex'),
                   'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957');
assert.strictEqual(crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1').toString('hex'),
                   '4b007901b765489abead49d926f721d065a429c1');
assert.strictEqual(crypto.pbkdf2Sync(Buffer.from('pass\0word'), Buffer.from('sa\0lt'), 4096, 16, 'sha1').toString('hex'),
                   '56fa6aa75548099dcc37d7f03425e0c3');
// openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt pass:password -kdfopt salt:NaCl -kdfopt iter:1000 PBKDF2
assert.strictEqual(crypto.pbkdf2Sync('password', 'NaCl', 1000, 32, 'sha256').toString('hex'),
                   '67dbcc78548a75328f6890125bec2c59876e8de2e4c92c99b201872a760e2aec');
assert.strictEqual(crypto.pbkdf2Sync('p', 's', 1, 0, 'sha256').length, 0);
crypto.pbkdf2('password', 'salt', 2, 20, 'sha1', expectCall((err, key) => {
  assert.ifError(err);
  assert.strictEqual(key.toString('hex'), 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957');
}));
throwsCode(() => crypto.pbkdf2Sync('a', 'b', 1, 10, 'nope'), 'ERR_CRYPTO_INVALID_DIGEST', TypeError, 'Invalid digest: nope');
throwsCode(() => crypto.pbkdf2Sync('a', 'b', 0, 10, 'sha1'), 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(() => crypto.pbkdf2Sync('a', 'b', 1, -1, 'sha1'), 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(() => crypto.pbkdf2Sync(1, 'b', 1, 1, 'sha1'), 'ERR_INVALID_ARG_TYPE', TypeError);
throwsCode(() => crypto.pbkdf2('a', 'b', 1, 1, 'sha1'), 'ERR_INVALID_ARG_TYPE', TypeError);

// RFC 7914 section 12.
assert.strictEqual(crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }).toString('hex'),
                   '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442' +
                   'fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906');
crypto.scrypt('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }, expectCall((err, key) => {
  assert.ifError(err);
  assert.strictEqual(key.toString('hex'),
                     'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
                     '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640');
}));
assert.strictEqual(crypto.scryptSync('password', 'salt', 16).toString('hex'), '745731af4484f323968969eda289aeee');
assert.strictEqual(crypto.scryptSync('password', 'salt', 16, { cost: 1024, blockSize: 8, parallelization: 1 }).toString('hex'),
                   crypto.scryptSync('password', 'salt', 16, { N: 1024, r: 8, p: 1 }).toString('hex'));
throwsCode(() => crypto.scryptSync('a', 'b', 16, { N: 3 }), 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', RangeError);
throwsCode(() => crypto.scryptSync('a', 'b', 16, { N: 2 ** 20, maxmem: 1024 }), 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
           RangeError, 'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded');
throwsCode(() => crypto.scryptSync('a', 'b', 16, { N: 16, cost: 16 }), 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER');

// RFC 5869 test case 1; the result is an ArrayBuffer.
{
  const okm = crypto.hkdfSync('sha256', hex('0b'.repeat(22)), hex('000102030405060708090a0b0c'),
                              hex('f0f1f2f3f4f5f6f7f8f9'), 42);
  assert.ok(okm instanceof ArrayBuffer);
  assert.strictEqual(Buffer.from(okm).toString('hex'),
                     '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
}
// RFC 5869 test case 3 (empty salt and info).
assert.strictEqual(Buffer.from(crypto.hkdfSync('sha256', hex('0b'.repeat(22)), '', '', 42)).toString('hex'),
                   '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8');
// openssl kdf -keylen 16 -kdfopt digest:SHA256 -kdfopt key:secret -kdfopt salt:salt -kdfopt info:label HKDF
crypto.hkdf('sha256', 'secret', 'salt', 'label', 16, expectCall((err, key) => {
  assert.ifError(err);
  assert.strictEqual(Buffer.from(key).toString('hex'), '2ac4369f525996f8de13731f56224f34');
}));
throwsCode(() => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1), 'ERR_CRYPTO_INVALID_KEYLEN', RangeError);
throwsCode(() => crypto.hkdfSync('sha256', 'k', 's', Buffer.alloc(1025), 16), 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(() => crypto.hkdfSync('nope', 'k', 's', 'i', 16), 'ERR_CRYPTO_INVALID_DIGEST', TypeError);
