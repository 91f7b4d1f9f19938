'use strict';
// Key agreement: crypto.diffieHellman on KeyObjects (X448 and P-384 secrets equal to
// `openssl pkeyutl -derive`), the ECDH class on raw keys (the same P-384 secret from the bare
// scalar and point, convertKey, setPublicKey) and Node's errors for each misuse.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { throwsCode } = require('./common');

const fixture = (name) => crypto.createPrivateKey(fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8'));
const x448Secret = '2b0452a9489d911bb48028e8f242d7b17b5465db5aaa0249657b425fd3c2c87813fd16c10f06195d11ceee520b8b9738bb7186603bbe5dca';
const p384Secret = '510bce98c7b24afcc7694046c8a176ab3aa49faefcb93e6493426501869ced1594968f2e3715c2fd5de77868ac492b58';

// One-shot agreement, both directions.
{
  const a = fixture('x448_a.pem');
  const b = fixture('x448_b.pem');
  assert.strictEqual(crypto.diffieHellman({ privateKey: a, publicKey: crypto.createPublicKey(b) }).toString('hex'), x448Secret);
  assert.strictEqual(crypto.diffieHellman({ privateKey: b, publicKey: crypto.createPublicKey(a) }).toString('hex'), x448Secret);
  const c = fixture('ec_p384.pem');
  const d = fixture('ec_p384_b.pem');
  assert.strictEqual(crypto.diffieHellman({ privateKey: c, publicKey: crypto.createPublicKey(d) }).toString('hex'), p384Secret);
  // A private key stands for its public half.
  assert.strictEqual(crypto.diffieHellman({ privateKey: d, publicKey: c }).toString('hex'), p384Secret);
}

// diffieHellman's errors.
{
  const ec = fixture('ec_p384.pem');
  const p256 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  throwsCode(() => crypto.diffieHellman({ privateKey: ec, publicKey: p256.publicKey }),
             'ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS');
  throwsCode(() => crypto.diffieHellman({ privateKey: rsa.privateKey, publicKey: rsa.publicKey }),
             'ERR_CRYPTO_INCOMPATIBLE_KEY', Error, 'Incompatible key types for Diffie-Hellman: rsa and rsa');
  throwsCode(() => crypto.diffieHellman({ privateKey: p256.publicKey, publicKey: p256.publicKey }),
             'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', TypeError, 'Invalid key object type public, expected private.');
  throwsCode(() => crypto.diffieHellman({ privateKey: ec, publicKey: crypto.createSecretKey(Buffer.alloc(4)) }),
             'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', TypeError,
             'Invalid key object type secret, expected private or public.');
  throwsCode(() => crypto.diffieHellman({ privateKey: ec }), 'ERR_INVALID_ARG_VALUE', TypeError,
             "The property 'options.publicKey' is invalid. Received undefined");
  throwsCode(() => crypto.diffieHellman({ privateKey: 'pem?', publicKey: ec }), 'ERR_INVALID_ARG_VALUE', TypeError);
  throwsCode(() => crypto.diffieHellman(null), 'ERR_INVALID_ARG_TYPE', TypeError);
}

// The ECDH class on the same P-384 keys, from the raw scalar and point (JWK members).
{
  const a = fixture('ec_p384.pem').export({ format: 'jwk' });
  const bPub = crypto.createPublicKey(fixture('ec_p384_b.pem')).export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(bPub.x, 'base64url'), Buffer.from(bPub.y, 'base64url')]);
  const ecdh = crypto.createECDH('secp384r1');
  ecdh.setPrivateKey(a.d, 'base64url');
  assert.strictEqual(ecdh.computeSecret(point, null, 'hex'), p384Secret);
  // The public key was computed from the scalar.
  const own = ecdh.getPublicKey();
  assert.strictEqual(own.length, 97);
  assert.strictEqual(own.subarray(1, 49).toString('base64url'), a.x);
  assert.strictEqual(ecdh.getPrivateKey('base64url'), a.d);
  // The peer's point compressed decodes to the same point and the same secret.
  const compressed = crypto.ECDH.convertKey(point, 'secp384r1', null, null, 'compressed');
  assert.strictEqual(compressed.length, 49);
  assert.ok([2, 3].includes(compressed[0]));
  assert.strictEqual(ecdh.computeSecret(compressed).toString('hex'), p384Secret);
  assert.ok(crypto.ECDH.convertKey(compressed.toString('hex'), 'secp384r1', 'hex').equals(point));
  assert.strictEqual(crypto.ECDH.convertKey(point, 'secp384r1', undefined, 'hex', 'hybrid').slice(0, 2),
                     compressed[0] === 2 ? '06' : '07');
  assert.strictEqual(ecdh.getPublicKey(null, 'compressed').length, 49);
  // setPublicKey (deprecated in Node, still there) replaces the pair with a bare point.
  const pubOnly = crypto.createECDH('secp384r1');
  pubOnly.setPublicKey(point);
  assert.ok(pubOnly.getPublicKey().equals(point));
  throwsCode(() => pubOnly.getPrivateKey(), 'ERR_CRYPTO_OPERATION_FAILED', Error, 'Failed to get ECDH private key');
  throwsCode(() => pubOnly.computeSecret(own), 'ERR_CRYPTO_OPERATION_FAILED', Error, 'Failed to compute ECDH key');
}

// ECDH's errors.
{
  const fresh = crypto.createECDH('prime256v1');
  throwsCode(() => fresh.getPublicKey(), 'ERR_CRYPTO_OPERATION_FAILED', Error, 'Failed to get ECDH public key');
  throwsCode(() => fresh.getPrivateKey(), 'ERR_CRYPTO_OPERATION_FAILED', Error, 'Failed to get ECDH private key');
  throwsCode(() => fresh.computeSecret(Buffer.alloc(65, 4)), 'ERR_CRYPTO_INVALID_KEYPAIR', RangeError);
  // Scalars outside [1, order): zero and all ones.
  throwsCode(() => fresh.setPrivateKey(Buffer.alloc(32)), 'ERR_CRYPTO_INVALID_KEYTYPE', RangeError,
             'Private key is not valid for specified curve.');
  throwsCode(() => fresh.setPrivateKey(Buffer.alloc(32, 0xff)), 'ERR_CRYPTO_INVALID_KEYTYPE', RangeError);
  throwsCode(() => fresh.setPrivateKey(5), 'ERR_INVALID_ARG_TYPE', TypeError);
  throwsCode(() => fresh.setPublicKey(Buffer.from('0400', 'hex')), 'ERR_CRYPTO_OPERATION_FAILED', Error,
             'Failed to convert Buffer to EC_POINT');
  fresh.generateKeys();
  throwsCode(() => fresh.getPublicKey('hex', 'weird'), 'ERR_CRYPTO_ECDH_INVALID_FORMAT', TypeError,
             'Invalid ECDH format: weird');
  // A point of another curve is no public key here.
  const other = crypto.createECDH('secp384r1');
  throwsCode(() => fresh.computeSecret(other.generateKeys()), 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', Error,
             'Public key is not valid for specified curve');
  throwsCode(() => crypto.ECDH.convertKey('0011', 'prime256v1', 'hex'), 'ERR_CRYPTO_OPERATION_FAILED', Error,
             'Failed to convert Buffer to EC_POINT');
  throwsCode(() => crypto.ECDH.convertKey(fresh.getPublicKey(), 'nope'), 'ERR_CRYPTO_INVALID_CURVE', TypeError);
  throwsCode(() => crypto.ECDH.convertKey(5, 'prime256v1'), 'ERR_INVALID_ARG_TYPE', TypeError);
  throwsCode(() => crypto.createECDH(5), 'ERR_INVALID_ARG_TYPE', TypeError);
}
