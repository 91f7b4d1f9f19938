'use strict';
// Operations on asymmetric keys: generateKeyPair(Sync), sign/verify (one-shot and the
// Sign/Verify streams), RSA encryption, diffieHellman and ECDH.

const { Buffer } = require('buffer');
const { Writable } = require('stream');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_CRYPTO_INVALID_DIGEST, ERR_CRYPTO_SIGN_KEY_REQUIRED,
  },
} = require('internal/errors');
const {
  validateFunction, validateInt32, validateObject, validateString, validateUint32,
} = require('internal/validators');
const { codedError, encode, getArrayBufferOrView, isArrayBufferView } = require('internal/crypto/util');
const keys = require('internal/crypto/keys');

const kTypes = ['rsa', 'rsa-pss', 'ec', 'ed25519', 'ed448', 'x25519', 'x448'];

function keyGenArgs(type, options) {
  validateString(type, 'type');
  if (!kTypes.includes(type)) {
    throw new ERR_INVALID_ARG_VALUE('type', type, `must be a supported key type`);
  }
  if (options !== undefined) validateObject(options, 'options');
  const o = options || {};
  const native = {};
  if (type === 'rsa' || type === 'rsa-pss') {
    validateUint32(o.modulusLength, 'options.modulusLength');
    native.modulusLength = o.modulusLength;
    if (o.publicExponent !== undefined) {
      validateUint32(o.publicExponent, 'options.publicExponent');
      native.publicExponent = o.publicExponent;
    }
    if (type === 'rsa-pss') Object.assign(native, pssKeyGenArgs(o));
  } else if (type === 'ec') {
    validateString(o.namedCurve, 'options.namedCurve');
    native.namedCurve = o.namedCurve;
  }
  for (const which of ['publicKeyEncoding', 'privateKeyEncoding']) {
    const encoding = o[which];
    if (encoding === undefined) continue;
    if (encoding === null || typeof encoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE(`options.${which}`, encoding);
    }
    // Checked before any work, as Node does.
    keys.parseKeyEncoding(encoding, `options.${which}`, which === 'publicKeyEncoding', type);
  }
  return native;
}

// RSA-PSS restrictions; as in Node, the MGF1 digest defaults to the hash and the salt to the
// hash's size.
function pssKeyGenArgs(o) {
  const native = {};
  const hash = o.hashAlgorithm !== undefined ? o.hashAlgorithm : o.hash;
  const mgf1 = o.mgf1HashAlgorithm !== undefined ? o.mgf1HashAlgorithm : o.mgf1Hash;
  let hashSize;
  if (hash !== undefined) {
    validateString(hash, o.hashAlgorithm !== undefined ? 'options.hashAlgorithm' : 'options.hash');
    hashSize = binding.digestInfo(hash);
    if (hashSize < 0) throw new ERR_CRYPTO_INVALID_DIGEST(hash);
    native.hashAlgorithm = hash;
  }
  if (mgf1 !== undefined) {
    validateString(mgf1, o.mgf1HashAlgorithm !== undefined ? 'options.mgf1HashAlgorithm' : 'options.mgf1Hash');
    if (binding.digestInfo(mgf1) < 0) {
      throw codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid MGF1 digest: ${mgf1}`);
    }
  }
  if (mgf1 !== undefined || hash !== undefined) native.mgf1HashAlgorithm = mgf1 !== undefined ? mgf1 : hash;
  if (o.saltLength !== undefined) {
    validateInt32(o.saltLength, 'options.saltLength', 0);
    native.saltLength = o.saltLength;
  } else if (hashSize !== undefined) {
    native.saltLength = hashSize;
  }
  return native;
}

function encodePair([pub, priv], options) {
  const o = options || {};
  const publicKey = keys.wrapHandle(pub, false);
  const privateKey = keys.wrapHandle(priv, true);
  return {
    publicKey: o.publicKeyEncoding ?
      keys.exportAsymmetric(publicKey, o.publicKeyEncoding, 'options.publicKeyEncoding') : publicKey,
    privateKey: o.privateKeyEncoding ?
      keys.exportAsymmetric(privateKey, o.privateKeyEncoding, 'options.privateKeyEncoding') : privateKey,
  };
}

function curveError(err) {
  if (err && err.code === 'ERR_CRYPTO_INVALID_CURVE') return codedError(TypeError, err.code, err.message);
  return err;
}

function generateKeyPairSync(type, options) {
  const native = keyGenArgs(type, options);
  try {
    return encodePair(binding.generateKeyPair(type, native), options);
  } catch (err) {
    throw curveError(err);
  }
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const native = keyGenArgs(type, options);
  binding.generateKeyPair(type, native, (err, pair) => {
    if (err) return callback(curveError(err));
    let result;
    try {
      result = encodePair(pair, options);
    } catch (e) {
      return callback(e);
    }
    callback(null, result.publicKey, result.privateKey);
  });
}

// Options that ride along with a key argument: { key, padding, saltLength, dsaEncoding }.
function sigOptions(key) {
  let padding;
  let saltLength;
  let p1363 = false;
  if (key !== null && typeof key === 'object' && !(key instanceof keys.KeyObject) && !isArrayBufferView(key)) {
    if (key.padding !== undefined) padding = key.padding;
    if (key.saltLength !== undefined) saltLength = key.saltLength;
    if (key.dsaEncoding !== undefined) {
      if (key.dsaEncoding !== 'der' && key.dsaEncoding !== 'ieee-p1363') {
        throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', key.dsaEncoding);
      }
      p1363 = key.dsaEncoding === 'ieee-p1363';
    }
  }
  return { padding, saltLength, p1363 };
}

function checkDigest(algorithm) {
  if (algorithm !== null && algorithm !== undefined && binding.digestInfo(algorithm) < 0) {
    throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  }
}

// Argument checks happen first and throw; the signature itself runs as `run` (so that the
// callback forms report only its failures to the callback, as Node does).
function prepareSign(algorithm, key) {
  if (key === undefined || key === null) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  checkDigest(algorithm);
  const handle = keys.prepareAsymmetricKey(key, true);
  const o = sigOptions(key);
  return (data) => binding.sign(handle, algorithm, data, o.padding, o.saltLength, o.p1363);
}

function prepareVerify(algorithm, key) {
  checkDigest(algorithm);
  const handle = keys.prepareAsymmetricKey(key, false);
  const o = sigOptions(key);
  return (data, signature) =>
    binding.verify(handle, algorithm, data, signature, o.padding, o.saltLength, o.p1363);
}

function runWithCallback(run, callback) {
  if (callback === undefined) return run();
  let result;
  try {
    result = run();
  } catch (err) {
    process.nextTick(callback, err);
    return;
  }
  process.nextTick(callback, null, result);
}

function sign(algorithm, data, key, callback) {
  if (algorithm !== null && algorithm !== undefined) validateString(algorithm, 'algorithm');
  data = getArrayBufferOrView(data, 'data');
  if (callback !== undefined) validateFunction(callback, 'callback');
  const run = prepareSign(algorithm, key);
  return runWithCallback(() => run(data), callback);
}

function verify(algorithm, data, key, signature, callback) {
  if (algorithm !== null && algorithm !== undefined) validateString(algorithm, 'algorithm');
  data = getArrayBufferOrView(data, 'data');
  signature = checkSignature(signature);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const run = prepareVerify(algorithm, key);
  return runWithCallback(() => run(data, signature), callback);
}

function checkSignature(signature) {
  if (!isArrayBufferView(signature)) {
    throw new ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }
  return signature;
}

// Sign and Verify buffer what they are given (EVP's one-shot signature APIs, which Ed25519
// needs) and sign it at the end.
const kChunks = Symbol('kChunks');
const kAlgorithm = Symbol('kAlgorithm');

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  initSignVerify(this, algorithm, options);
}

function initSignVerify(self, algorithm, options) {
  validateString(algorithm, 'algorithm');
  if (binding.digestInfo(algorithm) < 0) {
    throw codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
  }
  self[kAlgorithm] = algorithm;
  self[kChunks] = [];
  Writable.call(self, options);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);

Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

// A Sign or Verify is spent once it has signed or verified.
function takeChunks(self) {
  const chunks = self[kChunks];
  if (chunks === null) throw codedError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Not initialised');
  return chunks;
}

Sign.prototype.update = function update(data, encoding) {
  const chunks = takeChunks(this);
  if (typeof data === 'string') data = Buffer.from(data, encoding);
  else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  chunks.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return this;
};

Sign.prototype.sign = function signMethod(privateKey, outputEncoding) {
  const run = prepareSign(this[kAlgorithm], privateKey);
  const data = Buffer.concat(takeChunks(this));
  this[kChunks] = null;
  return encode(run(data), outputEncoding);
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  initSignVerify(this, algorithm, options);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);
Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;
Verify.prototype.verify = function verifyMethod(object, signature, sigEncoding) {
  if (typeof signature === 'string') signature = Buffer.from(signature, sigEncoding);
  const run = prepareVerify(this[kAlgorithm], object);
  const data = Buffer.concat(takeChunks(this));
  this[kChunks] = null;
  return run(data, checkSignature(signature));
};

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;

function rsaCipher(mode, defaultPadding, wantPrivate) {
  return function(key, buffer) {
    buffer = getArrayBufferOrView(buffer, 'buffer');
    const handle = keys.prepareAsymmetricKey(key, wantPrivate);
    let padding = defaultPadding;
    let oaepHash = null;
    let oaepLabel = null;
    if (key !== null && typeof key === 'object' && !(key instanceof keys.KeyObject) && !isArrayBufferView(key)) {
      if (key.padding !== undefined) padding = key.padding;
      if (key.oaepHash !== undefined) {
        validateString(key.oaepHash, 'key.oaepHash');
        oaepHash = key.oaepHash;
      }
      if (key.oaepLabel !== undefined) oaepLabel = getArrayBufferOrView(key.oaepLabel, 'key.oaepLabel');
    }
    if (mode === 1 && padding === RSA_PKCS1_PADDING) {
      // Node 20 refuses PKCS#1 v1.5 decryption (the Marvin attack, CVE-2023-46809).
      throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
                       'RSA_PKCS1_PADDING is no longer supported for private decryption, this can be ' +
                       'reverted with --security-revert=CVE-2023-46809');
    }
    return binding.cipherAsym(handle, buffer, mode, padding, oaepHash, oaepLabel);
  };
}

const publicEncrypt = rsaCipher(0, RSA_PKCS1_OAEP_PADDING, false);
const privateDecrypt = rsaCipher(1, RSA_PKCS1_OAEP_PADDING, true);
const privateEncrypt = rsaCipher(2, RSA_PKCS1_PADDING, true);
const publicDecrypt = rsaCipher(3, RSA_PKCS1_PADDING, false);

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof keys.KeyObject)) {
    throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  }
  if (!(publicKey instanceof keys.KeyObject)) {
    throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  }
  if (privateKey.type !== 'private') {
    throw codedError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
                     `Invalid key object type ${privateKey.type}, expected private.`);
  }
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw codedError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
                     `Invalid key object type ${publicKey.type}, expected private or public.`);
  }
  const a = privateKey.asymmetricKeyType;
  const b = publicKey.asymmetricKeyType;
  if (a !== b || !['dh', 'ec', 'x25519', 'x448'].includes(a)) {
    throw codedError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY',
                     `Incompatible key types for Diffie-Hellman: ${a} and ${b}`);
  }
  return binding.deriveShared(privateKey[keys.kHandle], publicKey[keys.kHandle]);
}

// ECDH on a named curve, keys as raw points and scalars.
const kFormats = { compressed: 2, uncompressed: 4, hybrid: 6 };
function pointForm(format) {
  if (format === undefined) return 4;
  const f = kFormats[format];
  if (f === undefined) {
    throw codedError(TypeError, 'ERR_CRYPTO_ECDH_INVALID_FORMAT', `Invalid ECDH format: ${format}`);
  }
  return f;
}

function operationFailed(message) {
  return codedError(Error, 'ERR_CRYPTO_OPERATION_FAILED', message);
}

// A public point of `curve` as a native key, or Node's error for bytes that are not one.
function ecPublicKey(curve, point) {
  try {
    return binding.ecKeyFromRaw(curve, null, point);
  } catch (err) {
    if (err.code === 'ERR_CRYPTO_INVALID_CURVE') throw codedError(TypeError, err.code, err.message);
    throw operationFailed('Failed to convert Buffer to EC_POINT');
  }
}

function checkCurve(curve) {
  validateString(curve, 'curve');
  // Fail now on an unknown curve, as Node does.
  try {
    binding.generateKeyPair('ec', { namedCurve: curve });
  } catch {
    throw codedError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
  }
}

class ECDH {
  constructor(curve) {
    checkCurve(curve);
    this.curve = curve;
    this.key = undefined;
  }

  // ECDH.convertKey(key, curve[, inputEncoding[, outputEncoding[, format]]]): a point re-encoded.
  static convertKey(key, curve, inputEncoding, outputEncoding, format) {
    validateString(curve, 'curve');
    key = getArrayBufferOrView(key, 'key', inputEncoding);
    const form = pointForm(format);
    return encode(ecPublicKey(curve, key).ecPoint(form), outputEncoding);
  }

  generateKeys(encoding, format) {
    this.key = binding.generateKeyPair('ec', { namedCurve: this.curve })[1];
    return this.getPublicKey(encoding, format);
  }

  getPublicKey(encoding, format) {
    const form = pointForm(format);
    if (this.key === undefined) throw operationFailed('Failed to get ECDH public key');
    return encode(this.key.ecPoint(form), encoding);
  }

  getPrivateKey(encoding) {
    if (this.key === undefined || !this.key.details().private) {
      throw operationFailed('Failed to get ECDH private key');
    }
    return encode(this.key.ecPrivate(), encoding);
  }

  setPrivateKey(key, encoding) {
    key = getArrayBufferOrView(key, 'key', encoding);
    try {
      this.key = binding.ecKeyFromRaw(this.curve, key, null);
    } catch (err) {
      throw codedError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', err.message);
    }
  }

  // Deprecated in Node, still there: replaces the key pair by a public point alone.
  setPublicKey(key, encoding) {
    key = getArrayBufferOrView(key, 'key', encoding);
    this.key = ecPublicKey(this.curve, key);
  }

  computeSecret(key, inputEncoding, outputEncoding) {
    key = getArrayBufferOrView(key, 'key', inputEncoding);
    if (this.key === undefined) {
      throw codedError(RangeError, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair');
    }
    if (!this.key.details().private) throw operationFailed('Failed to compute ECDH key');
    let peer;
    try {
      peer = binding.ecKeyFromRaw(this.curve, null, key);
    } catch {
      throw codedError(Error, 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve');
    }
    return encode(binding.deriveShared(this.key, peer), outputEncoding);
  }
}

function createECDH(curve) {
  return new ECDH(curve);
}

function getCurves() {
  return ['Oakley-EC2N-3', 'Oakley-EC2N-4', 'SM2', 'brainpoolP160r1', 'brainpoolP160t1', 'brainpoolP192r1',
          'brainpoolP192t1', 'brainpoolP224r1', 'brainpoolP224t1', 'brainpoolP256r1', 'brainpoolP256t1',
          'brainpoolP320r1', 'brainpoolP320t1', 'brainpoolP384r1', 'brainpoolP384t1', 'brainpoolP512r1',
          'brainpoolP512t1', 'prime192v1', 'prime192v2', 'prime192v3', 'prime239v1', 'prime239v2',
          'prime239v3', 'prime256v1', 'secp112r1', 'secp112r2', 'secp128r1', 'secp128r2', 'secp160k1',
          'secp160r1', 'secp160r2', 'secp192k1', 'secp224k1', 'secp224r1', 'secp256k1', 'secp384r1',
          'secp521r1'];
}

module.exports = {
  ECDH,
  Sign,
  Verify,
  createECDH,
  createSign: (algorithm, options) => new Sign(algorithm, options),
  createVerify: (algorithm, options) => new Verify(algorithm, options),
  diffieHellman,
  generateKeyPair,
  generateKeyPairSync,
  getCurves,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  sign,
  verify,
};
