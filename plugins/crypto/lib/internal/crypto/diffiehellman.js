'use strict';
// Finite-field Diffie-Hellman: DiffieHellman (own prime or a generated one) and
// DiffieHellmanGroup (the RFC 2409/3526 MODP groups).

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateInt32, validateString } = require('internal/validators');
const { codedError, encode, getArrayBufferOrView, isArrayBufferView, isAnyArrayBuffer } =
  require('internal/crypto/util');

const kHandle = Symbol('kHandle');

function toBuf(value, encoding, name) {
  if (typeof value === 'number') {
    validateInt32(value, name);
    return Buffer.from([value]);
  }
  const v = getArrayBufferOrView(value, name, encoding);
  return Buffer.from(isAnyArrayBuffer(v) ? v : v.buffer, isAnyArrayBuffer(v) ? 0 : v.byteOffset, v.byteLength);
}

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' && !isArrayBufferView(sizeOrKey) &&
      !isAnyArrayBuffer(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE('sizeOrKey', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
                                   sizeOrKey);
  }
  if (typeof keyEncoding === 'number' || isArrayBufferView(keyEncoding)) {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  if (generator === undefined) generator = 2;
  if (typeof sizeOrKey === 'number') {
    validateInt32(sizeOrKey, 'sizeOrKey');
    if (typeof generator !== 'number') generator = toBuf(generator, genEncoding, 'generator').readUIntBE(0, 1);
    this[kHandle] = new binding.DH(2, sizeOrKey, generator);
  } else {
    const prime = toBuf(sizeOrKey, keyEncoding, 'sizeOrKey');
    const gen = toBuf(generator, genEncoding, 'generator');
    if (gen.every((x) => x === 0) || (gen.length === 1 && gen[0] < 2) ||
        (gen.length > 0 && gen.subarray(0, -1).every((x) => x === 0) && gen[gen.length - 1] < 2)) {
      // OpenSSL's answer, as Node reports it.
      const err = codedError(Error, 'ERR_OSSL_DH_BAD_GENERATOR', 'error:02800065:Diffie-Hellman routines::bad generator');
      err.library = 'Diffie-Hellman routines';
      err.reason = 'bad generator';
      throw err;
    }
    this[kHandle] = new binding.DH(0, prime, gen);
  }
  Object.defineProperty(this, 'verifyError', {
    enumerable: true, configurable: true, value: this[kHandle].verifyError(),
  });
}

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  validateString(name, 'name');
  try {
    this[kHandle] = new binding.DH(1, name);
  } catch (err) {
    throw codedError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
  }
  Object.defineProperty(this, 'verifyError', {
    enumerable: true, configurable: true, value: this[kHandle].verifyError(),
  });
}

const shared = {
  generateKeys(encoding) {
    return encode(this[kHandle].generateKeys(), encoding);
  },
  computeSecret(key, inEnc, outEnc) {
    const result = this[kHandle].computeSecret(toBuf(key, inEnc, 'key'));
    if (typeof result === 'number') {
      if (result === 1) throw codedError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too small');
      if (result === 2) throw codedError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too large');
      throw new Error('Invalid key');
    }
    return encode(result, outEnc);
  },
  getPrime(encoding) {
    return encode(this[kHandle].get('prime'), encoding);
  },
  getGenerator(encoding) {
    return encode(this[kHandle].get('generator'), encoding);
  },
  getPublicKey(encoding) {
    const v = this[kHandle].get('public');
    if (v === undefined) throw new Error('No public key - did you forget to generate one?');
    return encode(v, encoding);
  },
  getPrivateKey(encoding) {
    const v = this[kHandle].get('private');
    if (v === undefined) throw new Error('No private key - did you forget to generate one?');
    return encode(v, encoding);
  },
};
for (const [name, fn] of Object.entries(shared)) {
  DiffieHellman.prototype[name] = fn;
  DiffieHellmanGroup.prototype[name] = fn;
}
DiffieHellman.prototype.setPublicKey = function setPublicKey(key, encoding) {
  this[kHandle].set('public', toBuf(key, encoding, 'key'));
  return this;
};
DiffieHellman.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  this[kHandle].set('private', toBuf(key, encoding, 'key'));
  return this;
};

module.exports = {
  DiffieHellman,
  DiffieHellmanGroup,
  createDiffieHellman: (...args) => new DiffieHellman(...args),
  getDiffieHellman: (name) => new DiffieHellmanGroup(name),
};
