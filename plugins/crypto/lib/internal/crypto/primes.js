'use strict';
// generatePrime(Sync) and checkPrime(Sync): big-endian bytes in and out, or bigints.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateInt32, validateObject, validateUint32 } =
  require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/crypto/util');

function bigintToBuffer(n) {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex');
}

function toBytes(v, name) {
  if (v === undefined) return null;
  if (typeof v === 'bigint') return bigintToBuffer(v);
  if (isAnyArrayBuffer(v)) return Buffer.from(v);
  if (isArrayBufferView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  throw new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'], v);
}

function primeArgs(size, options) {
  validateInt32(size, 'size', 1);
  if (options === undefined) options = {};
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  const add = toBytes(options.add, 'options.add');
  const rem = toBytes(options.rem, 'options.rem');
  if (add !== null && add.length * 8 > size + 8 && BigInt(`0x${add.toString('hex')}`) >= 2n ** BigInt(size)) {
    throw new ERR_OUT_OF_RANGE('options.add', `<= ${size}`, add.length * 8);
  }
  return { add, rem, safe, bigint };
}

function result(buf, bigint) {
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return bigint ? BigInt(`0x${buf.toString('hex')}`) : ab;
}

function generatePrimeSync(size, options) {
  const a = primeArgs(size, options);
  return result(binding.generatePrime(size, a.safe, a.add, a.rem), a.bigint);
}

function generatePrime(size, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const a = primeArgs(size, options);
  binding.generatePrime(size, a.safe, a.add, a.rem, (err, buf) => {
    if (err) return callback(err);
    callback(undefined, result(buf, a.bigint));
  });
}

function checkArgs(candidate, options) {
  if (typeof candidate === 'bigint') candidate = bigintToBuffer(candidate);
  else if (isAnyArrayBuffer(candidate)) candidate = Buffer.from(candidate);
  else if (!isArrayBufferView(candidate)) {
    throw new ERR_INVALID_ARG_TYPE('candidate', ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'],
                                   candidate);
  }
  if (options === undefined) options = {};
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateUint32(checks, 'options.checks');
  return { candidate, checks };
}

function checkPrimeSync(candidate, options) {
  const a = checkArgs(candidate, options);
  return binding.checkPrime(a.candidate, a.checks);
}

function checkPrime(candidate, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const a = checkArgs(candidate, options);
  binding.checkPrime(a.candidate, a.checks, (err, answer) => {
    if (err) return callback(err);
    callback(undefined, answer);
  });
}

module.exports = { checkPrime, checkPrimeSync, generatePrime, generatePrimeSync };
