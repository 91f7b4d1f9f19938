'use strict';
// Hashes and HMAC: NIST/RFC known answers, streaming and copy(), stream use, Node's errors.
const assert = require('assert');
const crypto = require('crypto');
const { throwsCode, hex, expectCall } = require('./common');

const sha = (alg, data, opts) => crypto.createHash(alg, opts).update(data).digest('hex');

// FIPS 180-4 / 202 examples.
assert.strictEqual(sha('sha256', 'abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
assert.strictEqual(sha('sha256', ''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
assert.strictEqual(sha('sha256', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
                   '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
assert.strictEqual(sha('sha1', 'abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(sha('sha512', 'abc'),
                   'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
                   '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f');
assert.strictEqual(sha('sha3-256', ''), 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
assert.strictEqual(sha('sha3-256', 'abc'), '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532');
assert.strictEqual(sha('shake128', '', { outputLength: 32 }),
                   '7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26');
assert.strictEqual(sha('shake256', '', { outputLength: 64 }),
                   '46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f' +
                   'd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be');
assert.strictEqual(sha('shake256', 'abc', { outputLength: 0 }), '');
// A fixed-size digest takes no other length: OpenSSL's error, as in Node.
assert.throws(() => crypto.createHash('sha256', { outputLength: 5 }), {
  code: 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH',
  message: 'error:030000B2:digital envelope routines::not XOF or invalid length',
});
assert.strictEqual(sha('sha256', 'abc', { outputLength: 32 }).length, 64);
assert.strictEqual(sha('md5', ''), 'd41d8cd98f00b204e9800998ecf8427e');
assert.strictEqual(sha('md5', 'abc'), '900150983cd24fb0d6963f7d28e17f72');
// Node 20 outputs.
assert.strictEqual(sha('sha512-256', 'abc'), '53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23');
assert.strictEqual(sha('ripemd160', 'abc'), '8eb208f7e05d987a9b044a8e98c6b087f15a0bfc');
assert.strictEqual(sha('blake2s256', 'abc'), '508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982');
assert.strictEqual(sha('RSA-SHA256', 'abc'), sha('sha256', 'abc'));
assert.strictEqual(sha('SHA256', 'abc'), sha('sha256', 'abc'));
// `openssl dgst` on the same text.
const fox = 'The quick brown fox';
assert.strictEqual(sha('sha3-256', fox), '6a982a1fd2b2b33bf284768bd0e3df2a67ee3d412ae6f3df8248b268755751d4');
assert.strictEqual(sha('blake2b512', fox),
                   'a02afd04de7a76736a88773b8427aee00483d28ddb6dabb8697cf93e9b0f8b60' +
                   '251a68e39b3c1b18cd1a8320b701c36dc39831ddb5e85d60b393bb8f36d6c2b6');

// A million 'a' in uneven pieces, also through copy().
{
  const h = crypto.createHash('sha256');
  const chunk = Buffer.alloc(999, 'a');
  let left = 1000000;
  while (left > 0) {
    const n = Math.min(left, chunk.length);
    h.update(chunk.subarray(0, n));
    left -= n;
  }
  const copy = h.copy();
  assert.strictEqual(h.digest('hex'), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  copy.update('b');
  assert.notStrictEqual(copy.digest('hex'), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
}

// Inputs: encodings, typed arrays, DataView; outputs: encodings and Buffer.
assert.strictEqual(sha('sha1', Buffer.from('abc')), sha('sha1', 'abc'));
assert.strictEqual(sha('sha1', new Uint16Array(new Uint8Array([0x61, 0x62, 0x63, 0x64]).buffer)), sha('sha1', 'abcd'));
assert.strictEqual(crypto.createHash('sha1').update('616263', 'hex').digest('hex'), sha('sha1', 'abc'));
assert.strictEqual(crypto.createHash('sha1').update('YWJj', 'base64').digest('base64'), 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=');
assert.ok(Buffer.isBuffer(crypto.createHash('sha1').update('x').digest()));
assert.strictEqual(crypto.createHash('sha1').update('x').digest('buffer').length, 20);
assert.strictEqual(crypto.createHash('sha256').update('é').digest('hex'), sha('sha256', Buffer.from('é', 'utf8')));
assert.strictEqual(crypto.createHash('sha256').update('é', 'latin1').digest('hex'), sha('sha256', Buffer.from([0xe9])));

// crypto.hash one-shot.
assert.strictEqual(crypto.hash('sha256', 'abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
assert.strictEqual(crypto.hash('sha1', Buffer.from('abc'), 'base64'), 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=');
assert.ok(Buffer.isBuffer(crypto.hash('md5', 'abc', 'buffer')));

// getHashes lists what createHash accepts.
const hashes = crypto.getHashes();
for (const name of ['sha1', 'sha256', 'sha512', 'sha3-256', 'md5', 'shake256', 'RSA-SHA256', 'blake2b512']) {
  assert.ok(hashes.includes(name), name);
}
for (const name of hashes) crypto.createHash(name).update('x').digest();

// HMAC: RFC 4231 test cases 1, 2 and 6, and `openssl dgst -hmac`.
const hmac = (alg, key, data) => crypto.createHmac(alg, key).update(data).digest('hex');
assert.strictEqual(hmac('sha256', Buffer.alloc(20, 0x0b), 'Hi There'),
                   'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
assert.strictEqual(hmac('sha512', Buffer.alloc(20, 0x0b), 'Hi There'),
                   '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde' +
                   'daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854');
assert.strictEqual(hmac('sha256', 'Jefe', 'what do ya want for nothing?'),
                   '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
assert.strictEqual(hmac('sha256', Buffer.alloc(131, 0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First'),
                   '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
assert.strictEqual(hmac('sha512', 'secret', fox),
                   '7d665e6239c574929a745a3724f08d687c3163420096de827da59826773f8cfb' +
                   'de583899808f36ca521053532019e4f2d6eca5019ab059ac47cf6a0b0c68b53f');
assert.strictEqual(hmac('sha256', '', ''), 'b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad');
assert.strictEqual(hmac('sha256', crypto.createSecretKey(Buffer.from('Jefe')), 'what do ya want for nothing?'),
                   '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
{
  const h = crypto.createHmac('sha1', 'k');
  h.digest();
  assert.strictEqual(h.digest('hex'), '');
  throwsCode(() => h.update('x'), 'ERR_CRYPTO_HASH_FINALIZED');
}

// Errors as Node reports them.
assert.throws(() => crypto.createHash('nope'), { name: 'Error', message: 'Digest method not supported' });
throwsCode(() => crypto.createHmac('nope', 'k'), 'ERR_CRYPTO_INVALID_DIGEST', TypeError, 'Invalid digest: nope');
throwsCode(() => crypto.createHash('sha256').update(42), 'ERR_INVALID_ARG_TYPE', TypeError);
throwsCode(() => crypto.createHash(42), 'ERR_INVALID_ARG_TYPE', TypeError);
{
  const h = crypto.createHash('sha256');
  h.digest();
  throwsCode(() => h.digest(), 'ERR_CRYPTO_HASH_FINALIZED', Error, 'Digest already called');
  throwsCode(() => h.update('x'), 'ERR_CRYPTO_HASH_FINALIZED');
  throwsCode(() => h.copy(), 'ERR_CRYPTO_HASH_FINALIZED');
}

// Hash and Hmac are streams.
{
  const h = crypto.createHash('sha256');
  h.on('readable', expectCall(() => {
    const d = h.read();
    if (d) assert.strictEqual(d.toString('hex'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  }));
  h.write('a');
  h.end('bc');
}
{
  const { Readable } = require('stream');
  const h = crypto.createHmac('sha256', 'Jefe');
  const parts = [];
  Readable.from([Buffer.from('what do ya '), Buffer.from('want for nothing?')]).pipe(h)
    .on('data', (d) => parts.push(d))
    .on('end', expectCall(() => {
      assert.strictEqual(Buffer.concat(parts).toString('hex'),
                         '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    }));
}
