'use strict';
// Hash, Hmac and the one-shot hash(): streaming digests over the binding's EVP contexts.

const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_HASH_UPDATE_FAILED,
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const { validateString, validateUint32, validateObject } = require('internal/validators');
const { LazyTransform, encode, getArrayBufferOrView, isArrayBufferView } = require('internal/crypto/util');

const { Buffer } = require('buffer');
const keys = require('internal/crypto/keys');

const kHandle = Symbol('kHandle');
const kFinalized = Symbol('kFinalized');
const kDigest = Symbol('kDigest');
const kSize = Symbol('kSize');

// Digest sizes by name (the binding adds 1 << 20 for extendable-output functions).
const digestSizes = new Map();
function digestSize(name) {
  let info = digestSizes.get(name);
  if (info === undefined) {
    info = binding.digestInfo(name);
    digestSizes.set(name, info);
  }
  return info;
}

// A scratch area for digests that leave as strings: no Buffer is made for them.
const scratch = Buffer.allocUnsafe(64);

function finish(handle, size, outputEncoding) {
  if (size < 0 || size > 64) return encode(handle.digest(), outputEncoding);
  if (outputEncoding !== undefined && outputEncoding !== 'buffer') {
    handle.digest(scratch);
    return scratch.toString(outputEncoding, 0, size);
  }
  const out = Buffer.allocUnsafe(size);
  handle.digest(out);
  return out;
}

function checkData(data, encoding) {
  if (typeof data === 'string') {
    // UTF-8 strings go to the binding as they are.
    if (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8') return data;
    return getArrayBufferOrView(data, 'data', encoding);
  }
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return data;
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  let xofLen = -1;
  if (options !== undefined && options !== null) {
    validateObject(options, 'options');
    if (options.outputLength !== undefined) {
      validateUint32(options.outputLength, 'options.outputLength');
      xofLen = options.outputLength;
    }
  }
  if (algorithm instanceof Hash) {
    this[kHandle] = new binding.Hash(algorithm[kHandle], xofLen);
    this[kSize] = xofLen >= 0 ? xofLen : algorithm[kSize];
  } else {
    validateString(algorithm, 'algorithm');
    this[kHandle] = new binding.Hash(algorithm, xofLen);
    this[kSize] = xofLen >= 0 ? xofLen : digestSize(algorithm) & 0xfffff;
  }
  this[kFinalized] = false;
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this, options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  this[kHandle].update(checkData(chunk, encoding));
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(this[kHandle].digest());
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (!this[kHandle].update(checkData(data, encoding))) throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  this[kFinalized] = true;
  return finish(this[kHandle], this[kSize], outputEncoding);
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  key = keys.prepareSecretKey(key, options && options.encoding);
  const size = digestSize(hmac);
  if (size < 0) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kHandle] = new binding.Hmac(hmac, key);
  this[kSize] = size & 0xfffff;
  this[kFinalized] = false;
  this[kDigest] = undefined;
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype.digest = function digest(outputEncoding) {
  // A second digest() gives an empty result, as Node's does.
  if (this[kFinalized]) return encode(Buffer.alloc(0), outputEncoding);
  this[kFinalized] = true;
  return finish(this[kHandle], this[kSize], outputEncoding);
};
Hmac.prototype._flush = function _flush(callback) {
  this.push(this.digest());
  callback();
};

function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isArrayBufferView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  if (outputEncoding !== undefined) validateString(outputEncoding, 'outputEncoding');
  const size = digestSize(algorithm);
  if (size < 0) throw new Error('Digest method not supported');
  if (size <= 64 && outputEncoding !== 'buffer') {
    binding.oneShotDigest(algorithm, input, -1, scratch);
    return scratch.toString(outputEncoding, 0, size & 0xfffff);
  }
  return encode(binding.oneShotDigest(algorithm, input, -1), outputEncoding);
}

module.exports = { Hash, Hmac, hash };
