'use strict';
// Finite-field Diffie-Hellman: the RFC 3526 group, agreement between two parties, keys set by
// hand, Node's errors.
const assert = require('assert');
const crypto = require('crypto');

const group = crypto.getDiffieHellman('modp14');
assert.strictEqual(group.verifyError, 0);
assert.strictEqual(group.getGenerator('hex'), '02');
const prime = group.getPrime('hex');
assert.strictEqual(prime.length, 512);
// RFC 3526 section 3: the 2048-bit MODP prime begins and ends with 64 one bits.
assert.ok(prime.startsWith('ffffffffffffffffc90fdaa22168c234'));
assert.ok(prime.endsWith('ffffffffffffffff'));
assert.strictEqual(typeof group.setPublicKey, 'undefined');
assert.strictEqual(crypto.getDiffieHellman('modp1').getPrime().length, 96);
assert.throws(() => crypto.getDiffieHellman('modp3'), { code: 'ERR_CRYPTO_UNKNOWN_DH_GROUP', message: 'Unknown DH group' });

const alice = crypto.createDiffieHellman(group.getPrime(), group.getGenerator());
const bob = crypto.createDiffieHellman(prime, 'hex', 2);
assert.strictEqual(alice.verifyError, 0);
const a = alice.generateKeys();
const b = bob.generateKeys('base64');
const s1 = alice.computeSecret(b, 'base64', 'hex');
const s2 = bob.computeSecret(a).toString('hex');
assert.strictEqual(s1, s2);
assert.strictEqual(s1.length, 512);

const carol = crypto.createDiffieHellman(group.getPrime(), 2);
carol.setPrivateKey(alice.getPrivateKey());
carol.setPublicKey(alice.getPublicKey());
assert.strictEqual(carol.computeSecret(bob.getPublicKey(), null, 'hex'), s1);

assert.throws(() => alice.computeSecret(Buffer.from([1])),
              { code: 'ERR_CRYPTO_INVALID_KEYLEN', name: 'RangeError', message: 'Supplied key is too small' });
assert.throws(() => crypto.createDiffieHellman(prime, 'hex', Buffer.from([1])),
              { code: 'ERR_OSSL_DH_BAD_GENERATOR', message: 'error:02800065:Diffie-Hellman routines::bad generator' });
assert.throws(() => crypto.createDiffieHellman({}), { code: 'ERR_INVALID_ARG_TYPE' });
// A small generated group (generation takes a moment).
const own = crypto.createDiffieHellman(512);
assert.strictEqual(own.getPrime().length, 64);
assert.strictEqual(own.getGenerator('hex'), '02');
