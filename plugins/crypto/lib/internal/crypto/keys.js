'use strict';
// KeyObject and the secret-key half of key handling: createSecretKey and the conversion every
// keyed API applies to its key argument.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView, codedError } = require('internal/crypto/util');

const kKeyData = Symbol('kKeyData');
const kKeyType = Symbol('kKeyType');

class KeyObject {
  constructor(type, data) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    this[kKeyType] = type;
    this[kKeyData] = data;
  }

  get type() {
    return this[kKeyType];
  }

  static from(key) {
    const webcrypto = require('internal/crypto/webcrypto');
    if (!(key instanceof webcrypto.CryptoKey)) {
      throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    }
    return webcrypto.keyObjectOf(key);
  }

  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    if (otherKeyObject.type !== this.type) return false;
    if (this.type === 'secret') {
      const a = this[kKeyData];
      const b = otherKeyObject[kKeyData];
      return a.length === b.length && binding.timingSafeEqual(a, b);
    }
    return binding.keyEquals(this[kKeyData], otherKeyObject[kKeyData]);
  }
}

class SecretKeyObject extends KeyObject {
  constructor(data) {
    super('secret', data);
  }

  get symmetricKeySize() {
    return this[kKeyData].length;
  }

  export(options) {
    if (options !== undefined && options !== null && options.format === 'jwk') {
      return { kty: 'oct', k: this[kKeyData].toString('base64url') };
    }
    if (options !== undefined && options !== null && options.format !== undefined &&
        options.format !== 'buffer') {
      throw new ERR_INVALID_ARG_VALUE('options.format', options.format);
    }
    return Buffer.from(this[kKeyData]);
  }
}

function toKeyBytes(key, encoding, name = 'key') {
  if (typeof key === 'string') return Buffer.from(key, encoding === 'buffer' ? 'utf8' : encoding);
  if (isAnyArrayBuffer(key)) return Buffer.from(key);
  if (isArrayBufferView(key)) return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
  throw new ERR_INVALID_ARG_TYPE(
    name, ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'], key);
}

function createSecretKey(key, encoding) {
  if (typeof key !== 'string' && !isAnyArrayBuffer(key) && !isArrayBufferView(key)) {
    throw new ERR_INVALID_ARG_TYPE('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string'], key);
  }
  if (encoding !== undefined && encoding !== 'buffer') validateString(encoding, 'encoding');
  return new SecretKeyObject(Buffer.from(toKeyBytes(key, encoding)));
}

// The bytes of a secret key given as a KeyObject, CryptoKey, string or binary data.
function prepareSecretKey(key, encoding) {
  if (key instanceof KeyObject) {
    if (key.type !== 'secret') {
      throw codedError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
                       `Invalid key object type ${key.type}, expected secret.`);
    }
    return key[kKeyData];
  }
  if (key !== null && typeof key === 'object' && key.constructor && key.constructor.name === 'CryptoKey') {
    return prepareSecretKey(KeyObject.from(key), encoding);
  }
  return toKeyBytes(key, encoding);
}

module.exports = {
  KeyObject,
  SecretKeyObject,
  createSecretKey,
  kKeyData,
  kKeyType,
  prepareSecretKey,
  toKeyBytes,
};
