'use strict';
// Node's crypto module on OpenSSL 3: the public surface, assembled from internal/crypto/*.

const {
  codes: { ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/crypto/util');
const { Hash, Hmac, hash } = require('internal/crypto/hash');
const random = require('internal/crypto/random');
const kdf = require('internal/crypto/kdf');
const cipher = require('internal/crypto/cipher');
const keys = require('internal/crypto/keys');
const primes = require('internal/crypto/primes');
const { codedError } = require('internal/crypto/util');
const { validateFunction, validateObject, validateString } = require('internal/validators');
const asym = require('internal/crypto/asymmetric');

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

function timingSafeEqual(buf1, buf2) {
  for (const [name, b] of [['buf1', buf1], ['buf2', buf2]]) {
    if (!isAnyArrayBuffer(b) && !isArrayBufferView(b)) {
      throw new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], b);
    }
  }
  if (buf1.byteLength !== buf2.byteLength) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return binding.timingSafeEqual(buf1, buf2);
}

// generateKey(Sync): secret keys for 'hmac' (8..2^31-1 bits) and 'aes' (128, 192, 256).
function generateKeySync(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') {
    if (!Number.isInteger(length) || length < 8 || length > 2 ** 31 - 1) {
      throw new ERR_OUT_OF_RANGE('options.length', '>= 8 && <= 2147483647', length);
    }
  } else if (type === 'aes') {
    if (![128, 192, 256].includes(length)) {
      throw new ERR_INVALID_ARG_VALUE('options.length', length, 'must be one of: 128, 192, 256');
    }
  } else {
    throw new ERR_INVALID_ARG_VALUE('type', type, "must be a supported key type");
  }
  return keys.createSecretKey(random.randomBytes(Math.floor(length / 8)));
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const key = generateKeySync(type, options);
  process.nextTick(callback, null, key);
}

let hashesCache;
function getHashes() {
  if (hashesCache === undefined) hashesCache = binding.getHashes();
  return hashesCache.slice();
}

let ciphersCache;
function getCiphers() {
  if (ciphersCache === undefined) ciphersCache = binding.getCiphers();
  return ciphersCache.slice();
}

const constants = Object.freeze({
  __proto__: null,
  OPENSSL_VERSION_NUMBER: binding.opensslVersionNumber,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:' +
    'DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:' +
    'DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  TLS1_VERSION: 769,
  TLS1_1_VERSION: 770,
  TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
});

module.exports = {
  Hash,
  Hmac,
  Cipheriv: cipher.Cipheriv,
  Decipheriv: cipher.Decipheriv,
  KeyObject: keys.KeyObject,
  ECDH: asym.ECDH,
  DiffieHellman: require('internal/crypto/diffiehellman').DiffieHellman,
  DiffieHellmanGroup: require('internal/crypto/diffiehellman').DiffieHellmanGroup,
  createDiffieHellman: require('internal/crypto/diffiehellman').createDiffieHellman,
  createDiffieHellmanGroup: require('internal/crypto/diffiehellman').getDiffieHellman,
  getDiffieHellman: require('internal/crypto/diffiehellman').getDiffieHellman,
  X509Certificate: require('internal/crypto/x509').X509Certificate,
  Sign: asym.Sign,
  Verify: asym.Verify,
  constants,
  createECDH: asym.createECDH,
  createPrivateKey: keys.createPrivateKey,
  createPublicKey: keys.createPublicKey,
  createSign: asym.createSign,
  createVerify: asym.createVerify,
  diffieHellman: asym.diffieHellman,
  generateKeyPair: asym.generateKeyPair,
  generateKeyPairSync: asym.generateKeyPairSync,
  getCurves: asym.getCurves,
  privateDecrypt: asym.privateDecrypt,
  privateEncrypt: asym.privateEncrypt,
  publicDecrypt: asym.publicDecrypt,
  publicEncrypt: asym.publicEncrypt,
  sign: asym.sign,
  verify: asym.verify,
  createCipheriv: cipher.createCipheriv,
  createDecipheriv: cipher.createDecipheriv,
  createHash,
  createHmac,
  createSecretKey: keys.createSecretKey,
  getCipherInfo: cipher.getCipherInfo,
  getCiphers,
  getHashes,
  getRandomValues: random.getRandomValues,
  getFips() {
    return 0;
  },
  hash,
  hkdf: kdf.hkdf,
  hkdfSync: kdf.hkdfSync,
  pbkdf2: kdf.pbkdf2,
  pbkdf2Sync: kdf.pbkdf2Sync,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  checkPrime: primes.checkPrime,
  checkPrimeSync: primes.checkPrimeSync,
  generatePrime: primes.generatePrime,
  generatePrimeSync: primes.generatePrimeSync,
  generateKey,
  generateKeySync,
  secureHeapUsed() {
    return { total: 0, used: 0, utilization: 0, min: 0 };
  },
  setEngine() {
    throw codedError(Error, 'ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED', 'Custom engines not supported by this OpenSSL');
  },
  setFips(enable) {
    if (enable) throw codedError(Error, 'ERR_CRYPTO_FIPS_FORCED', 'Cannot set FIPS mode, it was forced with --force-fips at startup.');
  },
  scrypt: kdf.scrypt,
  scryptSync: kdf.scryptSync,
  timingSafeEqual,
};

// Optional parts load on first use, so `require('crypto')` for a hash stays cheap.
function lazy(name, load) {
  Object.defineProperty(module.exports, name, {
    configurable: true,
    enumerable: true,
    get() {
      const value = load();
      Object.defineProperty(module.exports, name, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(module.exports, name, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}
// Deprecated aliases of randomBytes, not enumerable (as in Node).
for (const name of ['prng', 'pseudoRandomBytes', 'rng']) {
  Object.defineProperty(module.exports, name, {
    value: random.randomBytes, writable: true, configurable: true, enumerable: false,
  });
}
lazy('webcrypto', () => require('internal/crypto/webcrypto').crypto);
lazy('subtle', () => require('internal/crypto/webcrypto').crypto.subtle);
