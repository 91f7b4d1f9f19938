'use strict';
// Signatures beyond the known answers of test_keys.js: Ed448 against `openssl`, RSA-PSS key
// restrictions, tampered signatures, the callback forms, spent Sign/Verify objects and the
// argument errors Node gives.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { throwsCode, expectCall } = require('./common');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const msg = Buffer.from('signed by openssl');

// Ed448 is deterministic: the signature equals `openssl pkeyutl -sign -rawin`'s.
{
  const ed = crypto.createPrivateKey(fixture('ed448.pem'));
  const sig = '9100cab4229bcdef287913fe484572d94a33ae9a58ae5d4112f322beb608ce8793e20a9c73896620ee95791d01e33b3271922d8faa0308d60069535c8bb5ad7999d961ee6b9cc969970f582c5413f8a79de3233f3bf10293db75a1da78aa31ff5f4fba82c371a704e83726053e2d2bcd1c00';
  assert.strictEqual(ed.asymmetricKeyType, 'ed448');
  assert.strictEqual(crypto.sign(null, msg, ed).toString('hex'), sig);
  const pub = crypto.createPublicKey(ed);
  assert.ok(crypto.verify(null, msg, pub, Buffer.from(sig, 'hex')));
  const tampered = Buffer.from(sig, 'hex');
  tampered[3] ^= 1;
  assert.strictEqual(crypto.verify(null, msg, pub, tampered), false);
  assert.strictEqual(crypto.verify(null, msg, pub, Buffer.alloc(3)), false);
  // EdDSA takes no digest: OpenSSL refuses one.
  throwsCode(() => crypto.sign('sha256', msg, ed), 'ERR_OSSL_INVALID_DIGEST');
}

// A tampered ECDSA signature verifies false, not an exception.
{
  const ec = crypto.createPrivateKey(fixture('ec_p384.pem'));
  const sig = crypto.sign('sha384', msg, ec);
  assert.ok(crypto.verify('sha384', msg, crypto.createPublicKey(ec), sig));
  sig[sig.length - 2] ^= 1;
  assert.strictEqual(crypto.verify('sha384', msg, crypto.createPublicKey(ec), sig), false);
}

// RSA-PSS keys carry their restrictions; the MGF1 digest defaults to the hash and the salt to
// the hash's size, as in Node.
{
  const details = (options) =>
    crypto.generateKeyPairSync('rsa-pss', { modulusLength: 1024, ...options }).publicKey.asymmetricKeyDetails;
  assert.deepStrictEqual(details({}), { modulusLength: 1024, publicExponent: 65537n });
  assert.deepStrictEqual(details({ hashAlgorithm: 'sha256' }), {
    modulusLength: 1024, publicExponent: 65537n, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256',
    saltLength: 32,
  });
  assert.deepStrictEqual(details({ mgf1HashAlgorithm: 'sha512' }), {
    modulusLength: 1024, publicExponent: 65537n, hashAlgorithm: 'sha1', mgf1HashAlgorithm: 'sha512',
    saltLength: 20,
  });
  assert.deepStrictEqual(details({ hashAlgorithm: 'sha512-256', saltLength: 8 }), {
    modulusLength: 1024, publicExponent: 65537n, hashAlgorithm: 'sha512-256',
    mgf1HashAlgorithm: 'sha512-256', saltLength: 8,
  });
  throwsCode(() => details({ hashAlgorithm: 'nope' }), 'ERR_CRYPTO_INVALID_DIGEST', TypeError, 'Invalid digest: nope');
  throwsCode(() => details({ mgf1HashAlgorithm: 'nope' }), 'ERR_CRYPTO_INVALID_DIGEST', TypeError,
             'Invalid MGF1 digest: nope');
  throwsCode(() => details({ hashAlgorithm: 5 }), 'ERR_INVALID_ARG_TYPE', TypeError);
  throwsCode(() => details({ saltLength: -1 }), 'ERR_OUT_OF_RANGE', RangeError);

  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa-pss', {
    modulusLength: 1024, hashAlgorithm: 'sha256', saltLength: 16,
  });
  // No algorithm: the key's own hash.
  const sig = crypto.sign(null, msg, privateKey);
  assert.ok(crypto.verify('sha256', msg, publicKey, sig));
  throwsCode(() => crypto.sign('sha512', msg, privateKey), 'ERR_OSSL_DIGEST_NOT_ALLOWED');
  throwsCode(() => crypto.sign('sha256', msg, { key: privateKey, saltLength: 8 }), 'ERR_OSSL_PSS_SALTLEN_TOO_SMALL');
  // The key exports as PKCS#8 but neither as PKCS#1 nor as a JWK.
  assert.match(privateKey.export({ type: 'pkcs8', format: 'pem' }), /^-----BEGIN PRIVATE KEY-----\n/);
  throwsCode(() => privateKey.export({ type: 'pkcs1', format: 'pem' }), 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', Error,
             'The selected key encoding pkcs1 can only be used for RSA keys.');
  throwsCode(() => privateKey.export({ format: 'jwk' }), 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE');
}

// Callback forms: the result arrives later; argument errors still throw at once.
{
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  let returned = false;
  crypto.sign(null, msg, privateKey, expectCall((err, sig) => {
    assert.ifError(err);
    assert.ok(returned);
    crypto.verify(null, msg, publicKey, sig, expectCall((err2, ok) => {
      assert.ifError(err2);
      assert.strictEqual(ok, true);
    }));
  }));
  returned = true;
  throwsCode(() => crypto.sign('sha256', msg, 'not a key', () => assert.fail('called')), 'ERR_OSSL_UNSUPPORTED');
  throwsCode(() => crypto.sign('nope', msg, privateKey, () => assert.fail('called')), 'ERR_CRYPTO_INVALID_DIGEST',
             TypeError, 'Invalid digest: nope');
  throwsCode(() => crypto.sign(null, msg, privateKey, 'cb'), 'ERR_INVALID_ARG_TYPE', TypeError);
}

// Argument errors.
{
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  throwsCode(() => crypto.sign('sha256', msg), 'ERR_CRYPTO_SIGN_KEY_REQUIRED', Error, 'No key provided to sign');
  throwsCode(() => crypto.sign('sha256', msg, publicKey), 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', TypeError,
             'Invalid key object type public, expected private.');
  throwsCode(() => crypto.verify('sha256', msg, publicKey, 'signature'), 'ERR_INVALID_ARG_TYPE', TypeError);
  throwsCode(() => crypto.verify('sha256', msg, { key: publicKey, dsaEncoding: 'x' }, Buffer.alloc(3)),
             'ERR_INVALID_ARG_VALUE', TypeError);
  // A private key verifies too (its public half is used).
  assert.ok(crypto.verify('sha256', msg, privateKey, crypto.sign('sha256', msg, privateKey)));
  throwsCode(() => crypto.sign(null, msg, crypto.generateKeyPairSync('x25519').privateKey),
             'ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE');
  throwsCode(() => crypto.createSign('nope'), 'ERR_CRYPTO_INVALID_DIGEST', TypeError, 'Invalid digest');
  throwsCode(() => crypto.createSign(5), 'ERR_INVALID_ARG_TYPE', TypeError);
  throwsCode(() => crypto.createSign('sha256').sign(), 'ERR_CRYPTO_SIGN_KEY_REQUIRED');
}

// Sign and Verify objects are spent once used; Verify takes an encoded signature string.
{
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const s = crypto.createSign('sha256');
  s.update('part one, ');
  s.end('part two');  // the Writable side feeds the same data
  const sig = s.sign(privateKey, 'base64');
  throwsCode(() => s.sign(privateKey), 'ERR_CRYPTO_INVALID_STATE', Error, 'Not initialised');
  throwsCode(() => s.update('more'), 'ERR_CRYPTO_INVALID_STATE', Error, 'Not initialised');
  const v = crypto.createVerify('sha256');
  v.update('part one, part two');
  assert.strictEqual(v.verify(publicKey, sig, 'base64'), true);
  throwsCode(() => v.verify(publicKey, sig, 'base64'), 'ERR_CRYPTO_INVALID_STATE', Error, 'Not initialised');
  const w = crypto.createVerify('sha256');
  w.update('part one, part three');
  assert.strictEqual(w.verify(publicKey, sig, 'base64'), false);
}

// RSA encryption errors.
{
  const rsa = crypto.createPrivateKey(fixture('rsa_1024.pem'));
  const pub = crypto.createPublicKey(rsa);
  throwsCode(() => crypto.publicEncrypt(pub, Buffer.alloc(200)), 'ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE');
  throwsCode(() => crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_NO_PADDING }, Buffer.alloc(12, 1)),
             'ERR_OSSL_RSA_DATA_TOO_SMALL_FOR_KEY_SIZE');
  assert.strictEqual(crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_NO_PADDING },
                                          Buffer.alloc(128, 1)).length, 128);
  throwsCode(() => crypto.privateDecrypt(rsa, Buffer.alloc(128, 1)), 'ERR_OSSL_RSA_OAEP_DECODING_ERROR');
  const ct = crypto.privateEncrypt(rsa, msg);
  ct[5] ^= 1;
  throwsCode(() => crypto.publicDecrypt(pub, ct), 'ERR_OSSL_RSA_INVALID_PADDING');
  throwsCode(() => crypto.publicEncrypt(crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, msg),
             'ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE');
  // A private key encrypts with its public half; a PEM string works wherever a key does.
  assert.strictEqual(crypto.privateDecrypt(fixture('rsa_1024.pem'),
                                           crypto.publicEncrypt(rsa, msg)).toString(), 'signed by openssl');
}
