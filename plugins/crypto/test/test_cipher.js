'use strict';
// Ciphers: NIST SP 800-38A (CBC, CTR), GCM (McGrew-Viega), RFC 8439 ChaCha20-Poly1305, CCM and
// OCB against Node 20, `openssl enc` outputs, streaming, and Node's errors for bad keys, IVs
// and tags.
const assert = require('assert');
const crypto = require('crypto');
const { throwsCode, hex, expectCall } = require('./common');

function enc(alg, key, iv, data, opts, aad) {
  const c = crypto.createCipheriv(alg, key, iv, opts);
  if (aad) c.setAAD(aad, { plaintextLength: data.length });
  const out = Buffer.concat([c.update(data), c.final()]);
  return { out, tag: opts && opts.noTag ? undefined : (c.getAuthTag ? safeTag(c) : undefined) };
}
function safeTag(c) {
  try {
    return c.getAuthTag();
  } catch {
    return undefined;
  }
}
function dec(alg, key, iv, data, opts, tag, aad) {
  const d = crypto.createDecipheriv(alg, key, iv, opts);
  if (tag) d.setAuthTag(tag);
  if (aad) d.setAAD(aad, { plaintextLength: data.length });
  return Buffer.concat([d.update(data), d.final()]);
}

// SP 800-38A F.2.1 / F.2.2 (CBC-AES128), no padding.
const k128 = hex('2b7e151628aed2a6abf7158809cf4f3c');
const blocks = hex('6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51' +
                   '30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710');
{
  const iv = hex('000102030405060708090a0b0c0d0e0f');
  const c = crypto.createCipheriv('aes-128-cbc', k128, iv).setAutoPadding(false);
  const ct = Buffer.concat([c.update(blocks), c.final()]);
  assert.strictEqual(ct.toString('hex'),
                     '7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2' +
                     '73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7');
  const d = crypto.createDecipheriv('aes-128-cbc', k128, iv).setAutoPadding(false);
  assert.ok(Buffer.concat([d.update(ct), d.final()]).equals(blocks));
}
// SP 800-38A F.5.1 (CTR-AES128), fed in odd pieces.
{
  const c = crypto.createCipheriv('aes-128-ctr', k128, hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'));
  const parts = [c.update(blocks.subarray(0, 5)), c.update(blocks.subarray(5, 37)), c.update(blocks.subarray(37)), c.final()];
  assert.strictEqual(Buffer.concat(parts).toString('hex'),
                     '874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff' +
                     '5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee');
}
// `openssl enc -aes-256-cbc -K 0001..1f -iv 0f0e..00` and `-aes-128-ctr` of the same text.
{
  const fox = 'The quick brown fox';
  const key = hex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
  const iv = hex('0f0e0d0c0b0a09080706050403020100');
  const c = crypto.createCipheriv('aes-256-cbc', key, iv);
  assert.strictEqual(c.update(fox, 'utf8', 'hex') + c.final('hex'),
                     '925c81ee81fae7d66040fade89896324d5e56344eb8bc837ba31a773eeb145d4');
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  assert.strictEqual(d.update('925c81ee81fae7d66040fade89896324d5e56344eb8bc837ba31a773eeb145d4', 'hex', 'utf8') +
                     d.final('utf8'), fox);
  const ctr = crypto.createCipheriv('aes-128-ctr', k128, hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'));
  assert.strictEqual(Buffer.concat([ctr.update(fox), ctr.final()]).toString('hex'),
                     'b8e4ba53e91515d399f2740785e9cfc4504404');
}

// GCM test cases 3 and 4 (McGrew & Viega).
{
  const key = hex('feffe9928665731c6d6a8f9467308308');
  const iv = hex('cafebabefacedbaddecaf888');
  const pt = hex('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
                 '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255');
  const r3 = enc('aes-128-gcm', key, iv, pt);
  assert.strictEqual(r3.out.toString('hex'),
                     '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e' +
                     '21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985');
  assert.strictEqual(r3.tag.toString('hex'), '4d5c2af327cd64a62cf35abd2ba6fab4');
  const aad = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
  const c = crypto.createCipheriv('aes-128-gcm', key, iv);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(pt.subarray(0, 60)), c.final()]);
  assert.strictEqual(c.getAuthTag().toString('hex'), '5bc94fbc3221a5db94fae95ae7121a47');
  const d = crypto.createDecipheriv('aes-128-gcm', key, iv);
  d.setAAD(aad);
  d.setAuthTag(hex('5bc94fbc3221a5db94fae95ae7121a47'));
  assert.ok(Buffer.concat([d.update(ct), d.final()]).equals(pt.subarray(0, 60)));
  // Tampered tag, tampered data, missing tag: Node's authentication error.
  for (const [data, tag] of [[ct, hex('5bc94fbc3221a5db94fae95ae7121a48')],
                             [Buffer.concat([Buffer.from([ct[0] ^ 1]), ct.subarray(1)]), c.getAuthTag()]]) {
    const bad = crypto.createDecipheriv('aes-128-gcm', key, iv);
    bad.setAAD(aad);
    bad.setAuthTag(tag);
    bad.update(data);
    assert.throws(() => bad.final(), { message: 'Unsupported state or unable to authenticate data' });
  }
  const noTag = crypto.createDecipheriv('aes-128-gcm', key, iv);
  noTag.update(ct);
  assert.throws(() => noTag.final(), { message: 'Unsupported state or unable to authenticate data' });
  // Short tags must be asked for.
  const short = enc('aes-128-gcm', key, iv, pt, { authTagLength: 8 });
  assert.strictEqual(short.tag.length, 8);
  assert.ok(dec('aes-128-gcm', key, iv, short.out, { authTagLength: 8 }, short.tag).equals(pt));
}

// RFC 8439 section 2.8.2.
{
  const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
  const nonce = hex('070000004041424344454647');
  const aad = hex('50515253c0c1c2c3c4c5c6c7');
  const pt = Buffer.from("Ladies and Gentlemen of the class of '99: If I could offer you only one tip " +
                         'for the future, sunscreen would be it.');
  const c = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(pt), c.final()]);
  assert.strictEqual(ct.toString('hex'),
                     'd31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6' +
                     '3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36' +
                     '92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc' +
                     '3ff4def08e4b7a9de576d26586cec64b6116');
  assert.strictEqual(c.getAuthTag().toString('hex'), '1ae10b594f09e26a7e902ecbd0600691');
  const d = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  d.setAAD(aad);
  d.setAuthTag(c.getAuthTag());
  assert.ok(Buffer.concat([d.update(ct), d.final()]).equals(pt));
}

// CCM, OCB and GCM with AAD against Node 20's output.
{
  const n = Buffer.alloc(12, 9);
  const cases = [
    ['aes-128-ccm', Buffer.alloc(16, 7), 'e12b179687', '01b9a25a9f4b2ce098f2e4e57b8cb466'],
    ['aes-128-ocb', Buffer.alloc(16, 7), '18df345159', '331d130beb7b36d38ec196678adf1d0c'],
    ['aes-256-gcm', Buffer.alloc(32, 7), '4fe0e8f8d1', 'b6ddc569bc306547243bb48999851a90'],
  ];
  for (const [alg, key, ctHex, tagHex] of cases) {
    const opts = { authTagLength: 16 };
    const r = enc(alg, key, n, Buffer.from('hello'), opts, Buffer.from('hdr'));
    assert.strictEqual(r.out.toString('hex'), ctHex, alg);
    assert.strictEqual(r.tag.toString('hex'), tagHex, alg);
    assert.strictEqual(dec(alg, key, n, hex(ctHex), opts, hex(tagHex), Buffer.from('hdr')).toString(), 'hello');
    const tampered = hex(tagHex);
    tampered[0] ^= 1;
    assert.throws(() => dec(alg, key, n, hex(ctHex), opts, tampered, Buffer.from('hdr')),
                  { message: 'Unsupported state or unable to authenticate data' }, alg);
  }
}

// Cipher objects are streams.
{
  const key = Buffer.alloc(32, 3);
  const iv = Buffer.alloc(16, 4);
  const c = crypto.createCipheriv('aes-256-cbc', key, iv);
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  const out = [];
  c.pipe(d).on('data', (x) => out.push(x)).on('end', expectCall(() => {
    assert.strictEqual(Buffer.concat(out).toString(), 'stream me through two ciphers');
  }));
  c.write('stream me ');
  c.end('through two ciphers');
}

// A large input in one call.
{
  const key = Buffer.alloc(32, 5);
  const iv = Buffer.alloc(12, 6);
  const big = crypto.randomBytes(3 * 1024 * 1024 + 5);
  const r = enc('aes-256-gcm', key, iv, big);
  assert.ok(dec('aes-256-gcm', key, iv, r.out, undefined, r.tag).equals(big));
}

// Node's errors.
const key16 = Buffer.alloc(16);
throwsCode(() => crypto.createCipheriv('aes-256-cbc', Buffer.alloc(10), Buffer.alloc(16)),
           'ERR_CRYPTO_INVALID_KEYLEN', RangeError, 'Invalid key length');
throwsCode(() => crypto.createCipheriv('aes-256-cbc', Buffer.alloc(32), Buffer.alloc(10)),
           'ERR_CRYPTO_INVALID_IV', TypeError, 'Invalid initialization vector');
throwsCode(() => crypto.createCipheriv('aes-128-ecb', key16, Buffer.alloc(16)), 'ERR_CRYPTO_INVALID_IV');
crypto.createCipheriv('aes-128-ecb', key16, null);
throwsCode(() => crypto.createCipheriv('aes-256-foo', Buffer.alloc(32), Buffer.alloc(16)),
           'ERR_CRYPTO_UNKNOWN_CIPHER', Error, 'Unknown cipher');
throwsCode(() => crypto.createCipheriv('aes-128-cbc', key16), 'ERR_INVALID_ARG_TYPE', TypeError);
throwsCode(() => crypto.createCipheriv('aes-128-gcm', key16, Buffer.alloc(12), { authTagLength: 3 }),
           'ERR_CRYPTO_INVALID_AUTH_TAG', TypeError, 'Invalid authentication tag length: 3');
throwsCode(() => crypto.createCipheriv('aes-128-ccm', key16, Buffer.alloc(12)),
           'ERR_CRYPTO_INVALID_AUTH_TAG', TypeError, 'authTagLength required for aes-128-ccm');
throwsCode(() => crypto.createCipheriv('aes-128-gcm', key16, Buffer.alloc(12)).getAuthTag(),
           'ERR_CRYPTO_INVALID_STATE', Error, 'Invalid state for operation getAuthTag');
throwsCode(() => crypto.createDecipheriv('aes-128-gcm', key16, Buffer.alloc(12)).setAuthTag(Buffer.alloc(3)),
           'ERR_CRYPTO_INVALID_AUTH_TAG', TypeError, 'Invalid authentication tag length: 3');
{
  const d = crypto.createDecipheriv('aes-256-cbc', Buffer.alloc(32), Buffer.alloc(16));
  d.update(Buffer.alloc(16));
  assert.throws(() => d.final(), (e) => e.code === 'ERR_OSSL_BAD_DECRYPT' &&
                e.message === 'error:1C800064:Provider routines::bad decrypt' && e.reason === 'bad decrypt');
  const d2 = crypto.createDecipheriv('aes-256-cbc', Buffer.alloc(32), Buffer.alloc(16));
  d2.update(Buffer.alloc(15));
  throwsCode(() => d2.final(), 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH');
  const c = crypto.createCipheriv('aes-128-gcm', key16, Buffer.alloc(12));
  c.final();
  assert.throws(() => c.update('a'), { message: 'Trying to add data in unsupported state' });
  throwsCode(() => c.final(), 'ERR_CRYPTO_INVALID_STATE');
}

const ciphers = crypto.getCiphers();
for (const name of ['aes-128-cbc', 'aes-256-gcm', 'aes-128-ccm', 'aes-128-ocb', 'chacha20-poly1305', 'aes-128-ctr']) {
  assert.ok(ciphers.includes(name), name);
}
assert.deepStrictEqual(crypto.getCipherInfo('aes-256-gcm'),
                       { mode: 'gcm', name: 'id-aes256-gcm', nid: 901, blockSize: 1, ivLength: 12, keyLength: 32 });
// By NID too; a NID that is no cipher, or a string of digits, is unknown.
assert.deepStrictEqual(crypto.getCipherInfo(901), crypto.getCipherInfo('aes-256-gcm'));
assert.strictEqual(crypto.getCipherInfo(672), undefined);
assert.strictEqual(crypto.getCipherInfo('901'), undefined);
throwsCode(() => crypto.getCipherInfo(1.5), 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(() => crypto.getCipherInfo({}), 'ERR_INVALID_ARG_TYPE', TypeError);
// CCM needs the plaintext length before any AAD, on both sides.
for (const create of [crypto.createCipheriv, crypto.createDecipheriv]) {
  const ccm = create('aes-128-ccm', key16, Buffer.alloc(12), { authTagLength: 16 });
  throwsCode(() => ccm.setAAD(Buffer.from('aad')), 'ERR_MISSING_ARGS', TypeError,
             'options.plaintextLength required for CCM mode with AAD');
  assert.strictEqual(ccm.setAAD(Buffer.from('aad'), { plaintextLength: 3 }), ccm);
}
