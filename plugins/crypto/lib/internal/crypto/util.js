'use strict';
// Helpers shared by the crypto modules: turning Node's accepted inputs (strings with encodings,
// Buffers, TypedArrays, DataViews, ArrayBuffers) into bytes for the binding, errors that carry a
// code without a fixed message, and LazyTransform (a stream that builds its stream state only
// when used as one, so a Hash costs no more than its native context until piped).

const { Buffer } = require('buffer');
const Stream = require('stream');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}

function isAnyArrayBuffer(v) {
  return v instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer) ||
    Object.prototype.toString.call(v) === '[object ArrayBuffer]';
}

// data: string (in `encoding`) or an ArrayBuffer view; anything else is ERR_INVALID_ARG_TYPE.
function getArrayBufferOrView(data, name, encoding) {
  if (isAnyArrayBuffer(data)) return data;
  if (typeof data === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(data, encoding);
  }
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(
      name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return data;
}

function toBuffer(bytes) {
  if (Buffer.isBuffer(bytes)) return bytes;
  if (isAnyArrayBuffer(bytes)) return Buffer.from(bytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function byteLength(bytes) {
  return bytes.byteLength;
}

// An error of class Base with `code` and a message the caller words (Node's native layer does
// this for several crypto codes whose text depends on the input).
function codedError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  return err;
}

// A digest result in the caller's output encoding (none or 'buffer': the Buffer itself).
function encode(buf, encoding) {
  if (encoding === undefined || encoding === null || encoding === 'buffer') return buf;
  return buf.toString(encoding);
}

const kStreamInit = Symbol('kStreamInit');

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Stream.Transform.prototype);
Object.setPrototypeOf(LazyTransform, Stream.Transform);

function makeLazyGetter(name) {
  return {
    get() {
      Stream.Transform.call(this, this._options);
      this._writableState.decodeStrings = false;
      return this[name];
    },
    set(value) {
      Object.defineProperty(this, name, { value, enumerable: true, configurable: true, writable: true });
    },
    configurable: true,
    enumerable: true,
  };
}

for (const name of ['_readableState', '_writableState', '_transformState']) {
  Object.defineProperty(LazyTransform.prototype, name, makeLazyGetter(name));
}

module.exports = {
  LazyTransform,
  byteLength,
  codedError,
  encode,
  getArrayBufferOrView,
  isAnyArrayBuffer,
  isArrayBufferView,
  kStreamInit,
  toBuffer,
};
