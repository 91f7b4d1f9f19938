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

function checkData(data, encoding) {
  if (typeof data === 'string') return getArrayBufferOrView(data, 'data', encoding);
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
  if (algorithm instanceof binding.Hash) {
    this[kHandle] = new binding.Hash(algorithm, xofLen);
  } else {
    validateString(algorithm, 'algorithm');
    this[kHandle] = new binding.Hash(algorithm, xofLen);
  }
  this[kFinalized] = false;
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this[kHandle], options);
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
  return encode(this[kHandle].digest(), outputEncoding);
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  key = keys.prepareSecretKey(key, options && options.encoding);
  if (binding.digestInfo(hmac) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kHandle] = new binding.Hmac(hmac, key);
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
  const result = this[kFinalized] ? Buffer.alloc(0) : this[kHandle].digest();
  this[kFinalized] = true;
  return encode(result, outputEncoding);
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
  const data = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const out = binding.oneShotDigest(algorithm, data, -1);
  if (out === undefined) throw new Error('Digest method not supported');
  return encode(out, outputEncoding);
}

module.exports = { Hash, Hmac, hash };
