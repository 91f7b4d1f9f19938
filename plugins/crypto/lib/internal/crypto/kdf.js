'use strict';
// PBKDF2, scrypt and HKDF: synchronous, or on the thread pool with a callback.

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_INVALID_KEYLEN,
    ERR_CRYPTO_INVALID_SCRYPT_PARAMS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateFunction, validateInt32, validateInteger, validateString, validateUint32 } =
  require('internal/validators');
const { codedError, getArrayBufferOrView, isAnyArrayBuffer } = require('internal/crypto/util');
const { prepareSecretKey } = require('internal/crypto/keys');

function pbkdf2Args(password, salt, iterations, keylen, digest) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  validateString(digest, 'digest');
  if (binding.digestInfo(digest) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  return { password, salt, iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const a = pbkdf2Args(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  if (a.keylen === 0) {
    process.nextTick(callback, null, Buffer.alloc(0));
    return;
  }
  binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen, a.digest, (err, result) => {
    if (err) return callback(err);
    callback(null, result);
  });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const a = pbkdf2Args(password, salt, iterations, keylen, digest);
  if (a.keylen === 0) return Buffer.alloc(0);
  return binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen, a.digest);
}

const defaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function scryptArgs(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = defaults;
  if (options && options !== defaults) {
    const pick = (a, b, name) => {
      if (options[a] !== undefined && options[b] !== undefined) {
        throw codedError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
      }
      const v = options[a] !== undefined ? options[a] : options[b];
      if (v !== undefined) validateUint32(v, name);
      return v;
    };
    const n = pick('N', 'cost', 'N');
    if (n !== undefined) N = n;
    const rr = pick('r', 'blockSize', 'r');
    if (rr !== undefined) r = rr;
    const pp = pick('p', 'parallelization', 'p');
    if (pp !== undefined) p = pp;
    if (options.maxmem !== undefined) {
      validateInteger(options.maxmem, 'maxmem', 0);
      maxmem = options.maxmem;
    }
  }
  if (N < 2 || (N & (N - 1)) !== 0) throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS();
  const check = binding.scryptCheck(N, r, p, maxmem);
  if (check !== true) {
    if (check === '') throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS();
    throw codedError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', `Invalid scrypt params: ${check}`);
  }
  return { password, salt, keylen, N, r, p, maxmem };
}

function scrypt(password, salt, keylen, options, callback = defaults) {
  if (callback === defaults) {
    callback = options;
    options = defaults;
  }
  const a = scryptArgs(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  if (a.keylen === 0) {
    process.nextTick(callback, null, Buffer.alloc(0));
    return;
  }
  binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p, a.maxmem, (err, result) => {
    if (err) return callback(err);
    callback(null, result);
  });
}

function scryptSync(password, salt, keylen, options = defaults) {
  const a = scryptArgs(password, salt, keylen, options);
  if (a.keylen === 0) return Buffer.alloc(0);
  return binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p, a.maxmem);
}

function hkdfArgs(digest, key, salt, info, length) {
  validateString(digest, 'digest');
  key = prepareSecretKey(key);
  salt = getArrayBufferOrView(salt, 'salt');
  info = getArrayBufferOrView(info, 'info');
  validateInteger(length, 'length', 0, 2 ** 31 - 1);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  const size = binding.digestInfo(digest);
  if (size < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  if (length > 255 * (size & 0xfffff)) throw new ERR_CRYPTO_INVALID_KEYLEN();
  return { digest, key, salt, info, length };
}

function toArrayBuffer(buf) {
  if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) return buf.buffer;
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

function hkdf(digest, key, salt, info, length, callback) {
  const a = hkdfArgs(digest, key, salt, info, length);
  validateFunction(callback, 'callback');
  if (a.length === 0) {
    process.nextTick(callback, null, new ArrayBuffer(0));
    return;
  }
  binding.hkdf(a.digest, a.key, a.salt, a.info, a.length, (err, result) => {
    if (err) return callback(err);
    callback(null, toArrayBuffer(result));
  });
}

function hkdfSync(digest, key, salt, info, length) {
  const a = hkdfArgs(digest, key, salt, info, length);
  if (a.length === 0) return new ArrayBuffer(0);
  return toArrayBuffer(binding.hkdf(a.digest, a.key, a.salt, a.info, a.length));
}

module.exports = { hkdf, hkdfSync, pbkdf2, pbkdf2Sync, scrypt, scryptSync, isAnyArrayBuffer };
