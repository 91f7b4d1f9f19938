'use strict';
// Cipheriv and Decipheriv: streams over the binding's EVP cipher contexts, with Node's checks
// on keys, IVs and authentication tags made before any native state exists.

const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const {
  codes: {
    ERR_CRYPTO_INVALID_IV,
    ERR_CRYPTO_INVALID_KEYLEN,
    ERR_CRYPTO_INVALID_STATE,
    ERR_CRYPTO_UNKNOWN_CIPHER,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const { validateInt32, validateObject, validateString } = require('internal/validators');
const { LazyTransform, codedError, encode, getArrayBufferOrView, isArrayBufferView } =
  require('internal/crypto/util');
const { prepareSecretKey } = require('internal/crypto/keys');

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');

const kIvRange = { gcm: [1, Infinity], ccm: [7, 13], ocb: [1, 15] };
const kTagLengths = {
  gcm: [4, 8, 12, 13, 14, 15, 16],
  ccm: [4, 6, 8, 10, 12, 14, 16],
  ocb: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
  'chacha20-poly1305': [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
};

function invalidTag(message) {
  return codedError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', message);
}

// Cipher facts by name, asked of the binding once per name.
const cipherInfos = new Map();
function cipherInfo(name) {
  let info = cipherInfos.get(name);
  if (info === undefined) {
    info = binding.cipherInfo(name) || null;
    cipherInfos.set(name, info);
  }
  return info === null ? undefined : info;
}

function createCipherBase(encrypt, cipher, key, iv, options) {
  validateString(cipher, 'cipher');
  if (options !== undefined && options !== null) validateObject(options, 'options');
  const encoding = options && options.encoding;
  key = prepareSecretKey(key, encoding);
  if (iv !== null) iv = getArrayBufferOrView(iv, 'iv', encoding);
  const info = cipherInfo(cipher);
  if (info === undefined) throw new ERR_CRYPTO_UNKNOWN_CIPHER();
  const chacha = info.name.toLowerCase() === 'chacha20-poly1305';
  const aeadMode = chacha ? 'chacha20-poly1305' : (info.aead ? info.mode : undefined);
  const ivLength = iv === null ? 0 : iv.byteLength;
  if (aeadMode !== undefined) {
    const range = chacha ? [1, 12] : kIvRange[info.mode];
    if (range !== undefined && (ivLength < range[0] || ivLength > range[1])) {
      throw new ERR_CRYPTO_INVALID_IV();
    }
  } else if (iv === null ? info.ivLength !== 0 : ivLength !== info.ivLength) {
    throw new ERR_CRYPTO_INVALID_IV();
  }
  let authTagLength = -1;
  if (options && options.authTagLength !== undefined) {
    validateInt32(options.authTagLength, 'options.authTagLength', 0);
    authTagLength = options.authTagLength;
  }
  if (aeadMode !== undefined) {
    if (authTagLength === -1 && (info.mode === 'ccm' || info.mode === 'ocb') && !chacha) {
      throw invalidTag(`authTagLength required for ${cipher}`);
    }
    if (authTagLength !== -1 && !kTagLengths[aeadMode].includes(authTagLength)) {
      throw invalidTag(`Invalid authentication tag length: ${authTagLength}`);
    }
  }
  let handle;
  try {
    handle = new binding.Cipher(cipher, key, iv, encrypt, authTagLength);
  } catch (err) {
    // The binding names the check that failed; the error is built here with Node's class.
    switch (err.code) {
      case 'ERR_CRYPTO_INVALID_KEYLEN': throw new ERR_CRYPTO_INVALID_KEYLEN();
      case 'ERR_CRYPTO_INVALID_IV': throw new ERR_CRYPTO_INVALID_IV();
      case 'ERR_CRYPTO_UNKNOWN_CIPHER': throw new ERR_CRYPTO_UNKNOWN_CIPHER();
      case 'ERR_CRYPTO_INVALID_AUTH_TAG': throw invalidTag(err.message);
      default: throw err;
    }
  }
  return {
    handle,
    state: {
      encrypt,
      mode: aeadMode,
      authTagLength,
      finalized: false,
      decoder: undefined,
      decoderEncoding: undefined,
    },
  };
}

// Small outputs come from Buffer's pool instead of a fresh native allocation each.
const kPooledLimit = 4096;
function runUpdate(handle, data) {
  const len = data.byteLength;
  if (len > kPooledLimit) return handle.update(data);
  const out = Buffer.allocUnsafe(len + 32);
  const n = handle.update(data, out);
  return out.subarray(0, n);
}

function runFinal(handle) {
  const out = Buffer.allocUnsafe(64);
  const n = handle.final(out);
  return out.subarray(0, n);
}

function checkData(data, encoding) {
  if (typeof data === 'string') return getArrayBufferOrView(data, 'data', encoding);
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return data;
}

function output(state, buf, encoding) {
  if (encoding === undefined || encoding === 'buffer') return buf;
  if (encoding === 'hex' || encoding === 'base64' || encoding === 'base64url' || encoding === 'latin1' ||
      encoding === 'binary') {
    if (encoding.startsWith('base64')) {
      // base64 groups of 3 bytes must not be split across calls.
      if (state.decoder === undefined || state.decoderEncoding !== encoding) {
        state.decoder = new StringDecoder(encoding);
        state.decoderEncoding = encoding;
      }
      return state.decoder.write(buf);
    }
    return encode(buf, encoding);
  }
  if (state.decoder === undefined || state.decoderEncoding !== encoding) {
    state.decoder = new StringDecoder(encoding);
    state.decoderEncoding = encoding;
  }
  return state.decoder.write(buf);
}

function finishOutput(state, buf, encoding) {
  if (encoding === undefined || encoding === 'buffer') return buf;
  if (state.decoder !== undefined && state.decoderEncoding === encoding) return state.decoder.end(buf);
  return encode(buf, encoding);
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  initCipher(this, true, cipher, key, iv, options);
}

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  initCipher(this, false, cipher, key, iv, options);
}

function initCipher(self, encrypt, cipher, key, iv, options) {
  const { handle, state } = createCipherBase(encrypt, cipher, key, iv, options);
  self[kHandle] = handle;
  self[kState] = state;
  LazyTransform.call(self, options);
}

const methods = {
  _transform(chunk, encoding, callback) {
    this.push(runUpdate(this[kHandle], checkData(chunk, encoding)));
    callback();
  },

  _flush(callback) {
    try {
      this.push(this.final());
    } catch (err) {
      callback(err);
      return;
    }
    callback();
  },

  update(data, inputEncoding, outputEncoding) {
    const state = this[kState];
    if (state.finalized) throw new Error('Trying to add data in unsupported state');
    data = checkData(data, inputEncoding);
    return output(state, runUpdate(this[kHandle], data), outputEncoding);
  },

  final(outputEncoding) {
    const state = this[kState];
    if (state.finalized) throw codedError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
    state.finalized = true;
    return finishOutput(state, runFinal(this[kHandle]), outputEncoding);
  },

  setAutoPadding(ap) {
    if (this[kState].finalized || !this[kHandle].setAutoPadding(ap === undefined ? true : !!ap)) {
      throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
    }
    return this;
  },

  setAAD(aadbuf, options) {
    const state = this[kState];
    aadbuf = getArrayBufferOrView(aadbuf, 'buffer', options && options.encoding);
    let plaintextLength = -1;
    if (options !== undefined && options.plaintextLength !== undefined) {
      validateInt32(options.plaintextLength, 'options.plaintextLength', 0);
      plaintextLength = options.plaintextLength;
    } else if (state.mode === 'ccm' && !state.finalized) {
      throw codedError(TypeError, 'ERR_MISSING_ARGS', 'options.plaintextLength required for CCM mode with AAD');
    }
    if (state.finalized || state.mode === undefined ||
        !this[kHandle].setAAD(aadbuf, plaintextLength)) {
      throw new ERR_CRYPTO_INVALID_STATE('setAAD');
    }
    return this;
  },
};

for (const [name, fn] of Object.entries(methods)) {
  Cipheriv.prototype[name] = fn;
  Decipheriv.prototype[name] = fn;
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);

Cipheriv.prototype.getAuthTag = function getAuthTag() {
  const state = this[kState];
  if (!state.finalized || state.mode === undefined) {
    throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  }
  return this[kHandle].getAuthTag();
};

Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
  const state = this[kState];
  tagbuf = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  if (state.finalized || state.mode === undefined) {
    throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  }
  const len = tagbuf.byteLength;
  const valid = state.authTagLength !== -1 ? len === state.authTagLength :
    kTagLengths[state.mode].includes(len);
  if (!valid) throw invalidTag(`Invalid authentication tag length: ${len}`);
  this[kHandle].setAuthTag(tagbuf);
  return this;
};

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  const info = binding.cipherInfo(nameOrNid);
  if (info === undefined) return undefined;
  if (options !== undefined) {
    validateObject(options, 'options');
    if (options.keyLength !== undefined && options.keyLength !== info.keyLength) return undefined;
    if (options.ivLength !== undefined && options.ivLength !== info.ivLength &&
        !info.aead) return undefined;
  }
  const result = {
    mode: info.mode,
    name: info.shortName.toLowerCase(),
    nid: info.nid,
    blockSize: info.blockSize,
    ivLength: info.ivLength,
    keyLength: info.keyLength,
  };
  if (result.ivLength === 0) delete result.ivLength;
  return result;
}

module.exports = { Cipheriv, Decipheriv, createCipheriv, createDecipheriv, getCipherInfo };
