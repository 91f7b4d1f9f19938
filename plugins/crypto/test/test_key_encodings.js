'use strict';
// KeyObject encodings for every key type: PEM, DER and JWK export and import back, encrypted
// private keys (PKCS#8, and PKCS#1/SEC1 with the traditional PEM header), the encodings
// generateKeyPair applies, and Node's errors for encodings a key cannot take.
const assert = require('assert');
const crypto = require('crypto');
const { throwsCode, expectCall } = require('./common');

const types = [
  ['rsa', { modulusLength: 1024 }, ['pkcs1', 'spki'], ['pkcs1', 'pkcs8']],
  ['rsa-pss', { modulusLength: 1024 }, ['spki'], ['pkcs8']],
  ['ec', { namedCurve: 'P-256' }, ['spki'], ['pkcs8', 'sec1']],
  ['ed25519', {}, ['spki'], ['pkcs8']],
  ['ed448', {}, ['spki'], ['pkcs8']],
  ['x25519', {}, ['spki'], ['pkcs8']],
  ['x448', {}, ['spki'], ['pkcs8']],
];
const kPem = { pkcs1: 'RSA ', sec1: 'EC ', spki: '', pkcs8: '' };

for (const [type, options, publicTypes, privateTypes] of types) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
  for (const t of publicTypes) {
    const pem = publicKey.export({ type: t, format: 'pem' });
    assert.match(pem, new RegExp(`^-----BEGIN ${kPem[t]}PUBLIC KEY-----\n`), `${type} ${t}`);
    assert.ok(crypto.createPublicKey(pem).equals(publicKey), `${type} ${t} pem`);
    const der = publicKey.export({ type: t, format: 'der' });
    assert.ok(crypto.createPublicKey({ key: der, format: 'der', type: t }).equals(publicKey), `${type} ${t} der`);
  }
  for (const t of privateTypes) {
    const pem = privateKey.export({ type: t, format: 'pem' });
    assert.match(pem, new RegExp(`^-----BEGIN ${kPem[t]}PRIVATE KEY-----\n`), `${type} ${t}`);
    assert.ok(crypto.createPrivateKey(pem).equals(privateKey), `${type} ${t} pem`);
    const der = privateKey.export({ type: t, format: 'der' });
    assert.ok(crypto.createPrivateKey({ key: der, format: 'der', type: t }).equals(privateKey), `${type} ${t} der`);
    // The public half of a private key's encoding.
    assert.ok(crypto.createPublicKey({ key: der, format: 'der', type: t }).equals(publicKey), `${type} ${t} half`);
  }
  // Encodings that do not fit this key type.
  if (type !== 'rsa') {
    throwsCode(() => privateKey.export({ type: 'pkcs1', format: 'pem' }), 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
               Error, 'The selected key encoding pkcs1 can only be used for RSA keys.');
    throwsCode(() => publicKey.export({ type: 'pkcs1', format: 'der' }), 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS');
  }
  if (type !== 'ec') {
    throwsCode(() => privateKey.export({ type: 'sec1', format: 'pem' }), 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
               Error, 'The selected key encoding sec1 can only be used for EC keys.');
  }
  throwsCode(() => publicKey.export({ type: 'pkcs8', format: 'pem' }), 'ERR_INVALID_ARG_VALUE', TypeError,
             "The property 'options.type' is invalid. Received 'pkcs8'");
  throwsCode(() => privateKey.export({ type: 'spki', format: 'pem' }), 'ERR_INVALID_ARG_VALUE', TypeError);
  throwsCode(() => privateKey.export({ format: 'pem' }), 'ERR_INVALID_ARG_VALUE', TypeError);
  throwsCode(() => privateKey.export({ type: 'pkcs8', format: 'xml' }), 'ERR_INVALID_ARG_VALUE', TypeError,
             "The property 'options.format' is invalid. Received 'xml'");
  throwsCode(() => privateKey.export(), 'ERR_INVALID_ARG_TYPE', TypeError);
}

// JWK: Node's member order, and import of each back (a private JWK gives the public key too).
{
  const okp = crypto.generateKeyPairSync('x448');
  assert.deepStrictEqual(Object.keys(okp.privateKey.export({ format: 'jwk' })), ['crv', 'd', 'x', 'kty']);
  assert.deepStrictEqual(Object.keys(okp.publicKey.export({ format: 'jwk' })), ['crv', 'x', 'kty']);
  for (const type of ['ed25519', 'ed448', 'x25519', 'x448']) {
    const { publicKey, privateKey } = crypto.generateKeyPairSync(type);
    const jwk = privateKey.export({ format: 'jwk' });
    assert.ok(crypto.createPrivateKey({ key: jwk, format: 'jwk' }).equals(privateKey), type);
    assert.ok(crypto.createPublicKey({ key: jwk, format: 'jwk' }).equals(publicKey), type);
  }
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const ecJwk = ec.privateKey.export({ format: 'jwk' });
  assert.strictEqual(ecJwk.crv, 'secp256k1');
  assert.ok(crypto.createPublicKey({ key: ecJwk, format: 'jwk' }).equals(ec.publicKey));
  throwsCode(() => crypto.generateKeyPairSync('ec', { namedCurve: 'secp224r1' }).publicKey.export({ format: 'jwk' }),
             'ERR_CRYPTO_JWK_UNSUPPORTED_CURVE', Error, 'Unsupported JWK EC curve: secp224r1.');

  // Import errors, in the order Node checks.
  const pubJwk = ec.publicKey.export({ format: 'jwk' });
  const jwkKey = (key) => ({ key, format: 'jwk' });
  throwsCode(() => crypto.createPrivateKey(jwkKey(pubJwk)), 'ERR_INVALID_ARG_TYPE', TypeError,
             'The "key.d" property must be of type string. Received undefined');
  throwsCode(() => crypto.createPublicKey(jwkKey({ kty: 'nope' })), 'ERR_INVALID_ARG_VALUE', TypeError,
             "The property 'key.kty' must be one of: 'RSA', 'EC', 'OKP'. Received 'nope'");
  throwsCode(() => crypto.createPublicKey(jwkKey({ kty: 'EC', crv: 'P-1', x: 'AA', y: 'AA' })),
             'ERR_INVALID_ARG_VALUE', TypeError,
             "The property 'key.crv' must be one of: 'P-256', 'secp256k1', 'P-384', 'P-521'. Received 'P-1'");
  throwsCode(() => crypto.createPublicKey(jwkKey({ kty: 'OKP', crv: 'Ed1', x: 'AA' })), 'ERR_INVALID_ARG_VALUE',
             TypeError, "The property 'key.crv' must be one of: 'Ed25519', 'Ed448', 'X25519', 'X448'. Received 'Ed1'");
  throwsCode(() => crypto.createPublicKey(jwkKey({ kty: 'EC', crv: 'P-256', y: pubJwk.y })), 'ERR_INVALID_ARG_TYPE',
             TypeError, 'The "key.x" property must be of type string. Received undefined');
  throwsCode(() => crypto.createPublicKey(jwkKey({ kty: 'RSA', e: 'AQAB' })), 'ERR_INVALID_ARG_TYPE', TypeError,
             'The "key.n" property must be of type string. Received undefined');
  throwsCode(() => crypto.createPrivateKey(jwkKey({ kty: 'RSA', n: 'AQAB' })), 'ERR_INVALID_ARG_TYPE', TypeError,
             'The "key.e" property must be of type string. Received undefined');
  throwsCode(() => crypto.createPublicKey(jwkKey({ ...pubJwk, y: pubJwk.x })), 'ERR_CRYPTO_INVALID_JWK', TypeError,
             'Invalid JWK EC key');
  throwsCode(() => crypto.createPublicKey(jwkKey({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' })), 'ERR_CRYPTO_INVALID_JWK',
             TypeError, 'Invalid JWK data');
  throwsCode(() => crypto.createPublicKey(jwkKey('x')), 'ERR_INVALID_ARG_TYPE', TypeError);
}

// Encrypted private keys.
{
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: Buffer.from('pw') });
  assert.ok(crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8', passphrase: 'pw' }).equals(privateKey));
  const sec1 = privateKey.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' });
  assert.match(sec1, /^-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,/);
  assert.ok(crypto.createPrivateKey({ key: sec1, passphrase: 'pw' }).equals(privateKey));
  throwsCode(() => privateKey.export({ type: 'sec1', format: 'der', cipher: 'aes-128-cbc', passphrase: 'pw' }),
             'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', Error, 'The selected key encoding sec1 does not support encryption.');
  throwsCode(() => privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc' }), 'ERR_INVALID_ARG_VALUE',
             TypeError, "The property 'options.passphrase' is invalid. Received undefined");
  throwsCode(() => privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'nope', passphrase: 'pw' }),
             'ERR_CRYPTO_UNKNOWN_CIPHER', Error, 'Unknown cipher');
  throwsCode(() => privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 5, passphrase: 'pw' }),
             'ERR_INVALID_ARG_VALUE', TypeError);
  // Public keys ignore a cipher.
  assert.match(crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem', cipher: 'aes-128-cbc' }),
               /^-----BEGIN PUBLIC KEY-----\n/);
}

// generateKeyPair applies the encodings, and checks them (with their names) before any work.
{
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { format: 'jwk' },
  });
  assert.ok(Buffer.isBuffer(publicKey));
  assert.deepStrictEqual(Object.keys(privateKey), ['crv', 'd', 'x', 'kty']);
  assert.ok(crypto.createPublicKey({ key: privateKey, format: 'jwk' })
    .equals(crypto.createPublicKey({ key: publicKey, format: 'der', type: 'spki' })));
  const gen = (options) => crypto.generateKeyPairSync('ed25519', options);
  throwsCode(() => gen({ publicKeyEncoding: { type: 'nope', format: 'pem' } }), 'ERR_INVALID_ARG_VALUE', TypeError,
             "The property 'options.publicKeyEncoding.type' is invalid. Received 'nope'");
  throwsCode(() => gen({ privateKeyEncoding: { type: 'pkcs8', format: 'nope' } }), 'ERR_INVALID_ARG_VALUE', TypeError,
             "The property 'options.privateKeyEncoding.format' is invalid. Received 'nope'");
  throwsCode(() => gen({ privateKeyEncoding: 'x' }), 'ERR_INVALID_ARG_VALUE', TypeError,
             "The property 'options.privateKeyEncoding' is invalid. Received 'x'");
  throwsCode(() => gen({ privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc' } }),
             'ERR_INVALID_ARG_VALUE', TypeError,
             "The property 'options.privateKeyEncoding.passphrase' is invalid. Received undefined");
  throwsCode(() => gen({ privateKeyEncoding: { type: 'sec1', format: 'pem' } }), 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
             Error, 'The selected key encoding sec1 can only be used for EC keys.');
  // The async form throws too, and never calls back.
  throwsCode(() => crypto.generateKeyPair('ed25519', { publicKeyEncoding: { type: 'pkcs1', format: 'pem' } },
                                          () => assert.fail('called')), 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS');
  crypto.generateKeyPair('rsa', {
    modulusLength: 1024,
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' },
  }, expectCall((err, pub, priv) => {
    assert.ifError(err);
    assert.match(pub, /^-----BEGIN RSA PUBLIC KEY-----\n/);
    assert.match(priv, /^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n/);
    assert.ok(crypto.createPublicKey(crypto.createPrivateKey({ key: priv, passphrase: 'pw' }))
      .equals(crypto.createPublicKey(pub)));
  }));
}

// Secret keys: bytes or JWK only; comparisons.
{
  const k = crypto.createSecretKey(Buffer.from('abcd'));
  assert.strictEqual(k.export().toString(), 'abcd');
  assert.strictEqual(k.export({ format: 'buffer' }).toString(), 'abcd');
  throwsCode(() => k.export({ format: 'pem' }), 'ERR_INVALID_ARG_VALUE', TypeError,
             "The property 'options.format' must be one of: undefined, 'buffer', 'jwk'. Received 'pem'");
  assert.strictEqual(k.equals(crypto.createSecretKey(Buffer.from('abce'))), false);
  assert.strictEqual(k.equals(crypto.createSecretKey(Buffer.from('abcd'))), true);
  throwsCode(() => k.equals('abcd'), 'ERR_INVALID_ARG_TYPE', TypeError);
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  assert.strictEqual(privateKey.equals(publicKey), false);
  assert.strictEqual(privateKey.symmetricKeySize, undefined);
  assert.deepStrictEqual(privateKey.asymmetricKeyDetails, {});
}

// Bad key material: OpenSSL's errors with Node's codes.
throwsCode(() => crypto.createPrivateKey('garbage'), 'ERR_OSSL_UNSUPPORTED', Error,
           'error:1E08010C:DECODER routines::unsupported');
throwsCode(() => crypto.createPrivateKey({ key: Buffer.from('garbage'), format: 'der' }), 'ERR_INVALID_ARG_VALUE',
           TypeError, "The property 'options.type' is invalid. Received undefined");
// Malformed bodies fail in the ASN.1 parser that their label or type names, as in Node.
const notDer = Buffer.from('3003020101', 'hex');
throwsCode(() => crypto.createPublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'),
           'ERR_OSSL_ASN1_WRONG_TAG', Error, 'error:068000A8:asn1 encoding routines::wrong tag');
throwsCode(() => crypto.createPublicKey('-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----\n'),
           'ERR_OSSL_ASN1_WRONG_TAG');
throwsCode(() => crypto.createPublicKey({ key: notDer, format: 'der', type: 'spki' }), 'ERR_OSSL_ASN1_WRONG_TAG');
throwsCode(() => crypto.createPrivateKey({ key: notDer, format: 'der', type: 'pkcs8' }), 'ERR_OSSL_ASN1_FIELD_MISSING',
           Error, 'error:06800079:asn1 encoding routines::field missing');
throwsCode(() => crypto.createPrivateKey({ key: notDer, format: 'der', type: 'sec1' }), 'ERR_OSSL_UNSUPPORTED');
throwsCode(() => crypto.createPublicKey('garbage'), 'ERR_OSSL_UNSUPPORTED');
