'use strict';
// crypto.webcrypto / crypto.subtle: digest, HMAC, AES (GCM, CBC, CTR), PBKDF2, HKDF, ECDSA,
// Ed25519, RSA-PSS, RSASSA-PKCS1-v1_5, RSA-OAEP, ECDH and X25519, with import/export in raw,
// jwk, spki and pkcs8 — known answers where the algorithm is deterministic.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { hex } = require('./common');

const { subtle } = crypto.webcrypto;
assert.strictEqual(crypto.subtle, subtle);
const enc = (s) => new TextEncoder().encode(s);
const toHex = (ab) => Buffer.from(ab).toString('hex');

async function main() {
  assert.strictEqual(toHex(await subtle.digest('SHA-256', enc('abc'))),
                     'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.strictEqual(toHex(await subtle.digest({ name: 'sha-1' }, enc('abc'))), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  await assert.rejects(subtle.digest('MD5', enc('abc')), { name: 'NotSupportedError' });

  // HMAC: RFC 4231 test case 2; jwk round trip as jose does it.
  const hk = await subtle.importKey('raw', enc('Jefe'), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  assert.strictEqual(hk.type, 'secret');
  assert.deepStrictEqual(hk.algorithm, { name: 'HMAC', length: 32, hash: { name: 'SHA-256' } });
  const mac = await subtle.sign('HMAC', hk, enc('what do ya want for nothing?'));
  assert.strictEqual(toHex(mac), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  assert.strictEqual(await subtle.verify('HMAC', hk, mac, enc('what do ya want for nothing?')), true);
  assert.strictEqual(await subtle.verify('HMAC', hk, mac, enc('other')), false);
  const jwk = await subtle.exportKey('jwk', hk);
  assert.strictEqual(jwk.alg, 'HS256');
  assert.strictEqual(jwk.k, 'SmVmZQ');
  const hk2 = await subtle.importKey('jwk', jwk, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  assert.strictEqual(toHex(await subtle.sign('HMAC', hk2, enc('what do ya want for nothing?'))), toHex(mac));
  await assert.rejects(subtle.exportKey('raw', hk2), { name: 'InvalidAccessException' });  // Node 20's name
  await assert.rejects(subtle.verify('HMAC', hk2, mac, enc('x')), { name: 'InvalidAccessError' });

  // AES-GCM: ciphertext || tag, as createCipheriv gives it (GCM test case 3).
  {
    const key = await subtle.importKey('raw', hex('feffe9928665731c6d6a8f9467308308'), 'AES-GCM', true, ['encrypt', 'decrypt']);
    const pt = hex('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
                   '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255');
    const ct = await subtle.encrypt({ name: 'AES-GCM', iv: hex('cafebabefacedbaddecaf888') }, key, pt);
    assert.strictEqual(toHex(ct).slice(-32), '4d5c2af327cd64a62cf35abd2ba6fab4');
    const back = await subtle.decrypt({ name: 'AES-GCM', iv: hex('cafebabefacedbaddecaf888') }, key, ct);
    assert.ok(Buffer.from(back).equals(pt));
    const tampered = new Uint8Array(ct);
    tampered[0] ^= 1;
    await assert.rejects(subtle.decrypt({ name: 'AES-GCM', iv: hex('cafebabefacedbaddecaf888') }, key, tampered),
                         { name: 'OperationError' });
  }
  // AES-CBC (SP 800-38A F.2.1 first block, plus the PKCS#7 padding block) and AES-CTR.
  {
    const key = await subtle.importKey('raw', hex('2b7e151628aed2a6abf7158809cf4f3c'), 'AES-CBC', false, ['encrypt', 'decrypt']);
    const ct = await subtle.encrypt({ name: 'AES-CBC', iv: hex('000102030405060708090a0b0c0d0e0f') }, key,
                                    hex('6bc1bee22e409f96e93d7e117393172a'));
    assert.strictEqual(toHex(ct).slice(0, 32), '7649abac8119b246cee98e9b12e9197d');
    const ctr = await subtle.importKey('raw', hex('2b7e151628aed2a6abf7158809cf4f3c'), 'AES-CTR', false, ['encrypt']);
    const out = await subtle.encrypt({ name: 'AES-CTR', counter: hex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), length: 64 }, ctr,
                                     hex('6bc1bee22e409f96e93d7e117393172a'));
    assert.strictEqual(toHex(out), '874d6191b620e3261bef6864990db6ce');
    const gen = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    assert.strictEqual((await subtle.exportKey('raw', gen)).byteLength, 32);
  }

  // AES-KW: RFC 3394 section 4.1, through wrapKey/unwrapKey; a JWK wrapped with AES-GCM.
  {
    const kek = await subtle.importKey('raw', hex('000102030405060708090a0b0c0d0e0f'), 'AES-KW', false,
                                       ['wrapKey', 'unwrapKey']);
    const inner = await subtle.importKey('raw', hex('00112233445566778899aabbccddeeff'), 'AES-GCM', true, ['encrypt']);
    const wrapped = await subtle.wrapKey('raw', inner, kek, 'AES-KW');
    assert.strictEqual(toHex(wrapped), '1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5');
    const back = await subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-GCM', true, ['encrypt']);
    assert.strictEqual(toHex(await subtle.exportKey('raw', back)), '00112233445566778899aabbccddeeff');
    const gcm = await subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, ['wrapKey', 'unwrapKey']);
    const iv = hex('000102030405060708090a0b');
    const jwkWrapped = await subtle.wrapKey('jwk', inner, gcm, { name: 'AES-GCM', iv });
    const again = await subtle.unwrapKey('jwk', jwkWrapped, gcm, { name: 'AES-GCM', iv }, 'AES-GCM', true, ['encrypt']);
    assert.strictEqual(toHex(await subtle.exportKey('raw', again)), '00112233445566778899aabbccddeeff');
    await assert.rejects(subtle.unwrapKey('raw', new Uint8Array(24), kek, 'AES-KW', 'AES-GCM', true, ['encrypt']),
                         { name: 'OperationError' });
  }

  // PBKDF2 (RFC 6070) and HKDF (RFC 5869 case 1), and deriveKey into an AES key.
  {
    const base = await subtle.importKey('raw', enc('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
    const bits = await subtle.deriveBits({ name: 'PBKDF2', salt: enc('salt'), iterations: 2, hash: 'SHA-1' }, base, 160);
    assert.strictEqual(toHex(bits), 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957');
    const aes = await subtle.deriveKey({ name: 'PBKDF2', salt: enc('salt'), iterations: 1, hash: 'SHA-256' }, base,
                                       { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    assert.strictEqual(toHex(await subtle.exportKey('raw', aes)),
                       '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b');
    const ikm = await subtle.importKey('raw', hex('0b'.repeat(22)), 'HKDF', false, ['deriveBits']);
    const okm = await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: hex('000102030405060708090a0b0c'),
                                          info: hex('f0f1f2f3f4f5f6f7f8f9') }, ikm, 336);
    assert.strictEqual(toHex(okm), '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  }

  // ECDSA P-256: sign/verify, and the key through jwk, spki, pkcs8 and raw.
  {
    const { publicKey, privateKey } = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    assert.deepStrictEqual(publicKey.algorithm, { name: 'ECDSA', namedCurve: 'P-256' });
    assert.deepStrictEqual(publicKey.usages, ['verify']);
    assert.deepStrictEqual(privateKey.usages, ['sign']);
    const sig = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, enc('data'));
    assert.strictEqual(sig.byteLength, 64);
    assert.ok(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, sig, enc('data')));
    for (const format of ['jwk', 'spki', 'raw']) {
      const exported = await subtle.exportKey(format, publicKey);
      const again = await subtle.importKey(format, exported, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
      assert.ok(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, again, sig, enc('data')), format);
    }
    const pkcs8 = await subtle.exportKey('pkcs8', privateKey);
    const priv2 = await subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const sig2 = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, priv2, enc('data'));
    assert.ok(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, sig2, enc('data')));
    // Its signatures verify with the classic API in IEEE P1363 form.
    const spki = Buffer.from(await subtle.exportKey('spki', publicKey));
    assert.ok(crypto.verify('sha256', enc('data'), { key: spki, format: 'der', type: 'spki', dsaEncoding: 'ieee-p1363' },
                            Buffer.from(sig)));
  }

  // Ed25519 with the fixture key: the same signature as `openssl pkeyutl -sign`.
  {
    const pem = fs.readFileSync(path.join(__dirname, 'fixtures', 'ed25519.pem'), 'utf8');
    const der = crypto.createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
    const key = await subtle.importKey('pkcs8', der, 'Ed25519', false, ['sign']);
    const sig = await subtle.sign('Ed25519', key, enc('signed by openssl'));
    assert.strictEqual(toHex(sig), crypto.sign(null, Buffer.from('signed by openssl'), pem).toString('hex'));
    const pub = await subtle.importKey('raw', Buffer.from(crypto.createPublicKey(pem).export({ format: 'jwk' }).x, 'base64url'),
                                       'Ed25519', true, ['verify']);
    assert.ok(await subtle.verify('Ed25519', pub, sig, enc('signed by openssl')));
    assert.strictEqual((await subtle.exportKey('jwk', pub)).crv, 'Ed25519');
  }

  // RSA: PSS and PKCS#1 v1.5 signatures, OAEP encryption.
  {
    const params = { modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
    const pss = await subtle.generateKey({ name: 'RSA-PSS', ...params }, true, ['sign', 'verify']);
    assert.strictEqual(pss.publicKey.algorithm.modulusLength, 1024);
    assert.deepStrictEqual([...pss.publicKey.algorithm.publicExponent], [1, 0, 1]);
    const sig = await subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, pss.privateKey, enc('m'));
    assert.ok(await subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, pss.publicKey, sig, enc('m')));
    assert.strictEqual((await subtle.exportKey('jwk', pss.privateKey)).alg, 'PS256');
    const v15 = await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', ...params }, true, ['sign', 'verify']);
    const s15 = await subtle.sign('RSASSA-PKCS1-v1_5', v15.privateKey, enc('m'));
    // Deterministic: the classic API gives the same bytes.
    const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', v15.privateKey));
    assert.strictEqual(toHex(s15), crypto.sign('sha256', enc('m'), { key: pkcs8, format: 'der', type: 'pkcs8' }).toString('hex'));
    const oaep = await subtle.generateKey({ name: 'RSA-OAEP', ...params }, false, ['encrypt', 'decrypt']);
    const ct = await subtle.encrypt({ name: 'RSA-OAEP', label: enc('L') }, oaep.publicKey, enc('secret'));
    assert.strictEqual(Buffer.from(await subtle.decrypt({ name: 'RSA-OAEP', label: enc('L') }, oaep.privateKey, ct)).toString(),
                       'secret');
    await assert.rejects(subtle.decrypt({ name: 'RSA-OAEP' }, oaep.privateKey, ct), { name: 'OperationError' });
  }

  // Key agreement: ECDH P-384 and X25519, both sides equal.
  for (const alg of [{ name: 'ECDH', namedCurve: 'P-384' }, { name: 'X25519' }]) {
    const a = await subtle.generateKey(alg, false, ['deriveBits']);
    const b = await subtle.generateKey(alg, false, ['deriveBits']);
    const ab = await subtle.deriveBits({ name: alg.name, public: b.publicKey }, a.privateKey, 256);
    const ba = await subtle.deriveBits({ name: alg.name, public: a.publicKey }, b.privateKey, 256);
    assert.strictEqual(toHex(ab), toHex(ba));
    assert.strictEqual(ab.byteLength, 32);
  }

  // The Web Crypto globals, as in Node 20 (only `crypto` enumerable).
  assert.strictEqual(globalThis.crypto, crypto.webcrypto);
  assert.strictEqual(globalThis.crypto.subtle, crypto.subtle);
  assert.strictEqual(Object.getOwnPropertyDescriptor(globalThis, 'crypto').enumerable, true);
  assert.strictEqual(globalThis.SubtleCrypto, crypto.subtle.constructor);
  assert.strictEqual(globalThis.Crypto, crypto.webcrypto.constructor);
  for (const name of ['Crypto', 'CryptoKey', 'SubtleCrypto']) {
    assert.strictEqual(Object.getOwnPropertyDescriptor(globalThis, name).enumerable, false, name);
  }
  const CryptoKey = globalThis.CryptoKey;
  assert.ok(hk instanceof CryptoKey);
  assert.strictEqual(Object.prototype.toString.call(hk), '[object CryptoKey]');
  assert.ok(crypto.KeyObject.from(hk) instanceof crypto.KeyObject);

  // Inspected as Node shows a CryptoKey; a generated pair is a null-prototype object.
  const util = require('util');
  const pair = await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
  assert.strictEqual(Object.getPrototypeOf(pair), null);
  assert.deepStrictEqual(Object.keys(pair), ['privateKey', 'publicKey']);
  assert.strictEqual(util.inspect(pair.publicKey, { breakLength: Infinity }),
                     "CryptoKey { type: 'public', extractable: true, algorithm: { name: 'Ed25519' }, usages: [ 'verify' ] }");
  assert.strictEqual(util.inspect([[pair.privateKey]], { depth: 1 }), '[ [ CryptoKey {} ] ]');
}

main().then(() => {}, (err) => {
  console.error(err);
  process.exit(1);
});
