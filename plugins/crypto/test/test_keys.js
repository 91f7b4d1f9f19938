'use strict';
// Asymmetric keys: PEM/DER/JWK import and export, key generation for every type, signatures
// checked against `openssl` (RSA PKCS#1 v1.5 and Ed25519 are deterministic), RSA encryption,
// ECDSA encodings, X25519 and ECDH agreement. Fixtures are in fixtures/.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { throwsCode, expectCall } = require('./common');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const msg = Buffer.from('signed by openssl');

// RSA.
const rsaPem = fixture('rsa_1024.pem');
const rsa = crypto.createPrivateKey(rsaPem);
const rsaPub = crypto.createPublicKey(rsaPem);
assert.strictEqual(rsa.type, 'private');
assert.strictEqual(rsaPub.type, 'public');
assert.strictEqual(rsa.asymmetricKeyType, 'rsa');
assert.deepStrictEqual(rsa.asymmetricKeyDetails, { modulusLength: 1024, publicExponent: 65537n });
assert.strictEqual(crypto.sign('sha256', msg, rsa).toString('hex'), '12bc2a3d30c213ec9b9a612f2791672f1aaac4df2b7f06e2f57367dc325859530c507b392059a46cbd114b12bc6dd639e02d10e649fa5a67fb066abcf5aae3d9b4c06a3f0d6c662e46dda07ce76536e52b52cb73a711b89223997612b381e1f375981620b9c7de5dee57f496d69ec666b81c383ebe0d9eb096b52a55a4fc25f0');
assert.ok(crypto.verify('sha256', msg, rsaPub, Buffer.from('12bc2a3d30c213ec9b9a612f2791672f1aaac4df2b7f06e2f57367dc325859530c507b392059a46cbd114b12bc6dd639e02d10e649fa5a67fb066abcf5aae3d9b4c06a3f0d6c662e46dda07ce76536e52b52cb73a711b89223997612b381e1f375981620b9c7de5dee57f496d69ec666b81c383ebe0d9eb096b52a55a4fc25f0', 'hex')));
assert.ok(!crypto.verify('sha256', Buffer.from('other'), rsaPub, Buffer.from('12bc2a3d30c213ec9b9a612f2791672f1aaac4df2b7f06e2f57367dc325859530c507b392059a46cbd114b12bc6dd639e02d10e649fa5a67fb066abcf5aae3d9b4c06a3f0d6c662e46dda07ce76536e52b52cb73a711b89223997612b381e1f375981620b9c7de5dee57f496d69ec666b81c383ebe0d9eb096b52a55a4fc25f0', 'hex')));
{
  const s = crypto.createSign('RSA-SHA256');
  s.update('signed by ');
  s.write('openssl');
  assert.strictEqual(s.sign(rsaPem, 'hex'), '12bc2a3d30c213ec9b9a612f2791672f1aaac4df2b7f06e2f57367dc325859530c507b392059a46cbd114b12bc6dd639e02d10e649fa5a67fb066abcf5aae3d9b4c06a3f0d6c662e46dda07ce76536e52b52cb73a711b89223997612b381e1f375981620b9c7de5dee57f496d69ec666b81c383ebe0d9eb096b52a55a4fc25f0');
  const v = crypto.createVerify('sha256');
  v.update(msg);
  assert.ok(v.verify(rsaPub, '12bc2a3d30c213ec9b9a612f2791672f1aaac4df2b7f06e2f57367dc325859530c507b392059a46cbd114b12bc6dd639e02d10e649fa5a67fb066abcf5aae3d9b4c06a3f0d6c662e46dda07ce76536e52b52cb73a711b89223997612b381e1f375981620b9c7de5dee57f496d69ec666b81c383ebe0d9eb096b52a55a4fc25f0', 'hex'));
}
// `openssl pkeyutl -encrypt -pkeyopt rsa_padding_mode:oaep` (SHA-1 OAEP, Node's default).
assert.strictEqual(crypto.privateDecrypt(rsa, Buffer.from('786e0ae41c7c2fad1d5d5f547864aed621fa35655f2c1f2c82a662a5e2a11a1d41fe0e0fd1f072775ea1f1f6e882adfffcd0693f5bc0ab3ecc5b8842f945555fe24e15ce6792a3dc32bdaf3d823f228e709f6482e8670d7a5ee2b6fb4a47e23bcee430ff0b0a413353cf63737b6874e8e180dafcf76e852d1bd2b43a8aab7ed0', 'hex')).toString(), 'signed by openssl');
{
  const ct = crypto.publicEncrypt({ key: rsaPub, oaepHash: 'sha256', oaepLabel: Buffer.from('L') }, msg);
  assert.ok(crypto.privateDecrypt({ key: rsa, oaepHash: 'sha256', oaepLabel: Buffer.from('L') }, ct).equals(msg));
  assert.throws(() => crypto.privateDecrypt({ key: rsa, oaepHash: 'sha256' }, ct), { code: 'ERR_OSSL_RSA_OAEP_DECODING_ERROR' });
  const pk = crypto.publicEncrypt({ key: rsaPem, padding: crypto.constants.RSA_PKCS1_PADDING }, msg);
  // Node 20 refuses PKCS#1 v1.5 decryption (CVE-2023-46809).
  assert.throws(() => crypto.privateDecrypt({ key: rsa, padding: crypto.constants.RSA_PKCS1_PADDING }, pk),
                { code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError' });
  assert.ok(crypto.publicDecrypt(rsaPub, crypto.privateEncrypt(rsa, msg)).equals(msg));
}
{
  const pss = { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 20 };
  const sig = crypto.sign('sha256', msg, { key: rsa, ...pss });
  assert.ok(crypto.verify('sha256', msg, { key: rsaPub, ...pss }, sig));
  assert.ok(!crypto.verify('sha256', msg, rsaPub, sig));
}
// Export forms, and import of each back.
{
  const spki = rsaPub.export({ type: 'spki', format: 'pem' });
  assert.match(spki, /^-----BEGIN PUBLIC KEY-----\n/);
  assert.match(rsaPub.export({ type: 'pkcs1', format: 'pem' }), /^-----BEGIN RSA PUBLIC KEY-----\n/);
  assert.match(rsa.export({ type: 'pkcs1', format: 'pem' }), /^-----BEGIN RSA PRIVATE KEY-----\n/);
  assert.match(rsa.export({ type: 'pkcs8', format: 'pem' }), /^-----BEGIN PRIVATE KEY-----\n/);
  const der = rsa.export({ type: 'pkcs8', format: 'der' });
  assert.ok(Buffer.isBuffer(der));
  assert.ok(crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).equals(rsa));
  const spkiDer = rsaPub.export({ type: 'spki', format: 'der' });
  assert.ok(crypto.createPublicKey({ key: spkiDer, format: 'der', type: 'spki' }).equals(rsaPub));
  assert.ok(crypto.createPublicKey(spki).equals(rsaPub));
  assert.ok(crypto.createPublicKey(rsa).equals(rsaPub));
  const encrypted = rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'top secret' });
  assert.match(encrypted, /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
  assert.ok(crypto.createPrivateKey({ key: encrypted, passphrase: 'top secret' }).equals(rsa));
  assert.throws(() => crypto.createPrivateKey({ key: encrypted, passphrase: 'wrong' }));
  assert.throws(() => crypto.createPrivateKey(encrypted), { code: 'ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED' });
  const jwk = rsa.export({ format: 'jwk' });
  assert.deepStrictEqual(Object.keys(jwk), ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi']);
  assert.strictEqual(jwk.e, 'AQAB');
  assert.ok(crypto.createPrivateKey({ key: jwk, format: 'jwk' }).equals(rsa));
  assert.ok(crypto.createPublicKey({ key: rsaPub.export({ format: 'jwk' }), format: 'jwk' }).equals(rsaPub));
}

// EC: ECDSA with both signature encodings, and the openssl signature.
{
  const ec = crypto.createPrivateKey(fixture('ec_p256.pem'));
  const ecPub = crypto.createPublicKey(ec);
  assert.deepStrictEqual(ec.asymmetricKeyDetails, { namedCurve: 'prime256v1' });
  assert.ok(crypto.verify('sha256', msg, ecPub, Buffer.from('3045022064b0fc696b38a062c2c0c34aceda8da4d8c46a31f78791ec9bf9981b5fa60aee022100cd34b576c9d61972ce7f3301ec00bda2d10b1e81bde3261136d870947ad55e4b', 'hex')));
  const p1363 = crypto.sign('sha256', msg, { key: ec, dsaEncoding: 'ieee-p1363' });
  assert.strictEqual(p1363.length, 64);
  assert.ok(crypto.verify('sha256', msg, { key: ecPub, dsaEncoding: 'ieee-p1363' }, p1363));
  assert.ok(!crypto.verify('sha256', msg, ecPub, p1363));
  const jwk = ec.export({ format: 'jwk' });
  assert.deepStrictEqual(Object.keys(jwk), ['kty', 'x', 'y', 'crv', 'd']);
  assert.strictEqual(jwk.crv, 'P-256');
  assert.ok(crypto.createPrivateKey({ key: jwk, format: 'jwk' }).equals(ec));
  assert.match(ec.export({ type: 'sec1', format: 'pem' }), /^-----BEGIN EC PRIVATE KEY-----\n/);
}

// Ed25519: deterministic, so equal to openssl's signature.
{
  const ed = crypto.createPrivateKey(fixture('ed25519.pem'));
  assert.strictEqual(ed.asymmetricKeyType, 'ed25519');
  assert.strictEqual(crypto.sign(null, msg, ed).toString('hex'), '18a7feb621b4bb96017c05d38961ad664158e93c5570f43faa9fe859489269ca6d49b52f0d6fbffb1706897e6444bc2d30e6c78d7458f7ec3003afc8d30b400c');
  assert.ok(crypto.verify(undefined, msg, crypto.createPublicKey(ed), Buffer.from('18a7feb621b4bb96017c05d38961ad664158e93c5570f43faa9fe859489269ca6d49b52f0d6fbffb1706897e6444bc2d30e6c78d7458f7ec3003afc8d30b400c', 'hex')));
  const jwk = crypto.createPublicKey(ed).export({ format: 'jwk' });
  assert.deepStrictEqual(Object.keys(jwk), ['crv', 'x', 'kty']);
  assert.ok(crypto.createPublicKey({ key: jwk, format: 'jwk' }).equals(crypto.createPublicKey(ed)));
}

// X25519 agreement equals `openssl pkeyutl -derive`.
{
  const a = crypto.createPrivateKey(fixture('x25519_a.pem'));
  const b = crypto.createPrivateKey(fixture('x25519_b.pem'));
  assert.strictEqual(crypto.diffieHellman({ privateKey: a, publicKey: crypto.createPublicKey(b) }).toString('hex'),
                     'a4debc928db985fe401388322e1fb6e4c849adfed9d4ed418625a1305e3fa662');
  throwsCode(() => crypto.diffieHellman({ privateKey: a, publicKey: rsaPub }), 'ERR_CRYPTO_INCOMPATIBLE_KEY');
}

// Generation of every type, sync and async, with encodings.
for (const [type, options] of [['rsa', { modulusLength: 1024 }], ['rsa-pss', { modulusLength: 1024 }],
                               ['ec', { namedCurve: 'P-384' }], ['ec', { namedCurve: 'secp256k1' }],
                               ['ed25519'], ['ed448'], ['x25519'], ['x448']]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
  assert.strictEqual(publicKey.asymmetricKeyType, type);
  assert.strictEqual(privateKey.type, 'private');
  if (!type.startsWith('x')) {
    const sig = crypto.sign(type.startsWith('ed') ? null : 'sha256', msg, privateKey);
    assert.ok(crypto.verify(type.startsWith('ed') ? null : 'sha256', msg, publicKey, sig), type);
  }
}
crypto.generateKeyPair('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
}, expectCall((err, pub, priv) => {
  assert.ifError(err);
  assert.match(pub, /^-----BEGIN PUBLIC KEY-----/);
  assert.match(priv, /^-----BEGIN PRIVATE KEY-----/);
}));
crypto.generateKeyPair('rsa', { modulusLength: 1024, publicExponent: 3 }, expectCall((err, pub) => {
  assert.ifError(err);
  assert.strictEqual(pub.asymmetricKeyDetails.publicExponent, 3n);
}));
throwsCode(() => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' }), 'ERR_CRYPTO_INVALID_CURVE', TypeError);
throwsCode(() => crypto.generateKeyPairSync('rsa', {}), 'ERR_INVALID_ARG_TYPE', TypeError);

// ECDH.
{
  const a = crypto.createECDH('prime256v1');
  const b = crypto.createECDH('prime256v1');
  const ak = a.generateKeys();
  const bk = b.generateKeys('hex', 'compressed');
  assert.strictEqual(ak.length, 65);
  assert.ok(a.computeSecret(bk, 'hex').equals(b.computeSecret(ak)));
  const c = crypto.createECDH('prime256v1');
  c.setPrivateKey(a.getPrivateKey());
  assert.ok(c.getPublicKey().equals(ak));
  throwsCode(() => a.computeSecret(Buffer.from('04deadbeef', 'hex')), 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY');
  throwsCode(() => crypto.createECDH('nope'), 'ERR_CRYPTO_INVALID_CURVE');
}

// Secret keys.
{
  const k = crypto.createSecretKey(Buffer.from('0123456789abcdef'));
  assert.strictEqual(k.type, 'secret');
  assert.strictEqual(k.symmetricKeySize, 16);
  assert.deepStrictEqual(k.export({ format: 'jwk' }), { kty: 'oct', k: 'MDEyMzQ1Njc4OWFiY2RlZg' });
  assert.ok(k.equals(crypto.createSecretKey('0123456789abcdef', 'utf8')));
  throwsCode(() => crypto.createHmac('sha256', rsa), 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', TypeError);
}
