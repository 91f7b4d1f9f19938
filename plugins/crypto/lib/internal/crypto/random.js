'use strict';
// randomBytes, randomFill(Sync), randomInt, randomUUID and getRandomValues over OpenSSL's CSPRNG.
// Async forms fill on the thread pool.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateInteger, validateNumber, validateObject } =
  require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/crypto/util');

const kMaxInt32 = 2 ** 31 - 1;
const kMaxPossibleLength = Math.min(require('buffer').kMaxLength, kMaxInt32);

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function randomBytes(size, callback) {
  validateNumber(size, 'size', 0, kMaxPossibleLength);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.allocUnsafe(size);
  if (callback === undefined) {
    binding.randomFill(buf, 0, size);
    return buf;
  }
  binding.randomFill(buf, 0, size, (err) => {
    if (err) return callback(err);
    callback(null, buf);
  });
}

function checkBuf(buf) {
  if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

function randomFillSync(buf, offset = 0, size) {
  checkBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const byteLen = buf.byteLength;
  offset = assertOffset(offset, elementSize, byteLen);
  if (size === undefined) size = byteLen - offset;
  else size = assertSize(size, elementSize, offset, byteLen);
  if (size === 0) return buf;
  binding.randomFill(buf, offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  checkBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const byteLen = buf.byteLength;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = byteLen;
  } else if (typeof size === 'function') {
    validateFunction(size, 'callback');
    callback = size;
    offset = assertOffset(offset, elementSize, byteLen);
    size = byteLen - offset;
  } else {
    validateFunction(callback, 'callback');
    offset = assertOffset(offset, elementSize, byteLen);
    if (size === undefined) size = byteLen - offset;
    else size = assertSize(size, elementSize, offset, byteLen);
  }
  validateFunction(callback, 'callback');
  if (size === 0) {
    process.nextTick(callback, null, buf);
    return;
  }
  binding.randomFill(buf, offset, size, (err) => callback(err, err ? undefined : buf));
}

// randomInt draws 48-bit values from a cached block of random bytes and rejects the top
// partial range, so every value in [min, max) is equally likely.
const RAND_MAX = 0xFFFFFFFFFFFF;
let randomCache = Buffer.alloc(6 * 1024);
let randomCacheOffset = randomCache.length;
let asyncCacheFillInProgress = false;
const asyncCachePendingTasks = [];

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  }
  const randLimit = RAND_MAX - (RAND_MAX % range);
  while (isSync || randomCacheOffset < randomCache.length) {
    if (randomCacheOffset === randomCache.length) {
      binding.randomFill(randomCache, 0, randomCache.length);
      randomCacheOffset = 0;
    }
    const x = randomCache.readUIntBE(randomCacheOffset, 6);
    randomCacheOffset += 6;
    if (x < randLimit) {
      const n = (x % range) + min;
      if (isSync) return n;
      process.nextTick(callback, undefined, n);
      return;
    }
  }
  asyncCachePendingTasks.push({ min, max, callback });
  if (!asyncCacheFillInProgress) {
    asyncCacheFillInProgress = true;
    const fresh = Buffer.alloc(randomCache.length);
    binding.randomFill(fresh, 0, fresh.length, (err) => {
      asyncCacheFillInProgress = false;
      const tasks = asyncCachePendingTasks.splice(0);
      if (err) {
        for (const t of tasks) t.callback(err);
        return;
      }
      randomCache = fresh;
      randomCacheOffset = 0;
      for (const t of tasks) randomInt(t.min, t.max, t.callback);
    });
  }
}

// randomUUID: RFC 4122 version 4, from a cache of random bytes unless told not to.
let uuidCache;
let uuidOffset = 0;
const kHex = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  let b;
  let o;
  if (disableEntropyCache) {
    b = Buffer.allocUnsafe(16);
    binding.randomFill(b, 0, 16);
    o = 0;
  } else {
    if (uuidCache === undefined || uuidOffset === uuidCache.length) {
      if (uuidCache === undefined) uuidCache = Buffer.allocUnsafe(16 * 128);
      binding.randomFill(uuidCache, 0, uuidCache.length);
      uuidOffset = 0;
    }
    b = uuidCache;
    o = uuidOffset;
    uuidOffset += 16;
  }
  b[o + 6] = (b[o + 6] & 0x0f) | 0x40;
  b[o + 8] = (b[o + 8] & 0x3f) | 0x80;
  return kHex[b[o]] + kHex[b[o + 1]] + kHex[b[o + 2]] + kHex[b[o + 3]] + '-' +
    kHex[b[o + 4]] + kHex[b[o + 5]] + '-' + kHex[b[o + 6]] + kHex[b[o + 7]] + '-' +
    kHex[b[o + 8]] + kHex[b[o + 9]] + '-' + kHex[b[o + 10]] + kHex[b[o + 11]] +
    kHex[b[o + 12]] + kHex[b[o + 13]] + kHex[b[o + 14]] + kHex[b[o + 15]];
}

function getRandomValues(data) {
  const DOMException = require('internal/dom_exception');
  const tag = ArrayBuffer.isView(data) && !(data instanceof DataView) ?
    Object.prototype.toString.call(data).slice(8, -1) : '';
  if (!/^(?:Big)?(?:Ui|I)nt(?:8|16|32|64)(?:Clamped)?Array$/.test(tag) && tag !== 'Uint8ClampedArray') {
    throw new DOMException(
      'The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw new DOMException(
      'The requested length exceeds 65,536 bytes',
      'QuotaExceededError');
  }
  if (data.byteLength > 0) binding.randomFill(data, 0, data.byteLength);
  return data;
}

module.exports = {
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  validateInteger,
};
