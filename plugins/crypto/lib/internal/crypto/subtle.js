'use strict';
// SubtleCrypto's operations and CryptoKey. Secret-key algorithms (HMAC, AES-GCM/CBC/CTR/KW,
// PBKDF2, HKDF) and digests work on the binding directly; every operation returns a promise and
// the costly ones (derivations) run on the thread pool.

const { Buffer } = require('buffer');
const DOMException = require('internal/dom_exception');
const { createCipheriv, createDecipheriv } = require('internal/crypto/cipher');
const keys = require('internal/crypto/keys');
const { SecretKeyObject, kKeyData } = keys;
const { isAnyArrayBuffer } = require('internal/crypto/util');
const random = require('internal/crypto/random');

const kKeyObject = Symbol('kKeyObject');
const kAlgorithm = Symbol('kAlgorithm');
const kExtractable = Symbol('kExtractable');
const kUsages = Symbol('kUsages');
const kType = Symbol('kType');
const kConstruct = Symbol('kConstruct');

class CryptoKey {
  constructor(token, keyObject, algorithm, extractable, usages, type = 'secret') {
    if (token !== kConstruct) throw new TypeError('Illegal constructor');
    this[kKeyObject] = keyObject;
    this[kAlgorithm] = algorithm;
    this[kExtractable] = extractable;
    this[kUsages] = usages;
    this[kType] = type;
  }
  get type() { return this[kType]; }
  get extractable() { return this[kExtractable]; }
  get algorithm() { return this[kAlgorithm]; }
  get usages() { return this[kUsages]; }

  // Shown as Node shows it: the four public properties.
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    // Past the depth limit Node shows the (property-less) object as such.
    if (depth < 0) return 'CryptoKey {}';
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `CryptoKey ${inspect({
      type: this.type,
      extractable: this.extractable,
      algorithm: this.algorithm,
      usages: this.usages,
    }, opts)}`;
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });

function keyObjectOf(key) {
  return key[kKeyObject];
}

const kHashNames = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const kHashLengths = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
const kAlgorithmNames = ['AES-CBC', 'AES-CTR', 'AES-GCM', 'AES-KW', 'HMAC', 'PBKDF2', 'HKDF',
                         'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'ECDSA', 'ECDH', 'ED25519', 'X25519',
                         'RSASSA-PKCS1-V1_5', 'RSA-PSS', 'RSA-OAEP'];
// Canonical spelling of the names matched case-insensitively above.
const kCanonical = { ED25519: 'Ed25519', X25519: 'X25519', 'RSASSA-PKCS1-V1_5': 'RSASSA-PKCS1-v1_5' };
const kAsymmetric = ['ECDSA', 'ECDH', 'Ed25519', 'X25519', 'RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP'];

function notSupported(message = 'Unrecognized algorithm name') {
  return new DOMException(message, 'NotSupportedError');
}
function invalidAccess(message) {
  return new DOMException(message, 'InvalidAccessError');
}
function operationError(message = 'The operation failed for an operation-specific reason') {
  return new DOMException(message, 'OperationError');
}

function normalize(algorithm) {
  if (typeof algorithm === 'string') algorithm = { name: algorithm };
  if (algorithm === null || typeof algorithm !== 'object') {
    throw new TypeError('Algorithm must be a string or an object');
  }
  const upper = String(algorithm.name).toUpperCase();
  let name = kAlgorithmNames.find((n) => n === upper);
  if (name === undefined) throw notSupported();
  if (kCanonical[name] !== undefined) name = kCanonical[name];
  const out = { ...algorithm, name };
  if (out.hash !== undefined) out.hash = normalize(out.hash);
  return out;
}

function bytes(data, name = 'data') {
  if (isAnyArrayBuffer(data)) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`Failed to execute: parameter ${name} is not of type BufferSource`);
}

function toArrayBuffer(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

function hashName(hash) {
  const name = kHashNames[hash.name];
  if (name === undefined) throw notSupported();
  return name;
}

function checkUsage(key, usage) {
  if (!key[kUsages].includes(usage)) {
    throw invalidAccess(`Unable to use this key to ${usage}`);
  }
}

function checkAlgorithm(key, algorithm) {
  if (key[kAlgorithm].name !== algorithm.name) {
    throw invalidAccess('The requested operation is not valid for the provided key');
  }
}

function secretKey(raw, algorithm, extractable, usages) {
  return new CryptoKey(kConstruct, new SecretKeyObject(Buffer.from(raw)), algorithm, extractable, usages);
}

function importSecret(format, keyData, algorithm, extractable, usages) {
  let raw;
  if (format === 'raw') {
    raw = bytes(keyData, 'keyData');
  } else if (format === 'jwk') {
    if (keyData === null || typeof keyData !== 'object' || keyData.kty !== 'oct') {
      throw new DOMException('Invalid keyData', 'DataError');
    }
    raw = Buffer.from(keyData.k, 'base64url');
  } else {
    throw notSupported(`Unable to import ${algorithm.name} key with format ${format}`);
  }
  switch (algorithm.name) {
    case 'HMAC': {
      const hash = algorithm.hash;
      if (hash === undefined) throw new TypeError('algorithm.hash is required');
      hashName(hash);
      const length = algorithm.length !== undefined ? algorithm.length : raw.length * 8;
      return secretKey(raw, { name: 'HMAC', length, hash: { name: hash.name } }, extractable, usages);
    }
    case 'AES-CBC': case 'AES-CTR': case 'AES-GCM': case 'AES-KW':
      if (![16, 24, 32].includes(raw.length)) throw new DOMException('Invalid key length', 'DataError');
      return secretKey(raw, { name: algorithm.name, length: raw.length * 8 }, extractable, usages);
    case 'PBKDF2': case 'HKDF':
      if (extractable) throw new DOMException(`${algorithm.name} keys are not extractable`, 'SyntaxError');
      return secretKey(raw, { name: algorithm.name }, false, usages);
    default:
      throw notSupported();
  }
}


// Asymmetric algorithms: keys are Public/PrivateKeyObjects inside CryptoKeys.
const kCurves = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const kCurveOf = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const kPublicUsages = ['verify', 'encrypt', 'wrapKey'];
const kPrivateUsages = ['sign', 'decrypt', 'unwrapKey', 'deriveBits', 'deriveKey'];

function asymmetricAlgorithm(algorithm, keyObject) {
  const d = keyObject.asymmetricKeyDetails;
  switch (algorithm.name) {
    case 'ECDSA': case 'ECDH': {
      const curve = kCurveOf[d.namedCurve];
      if (curve === undefined || (algorithm.namedCurve !== undefined && algorithm.namedCurve !== curve)) {
        throw new DOMException('Named curve mismatch', 'DataError');
      }
      return { name: algorithm.name, namedCurve: curve };
    }
    case 'Ed25519': case 'X25519':
      if (keyObject.asymmetricKeyType !== algorithm.name.toLowerCase()) {
        throw new DOMException('Invalid key type', 'DataError');
      }
      return { name: algorithm.name };
    default: {
      if (keyObject.asymmetricKeyType !== 'rsa' && keyObject.asymmetricKeyType !== 'rsa-pss') {
        throw new DOMException('Invalid key type', 'DataError');
      }
      if (algorithm.hash === undefined) throw new TypeError('algorithm.hash is required');
      hashName(algorithm.hash);
      const e = d.publicExponent.toString(16);
      return {
        name: algorithm.name,
        modulusLength: d.modulusLength,
        publicExponent: new Uint8Array(Buffer.from(e.length % 2 ? `0${e}` : e, 'hex')),
        hash: { name: algorithm.hash.name },
      };
    }
  }
}

function asymmetricKey(keyObject, algorithm, extractable, usages) {
  const type = keyObject.type;
  const allowed = type === 'public' ? kPublicUsages : kPrivateUsages;
  return new CryptoKey(kConstruct, keyObject, algorithm, type === 'public' ? true : extractable,
                       usages.filter((u) => allowed.includes(u)), type);
}

function importAsymmetric(format, keyData, algorithm, extractable, usages) {
  let keyObject;
  try {
    if (format === 'spki') {
      keyObject = keys.createPublicKey({ key: bytes(keyData, 'keyData'), format: 'der', type: 'spki' });
    } else if (format === 'pkcs8') {
      keyObject = keys.createPrivateKey({ key: bytes(keyData, 'keyData'), format: 'der', type: 'pkcs8' });
    } else if (format === 'jwk') {
      keyObject = keyData.d !== undefined ?
        keys.createPrivateKey({ key: keyData, format: 'jwk' }) :
        keys.createPublicKey({ key: keyData, format: 'jwk' });
    } else if (format === 'raw') {
      const raw = bytes(keyData, 'keyData');
      if (algorithm.name === 'ECDSA' || algorithm.name === 'ECDH') {
        const curve = kCurves[algorithm.namedCurve];
        if (curve === undefined) throw notSupported('Unsupported named curve');
        keyObject = keys.wrapHandle(binding.ecKeyFromRaw(curve, null, raw), false);
      } else if (algorithm.name === 'Ed25519' || algorithm.name === 'X25519') {
        keyObject = keys.createPublicKey({ key: { kty: 'OKP', crv: algorithm.name, x: raw.toString('base64url') }, format: 'jwk' });
      } else {
        throw notSupported(`Unable to import ${algorithm.name} key with format raw`);
      }
    } else {
      throw notSupported(`Unable to import ${algorithm.name} key with format ${format}`);
    }
  } catch (err) {
    if (err instanceof DOMException) throw err;
    throw new DOMException(`Invalid keyData: ${err.message}`, 'DataError');
  }
  return asymmetricKey(keyObject, asymmetricAlgorithm(algorithm, keyObject), extractable, usages);
}

function exportAsymmetric(format, key) {
  const ko = key[kKeyObject];
  switch (format) {
    case 'spki':
      if (ko.type !== 'public') throw invalidAccess('Unable to export a private key as spki');
      return toArrayBuffer(ko.export({ type: 'spki', format: 'der' }));
    case 'pkcs8':
      if (ko.type !== 'private') throw invalidAccess('Unable to export a public key as pkcs8');
      return toArrayBuffer(ko.export({ type: 'pkcs8', format: 'der' }));
    case 'jwk': {
      const jwk = ko.export({ format: 'jwk' });
      jwk.key_ops = key[kUsages].slice();
      jwk.ext = key[kExtractable];
      const a = key[kAlgorithm];
      if (a.name === 'RSASSA-PKCS1-v1_5') jwk.alg = `RS${a.hash.name.slice(4)}`;
      else if (a.name === 'RSA-PSS') jwk.alg = `PS${a.hash.name.slice(4)}`;
      else if (a.name === 'RSA-OAEP') jwk.alg = a.hash.name === 'SHA-1' ? 'RSA-OAEP' : `RSA-OAEP-${a.hash.name.slice(4)}`;
      else if (a.name === 'Ed25519') jwk.alg = 'EdDSA';
      return jwk;
    }
    case 'raw':
      if (ko.type !== 'public') throw invalidAccess('Unable to export a private key as raw');
      if (ko.asymmetricKeyType === 'ec') return toArrayBuffer(ko[keys.kHandle].ecPoint(4));
      return toArrayBuffer(Buffer.from(ko.export({ format: 'jwk' }).x, 'base64url'));
    default:
      throw notSupported();
  }
}

function generateAsymmetric(algorithm, extractable, usages) {
  let type;
  const options = {};
  switch (algorithm.name) {
    case 'ECDSA': case 'ECDH':
      if (kCurves[algorithm.namedCurve] === undefined) throw notSupported('Unsupported named curve');
      type = 'ec';
      options.namedCurve = kCurves[algorithm.namedCurve];
      break;
    case 'Ed25519': case 'X25519':
      type = algorithm.name.toLowerCase();
      break;
    default: {
      type = 'rsa';
      options.modulusLength = algorithm.modulusLength;
      const e = bytes(algorithm.publicExponent, 'publicExponent');
      options.publicExponent = parseInt(e.toString('hex'), 16);
      hashName(algorithm.hash);
    }
  }
  return new Promise((resolve, reject) => {
    binding.generateKeyPair(type, options, (err, pair) => {
      if (err) return reject(operationError(err.message));
      const publicKey = keys.wrapHandle(pair[0], false);
      const privateKey = keys.wrapHandle(pair[1], true);
      const alg = asymmetricAlgorithm({ ...algorithm, namedCurve: algorithm.namedCurve }, publicKey);
      // Shaped as Node's: a null-prototype object, privateKey first.
      resolve({
        __proto__: null,
        privateKey: asymmetricKey(privateKey, alg, extractable, usages),
        publicKey: asymmetricKey(publicKey, alg, true, usages),
      });
    });
  });
}

function asymmetricSign(algorithm, key, data) {
  const handle = key[kKeyObject][keys.kHandle];
  const a = key[kAlgorithm];
  switch (algorithm.name) {
    case 'ECDSA':
      return binding.sign(handle, hashName(algorithm.hash), data, undefined, undefined, true);
    case 'Ed25519':
      return binding.sign(handle, null, data, undefined, undefined, false);
    case 'RSASSA-PKCS1-v1_5':
      return binding.sign(handle, hashName(a.hash), data, 1, undefined, false);
    case 'RSA-PSS':
      return binding.sign(handle, hashName(a.hash), data, 6, algorithm.saltLength, false);
    default:
      throw notSupported();
  }
}

function asymmetricVerify(algorithm, key, signature, data) {
  const handle = key[kKeyObject][keys.kHandle];
  const a = key[kAlgorithm];
  switch (algorithm.name) {
    case 'ECDSA':
      return binding.verify(handle, hashName(algorithm.hash), data, signature, undefined, undefined, true);
    case 'Ed25519':
      return binding.verify(handle, null, data, signature, undefined, undefined, false);
    case 'RSASSA-PKCS1-v1_5':
      return binding.verify(handle, hashName(a.hash), data, signature, 1, undefined, false);
    case 'RSA-PSS':
      return binding.verify(handle, hashName(a.hash), data, signature, 6, algorithm.saltLength, false);
    default:
      throw notSupported();
  }
}

function rsaOaep(encrypt, algorithm, key, data) {
  const handle = key[kKeyObject][keys.kHandle];
  const label = algorithm.label !== undefined ? bytes(algorithm.label, 'label') : null;
  try {
    return toArrayBuffer(binding.cipherAsym(handle, data, encrypt ? 0 : 1, 4, hashName(key[kAlgorithm].hash), label));
  } catch (err) {
    throw operationError(err.message);
  }
}

function aesCipherName(key, mode) {
  return `aes-${key[kAlgorithm].length}-${mode}`;
}

function aes(encrypt, algorithm, key, data) {
  const raw = key[kKeyObject][kKeyData];
  data = bytes(data);
  switch (algorithm.name) {
    case 'AES-GCM': {
      const tagLength = (algorithm.tagLength === undefined ? 128 : algorithm.tagLength) / 8;
      const iv = bytes(algorithm.iv, 'iv');
      const c = (encrypt ? createCipheriv : createDecipheriv)(aesCipherName(key, 'gcm'), raw, iv,
                                                            { authTagLength: tagLength });
      if (algorithm.additionalData !== undefined) c.setAAD(bytes(algorithm.additionalData));
      if (encrypt) {
        const out = Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
        return toArrayBuffer(out);
      }
      if (data.length < tagLength) throw operationError('The provided data is too small.');
      c.setAuthTag(data.subarray(data.length - tagLength));
      try {
        return toArrayBuffer(Buffer.concat([c.update(data.subarray(0, data.length - tagLength)), c.final()]));
      } catch {
        throw operationError();
      }
    }
    case 'AES-CBC': {
      const c = (encrypt ? createCipheriv : createDecipheriv)(aesCipherName(key, 'cbc'), raw, bytes(algorithm.iv, 'iv'));
      try {
        return toArrayBuffer(Buffer.concat([c.update(data), c.final()]));
      } catch {
        throw operationError();
      }
    }
    case 'AES-CTR': {
      const c = (encrypt ? createCipheriv : createDecipheriv)(aesCipherName(key, 'ctr'), raw, bytes(algorithm.counter, 'counter'));
      return toArrayBuffer(Buffer.concat([c.update(data), c.final()]));
    }
    default:
      throw notSupported();
  }
}

// AES-KW (RFC 3394) with the default initial value.
const kKwIv = Buffer.from('a6a6a6a6a6a6a6a6', 'hex');
function aesKw(wrap, key, data) {
  const name = `id-aes${key[kAlgorithm].length}-wrap`;
  const c = (wrap ? createCipheriv : createDecipheriv)(name, key[kKeyObject][kKeyData], kKwIv);
  try {
    return toArrayBuffer(Buffer.concat([c.update(data), c.final()]));
  } catch {
    throw operationError();
  }
}

// The cipher step of wrapKey/unwrapKey: AES-KW, or any encrypting algorithm.
function wrapCipher(wrap, algorithm, key, data) {
  if (algorithm.name === 'AES-KW') return aesKw(wrap, key, data);
  if (algorithm.name === 'RSA-OAEP') return rsaOaep(wrap, algorithm, key, data);
  return aes(wrap, algorithm, key, data);
}

function deriveBitsCb(algorithm, key, length) {
  if (algorithm.name === 'ECDH' || algorithm.name === 'X25519') {
    const peer = algorithm.public;
    if (!(peer instanceof CryptoKey) || peer[kType] !== 'public') {
      return Promise.reject(invalidAccess('algorithm.public must be a public key'));
    }
    let secret;
    try {
      secret = binding.deriveShared(key[kKeyObject][keys.kHandle], peer[kKeyObject][keys.kHandle]);
    } catch (err) {
      return Promise.reject(operationError(err.message));
    }
    if (length === null || length === undefined) return Promise.resolve(toArrayBuffer(secret));
    if (length > secret.length * 8) return Promise.reject(operationError('derived bit length is too large'));
    return Promise.resolve(toArrayBuffer(secret.subarray(0, Math.ceil(length / 8))));
  }
  const raw = key[kKeyObject][kKeyData];
  if (length === null || length === undefined || length % 8 !== 0) {
    return Promise.reject(operationError('length must be a multiple of 8'));
  }
  return new Promise((resolve, reject) => {
    const done = (err, out) => (err ? reject(operationError(err.message)) : resolve(toArrayBuffer(out)));
    if (length === 0) return resolve(new ArrayBuffer(0));
    if (algorithm.name === 'PBKDF2') {
      if (!(algorithm.iterations > 0)) return reject(operationError('iterations cannot be zero'));
      binding.pbkdf2(raw, bytes(algorithm.salt, 'salt'), algorithm.iterations, length / 8,
                     hashName(algorithm.hash), done);
    } else if (algorithm.name === 'HKDF') {
      binding.hkdf(hashName(algorithm.hash), raw, bytes(algorithm.salt, 'salt'),
                   bytes(algorithm.info, 'info'), length / 8, done);
    } else {
      reject(notSupported());
    }
  });
}

const methods = {
  async digest(algorithm, data) {
    algorithm = normalize(algorithm);
    const out = binding.oneShotDigest(hashName(algorithm), bytes(data), -1);
    return toArrayBuffer(out);
  },

  async generateKey(algorithm, extractable, keyUsages) {
    algorithm = normalize(algorithm);
    let length = algorithm.length;
    if (algorithm.name === 'HMAC') {
      if (length === undefined) length = kHashLengths[algorithm.hash.name];
      const raw = random.randomBytes(Math.ceil(length / 8));
      return secretKey(raw, { name: 'HMAC', length, hash: { name: algorithm.hash.name } }, extractable, keyUsages);
    }
    if (kAsymmetric.includes(algorithm.name)) return generateAsymmetric(algorithm, extractable, [...keyUsages]);
    if (algorithm.name.startsWith('AES-')) {
      if (![128, 192, 256].includes(length)) {
        throw new DOMException('AES key length must be 128, 192, or 256 bits', 'OperationError');
      }
      return secretKey(random.randomBytes(length / 8), { name: algorithm.name, length }, extractable, keyUsages);
    }
    throw notSupported();
  },

  async importKey(format, keyData, algorithm, extractable, keyUsages) {
    algorithm = normalize(algorithm);
    if (kAsymmetric.includes(algorithm.name)) {
      return importAsymmetric(format, keyData, algorithm, extractable, [...keyUsages]);
    }
    return importSecret(format, keyData, algorithm, extractable, [...keyUsages]);
  },

  async exportKey(format, key) {
    if (!(key instanceof CryptoKey)) throw new TypeError('key must be a CryptoKey');
    if (!key[kExtractable]) throw new DOMException('key is not extractable', 'InvalidAccessException');
    if (key[kType] !== 'secret') return exportAsymmetric(format, key);
    const raw = key[kKeyObject][kKeyData];
    if (format === 'raw') return toArrayBuffer(Buffer.from(raw));
    if (format === 'jwk') {
      const jwk = { key_ops: key[kUsages].slice(), ext: key[kExtractable], kty: 'oct', k: raw.toString('base64url') };
      const a = key[kAlgorithm];
      if (a.name === 'HMAC') jwk.alg = `HS${a.hash.name.slice(4)}`;
      else if (a.name.startsWith('AES-')) jwk.alg = `A${a.length}${a.name.slice(4)}`;
      return jwk;
    }
    throw notSupported(`Unable to export a raw ${key[kAlgorithm].name} key`);
  },

  async sign(algorithm, key, data) {
    algorithm = normalize(algorithm);
    checkAlgorithm(key, algorithm);
    checkUsage(key, 'sign');
    if (algorithm.name !== 'HMAC') return toArrayBuffer(asymmetricSign(algorithm, key, bytes(data)));
    const h = new binding.Hmac(kHashNames[key[kAlgorithm].hash.name], key[kKeyObject][kKeyData]);
    h.update(bytes(data));
    return toArrayBuffer(h.digest());
  },

  async verify(algorithm, key, signature, data) {
    algorithm = normalize(algorithm);
    checkAlgorithm(key, algorithm);
    checkUsage(key, 'verify');
    if (algorithm.name !== 'HMAC') return asymmetricVerify(algorithm, key, bytes(signature, 'signature'), bytes(data));
    const h = new binding.Hmac(kHashNames[key[kAlgorithm].hash.name], key[kKeyObject][kKeyData]);
    h.update(bytes(data));
    const mac = h.digest();
    const sig = bytes(signature, 'signature');
    return sig.length === mac.length && binding.timingSafeEqual(sig, mac);
  },

  async encrypt(algorithm, key, data) {
    algorithm = normalize(algorithm);
    checkAlgorithm(key, algorithm);
    checkUsage(key, 'encrypt');
    if (algorithm.name === 'RSA-OAEP') return rsaOaep(true, algorithm, key, bytes(data));
    return aes(true, algorithm, key, data);
  },

  async decrypt(algorithm, key, data) {
    algorithm = normalize(algorithm);
    checkAlgorithm(key, algorithm);
    checkUsage(key, 'decrypt');
    if (algorithm.name === 'RSA-OAEP') return rsaOaep(false, algorithm, key, bytes(data));
    return aes(false, algorithm, key, data);
  },

  async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    wrapAlgorithm = normalize(wrapAlgorithm);
    checkAlgorithm(wrappingKey, wrapAlgorithm);
    checkUsage(wrappingKey, 'wrapKey');
    let exported = await methods.exportKey(format, key);
    exported = format === 'jwk' ? Buffer.from(JSON.stringify(exported)) : Buffer.from(exported);
    return wrapCipher(true, wrapAlgorithm, wrappingKey, exported);
  },

  async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable,
                  keyUsages) {
    unwrapAlgorithm = normalize(unwrapAlgorithm);
    checkAlgorithm(unwrappingKey, unwrapAlgorithm);
    checkUsage(unwrappingKey, 'unwrapKey');
    const raw = Buffer.from(wrapCipher(false, unwrapAlgorithm, unwrappingKey, bytes(wrappedKey, 'wrappedKey')));
    let keyData = raw;
    if (format === 'jwk') {
      try {
        keyData = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new DOMException('Invalid wrapped JWK key', 'DataError');
      }
    }
    return methods.importKey(format, keyData, unwrappedKeyAlgorithm, extractable, keyUsages);
  },

  async deriveBits(algorithm, baseKey, length) {
    algorithm = normalize(algorithm);
    checkAlgorithm(baseKey, algorithm);
    checkUsage(baseKey, 'deriveBits');
    return deriveBitsCb(algorithm, baseKey, length);
  },

  async deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
    algorithm = normalize(algorithm);
    derivedKeyAlgorithm = normalize(derivedKeyAlgorithm);
    checkAlgorithm(baseKey, algorithm);
    checkUsage(baseKey, 'deriveKey');
    let length = derivedKeyAlgorithm.length;
    if (length === undefined && derivedKeyAlgorithm.name === 'HMAC') {
      length = kHashLengths[derivedKeyAlgorithm.hash.name];
    }
    const bits = await deriveBitsCb(algorithm, baseKey, length);
    return importSecret('raw', bits, derivedKeyAlgorithm, extractable, [...keyUsages]);
  },
};

module.exports = { CryptoKey, keyObjectOf, methods };
