'use strict';
// KeyObject and the secret-key half of key handling: createSecretKey and the conversion every
// keyed API applies to its key argument.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateObject, validateString } = require('internal/validators');
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
    // (asymmetric keys keep their native handle as key data)
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
      throw new ERR_INVALID_ARG_VALUE('options.format', options.format,
                                      "must be one of: undefined, 'buffer', 'jwk'");
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


const kHandle = Symbol('kHandle');

// OpenSSL's digest name ('SHA2-256', 'SHA2-512/256') as Node names it ('sha256', 'sha512-256').
function digestName(name = 'SHA1') {
  return name.toLowerCase().replace(/^sha2-/, 'sha').replace('/', '-');
}

class AsymmetricKeyObject extends KeyObject {
  constructor(type, handle) {
    super(type, handle);
    this[kHandle] = handle;
  }

  get asymmetricKeyType() {
    return this[kHandle].details().type;
  }

  get asymmetricKeyDetails() {
    const d = this[kHandle].details();
    const out = {};
    if (d.modulusLength !== undefined) out.modulusLength = d.modulusLength;
    if (d.publicExponent !== undefined) {
      out.publicExponent = BigInt(`0x${d.publicExponent.toString('hex') || '0'}`);
    }
    if (d.saltLength !== undefined) {
      // A restricted RSA-PSS key: OpenSSL leaves out the digests that are the default (SHA-1).
      out.hashAlgorithm = digestName(d.hashAlgorithm);
      out.mgf1HashAlgorithm = digestName(d.mgf1HashAlgorithm);
      out.saltLength = d.saltLength;
    }
    if (d.namedCurve !== undefined) out.namedCurve = d.namedCurve;
    return out;
  }

  export(options) {
    if (options === undefined || options === null || typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    return exportAsymmetric(this, options, 'options');
  }
}

// Which key types each type-specific structure fits, as Node words it.
const kStructureKeyTypes = { pkcs1: ['rsa', 'RSA'], sec1: ['ec', 'EC'] };

// Checks a key encoding ({ format, type, cipher, passphrase }) for a key of `keyType`, public
// or private; `name` is the options' name in error messages ('options',
// 'options.privateKeyEncoding'). Returns what the native export needs, or null for a JWK.
function parseKeyEncoding(options, name, isPublic, keyType) {
  const { format = 'pem' } = options;
  if (format === 'jwk') return null;
  if (format !== 'pem' && format !== 'der') {
    throw new ERR_INVALID_ARG_VALUE(`${name}.format`, format);
  }
  const type = options.type;
  const allowed = isPublic ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!allowed.includes(type)) throw new ERR_INVALID_ARG_VALUE(`${name}.type`, type);
  const fits = kStructureKeyTypes[type];
  if (fits !== undefined && keyType !== fits[0]) {
    throw codedError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
                     `The selected key encoding ${type} can only be used for ${fits[1]} keys.`);
  }
  let cipher;
  let passphrase;
  if (!isPublic && options.cipher !== undefined) {
    if (typeof options.cipher !== 'string') {
      throw new ERR_INVALID_ARG_VALUE(`${name}.cipher`, options.cipher);
    }
    if (format === 'der' && type !== 'pkcs8') {
      throw codedError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
                       `The selected key encoding ${type} does not support encryption.`);
    }
    const p = options.passphrase;
    if (typeof p !== 'string' && !isAnyArrayBuffer(p) && !isArrayBufferView(p)) {
      throw new ERR_INVALID_ARG_VALUE(`${name}.passphrase`, p);
    }
    if (binding.cipherInfo(options.cipher) === undefined) {
      throw codedError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
    }
    cipher = options.cipher;
    passphrase = toKeyBytes(p, options.encoding, `${name}.passphrase`);
  }
  return { format, type, cipher, passphrase };
}

// key.export() and generateKeyPair's publicKeyEncoding/privateKeyEncoding.
function exportAsymmetric(key, options, name) {
  const isPublic = key.type === 'public';
  const e = parseKeyEncoding(options, name, isPublic, key.asymmetricKeyType);
  if (e === null) return exportJwk(key);
  return key[kHandle].export(e.format, e.type, isPublic, e.cipher, e.passphrase);
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }
}

const kCurveNames = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521', secp256k1: 'secp256k1' };
const kOkpNames = { ed25519: 'Ed25519', ed448: 'Ed448', x25519: 'X25519', x448: 'X448' };

function exportJwk(key) {
  const d = key[kHandle].details();
  const p = key[kHandle].jwk();
  const b = (buf) => buf.toString('base64url');
  if (d.type === 'rsa') {
    const jwk = { kty: 'RSA', n: b(p.n), e: b(p.e) };
    if (key.type === 'private') {
      Object.assign(jwk, { d: b(p.d), p: b(p.p), q: b(p.q), dp: b(p.dp), dq: b(p.dq), qi: b(p.qi) });
    }
    return jwk;
  }
  if (d.type === 'ec') {
    const crv = kCurveNames[d.namedCurve];
    if (crv === undefined) {
      throw codedError(Error, 'ERR_CRYPTO_JWK_UNSUPPORTED_CURVE', `Unsupported JWK EC curve: ${d.namedCurve}.`);
    }
    const jwk = { kty: 'EC', x: b(p.x), y: b(p.y), crv };
    if (key.type === 'private') jwk.d = b(p.d);
    return jwk;
  }
  if (kOkpNames[d.type] !== undefined) {
    // Node's member order: crv, d, x, kty.
    if (key.type === 'private') return { crv: kOkpNames[d.type], d: b(p.d), x: b(p.x), kty: 'OKP' };
    return { crv: kOkpNames[d.type], x: b(p.x), kty: 'OKP' };
  }
  throw codedError(Error, 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.');
}

// The JWK members each key type needs, public ones first, checked in Node's order.
const kJwkMembers = {
  RSA: [['n', 'e'], ['d', 'p', 'q', 'dp', 'dq', 'qi']],
  EC: [['x', 'y'], ['d']],
  OKP: [['x'], ['d']],
};
const kJwkCurves = {
  EC: ['P-256', 'secp256k1', 'P-384', 'P-521'],
  OKP: ['Ed25519', 'Ed448', 'X25519', 'X448'],
};
const kJwkInvalid = { RSA: 'Invalid JWK RSA key', EC: 'Invalid JWK EC key', OKP: 'Invalid JWK data' };

function importJwk(jwk, wantPrivate) {
  validateObject(jwk, 'key.key');
  if (jwk.kty === 'oct') {
    return new SecretKeyObject(Buffer.from(jwk.k, 'base64url'));
  }
  const kty = jwk.kty;
  if (!Object.prototype.hasOwnProperty.call(kJwkMembers, kty)) {
    throw new ERR_INVALID_ARG_VALUE('key.kty', kty, 'must be one of: \'RSA\', \'EC\', \'OKP\'');
  }
  const curves = kJwkCurves[kty];
  if (curves !== undefined && !curves.includes(jwk.crv)) {
    throw new ERR_INVALID_ARG_VALUE('key.crv', jwk.crv,
                                    `must be one of: ${curves.map((c) => `'${c}'`).join(', ')}`);
  }
  const [publicMembers, privateMembers] = kJwkMembers[kty];
  const names = wantPrivate ? [...publicMembers, ...privateMembers] : publicMembers;
  const params = {};
  for (const name of names) {
    validateString(jwk[name], `key.${name}`);
    params[name] = Buffer.from(jwk[name], 'base64url');
  }
  let handle;
  try {
    handle = binding.fromJwk(kty, jwk.crv, params, wantPrivate);
  } catch {
    throw codedError(TypeError, 'ERR_CRYPTO_INVALID_JWK', kJwkInvalid[kty]);
  }
  return wantPrivate ? new PrivateKeyObject(handle) : new PublicKeyObject(handle);
}

// The (data, format, type, passphrase) a key argument describes.
function keyInput(key, name) {
  if (typeof key === 'string' || isArrayBufferView(key) || isAnyArrayBuffer(key)) {
    return { data: key, format: 'pem' };
  }
  if (key === null || typeof key !== 'object') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'object'], key);
  }
  const { key: data, format = 'pem', type, passphrase, encoding } = key;
  return { data, format, type, passphrase, encoding, isObject: true };
}

function parseAsymmetric(key, wantPrivate, name) {
  if (key instanceof KeyObject) return key;
  if (key !== null && typeof key === 'object' && key.key instanceof KeyObject) return key.key;
  if (key !== null && typeof key === 'object' && key.constructor && key.constructor.name === 'CryptoKey') {
    return KeyObject.from(key);
  }
  const input = keyInput(key, name);
  if (input.format === 'jwk') return importJwk(input.data, wantPrivate);
  if (input.format !== 'pem' && input.format !== 'der') {
    throw new ERR_INVALID_ARG_VALUE(`${name}.format`, input.format);
  }
  let data = input.data;
  if (typeof data === 'string') data = Buffer.from(data, input.encoding === 'buffer' ? 'utf8' : input.encoding);
  else if (isAnyArrayBuffer(data)) data = Buffer.from(data);
  else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(`${name}.key`, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (input.format === 'der' && input.type === undefined) {
    throw new ERR_INVALID_ARG_VALUE('options.type', undefined);
  }
  let passphrase;
  if (input.passphrase !== undefined && input.passphrase !== null) {
    passphrase = toKeyBytes(input.passphrase, input.encoding, `${name}.passphrase`);
  }
  let handle;
  try {
    handle = binding.parseKey(data, input.format, input.type, wantPrivate, passphrase);
  } catch (err) {
    throw err;
  }
  return handle;
}

function createPrivateKey(key) {
  const parsed = parseAsymmetric(key, true, 'key');
  if (parsed instanceof KeyObject) {
    if (parsed.type !== 'private') {
      throw codedError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
                       `Invalid key object type ${parsed.type}, expected private.`);
    }
    return parsed;
  }
  return new PrivateKeyObject(parsed);
}

function createPublicKey(key) {
  const parsed = parseAsymmetric(key, false, 'key');
  if (parsed instanceof KeyObject) {
    if (parsed.type === 'secret') {
      throw codedError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
                       'Invalid key object type secret, expected private.');
    }
    if (parsed.type === 'private') return new PublicKeyObject(parsed[kHandle].publicOnly());
    return parsed;
  }
  return new PublicKeyObject(parsed.details().private ? parsed.publicOnly() : parsed);
}

// The native key behind a key argument of sign/verify/publicEncrypt..., public or private.
function prepareAsymmetricKey(key, wantPrivate) {
  const parsed = parseAsymmetric(key, wantPrivate, 'key');
  if (parsed instanceof KeyObject) {
    if (parsed.type === 'secret') {
      throw codedError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
                       `Invalid key object type secret, expected ${wantPrivate ? 'private' : 'public'}.`);
    }
    if (wantPrivate && parsed.type !== 'private') {
      throw codedError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
                       'Invalid key object type public, expected private.');
    }
    return parsed[kHandle];
  }
  return parsed;
}

function wrapHandle(handle, isPrivate) {
  return isPrivate ? new PrivateKeyObject(handle) : new PublicKeyObject(handle);
}

module.exports = {
  AsymmetricKeyObject,
  KeyObject,
  PrivateKeyObject,
  PublicKeyObject,
  createPrivateKey,
  createPublicKey,
  exportJwk,
  importJwk,
  kHandle,
  prepareAsymmetricKey,
  wrapHandle,
  SecretKeyObject,
  createSecretKey,
  exportAsymmetric,
  kKeyData,
  parseKeyEncoding,
  kKeyType,
  prepareSecretKey,
  toKeyBytes,
};
