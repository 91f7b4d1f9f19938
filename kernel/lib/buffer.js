'use strict';
// Buffer: a Uint8Array subclass with Node's API. Arguments are validated here; all encoding,
// decoding, searching, filling and comparing runs in internalBinding('buffer') over whole memory
// ranges. Small allocations are carved out of a shared pool (Buffer.poolSize bytes, malloc'd
// outside the V8 heap) the way Node does it.

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const { validateNumber, validateString, validateInteger } = require('internal/validators');

const kMaxLength = binding.kMaxLength;
const kStringMaxLength = binding.kStringMaxLength;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// Same numbering as kernel/src/bindings/encoding.h.
const kUtf8 = 1, kUcs2 = 2, kLatin1 = 3, kAscii = 4, kBase64 = 5, kBase64Url = 6, kHex = 7;

const getTypedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
function isUint8Array(v) { return getTypedArrayTag.call(v) === 'Uint8Array'; }
function isTypedArray(v) { return getTypedArrayTag.call(v) !== undefined; }
const objectToString = Object.prototype.toString;
function isAnyArrayBuffer(v) {
  if (v instanceof ArrayBuffer || v instanceof SharedArrayBuffer) return true;
  if (v === null || typeof v !== 'object') return false;
  const tag = objectToString.call(v);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

// Subclass used for every Buffer the module creates; Buffer.prototype is its prototype, so
// `new FastBuffer()` skips the deprecated Buffer() constructor path.
class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

function createUnsafeBuffer(size) {
  return new FastBuffer(binding.createUnsafeArrayBuffer(size));
}

// ---- encodings -------------------------------------------------------------------------------

function base64ByteLength(str, bytes) {
  if (bytes > 0 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

const encodingOps = {
  utf8: {
    encoding: 'utf8', encodingVal: kUtf8,
    byteLength: binding.byteLengthUtf8,
    write: (buf, string, offset, len) => binding.utf8Write(buf, string, offset, len),
    slice: (buf, start, end) => binding.utf8Slice(buf, start, end),
  },
  ucs2: {
    encoding: 'ucs2', encodingVal: kUcs2,
    byteLength: (string) => string.length * 2,
    write: (buf, string, offset, len) => binding.ucs2Write(buf, string, offset, len),
    slice: (buf, start, end) => binding.ucs2Slice(buf, start, end),
  },
  utf16le: null,
  latin1: {
    encoding: 'latin1', encodingVal: kLatin1,
    byteLength: (string) => string.length,
    write: (buf, string, offset, len) => binding.latin1Write(buf, string, offset, len),
    slice: (buf, start, end) => binding.latin1Slice(buf, start, end),
  },
  ascii: {
    encoding: 'ascii', encodingVal: kAscii,
    byteLength: (string) => string.length,
    write: (buf, string, offset, len) => binding.asciiWrite(buf, string, offset, len),
    slice: (buf, start, end) => binding.asciiSlice(buf, start, end),
  },
  base64: {
    encoding: 'base64', encodingVal: kBase64,
    byteLength: (string) => base64ByteLength(string, string.length),
    write: (buf, string, offset, len) => binding.base64Write(buf, string, offset, len),
    slice: (buf, start, end) => binding.base64Slice(buf, start, end),
  },
  base64url: {
    encoding: 'base64url', encodingVal: kBase64Url,
    byteLength: (string) => base64ByteLength(string, string.length),
    write: (buf, string, offset, len) => binding.base64urlWrite(buf, string, offset, len),
    slice: (buf, start, end) => binding.base64urlSlice(buf, start, end),
  },
  hex: {
    encoding: 'hex', encodingVal: kHex,
    byteLength: (string) => string.length >>> 1,
    write: (buf, string, offset, len) => binding.hexWrite(buf, string, offset, len),
    slice: (buf, start, end) => binding.hexSlice(buf, start, end),
  },
};
encodingOps.utf16le = { ...encodingOps.ucs2, encoding: 'utf16le' };
encodingOps.binary = encodingOps.latin1;
for (const key of Object.keys(encodingOps)) {
  const ops = encodingOps[key];
  ops.indexOf = (buf, val, byteOffset, dir) =>
    binding.indexOfString(buf, val, byteOffset, ops.encodingVal, dir);
}

// Canonical name of an encoding ('utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url',
// 'hex'), or undefined. `undefined`, null and '' mean utf8.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  if (typeof enc !== 'string') enc = `${enc}`;
  switch (enc.length) {
    case 0: return 'utf8';
    case 3: if (enc === 'hex' || enc.toLowerCase() === 'hex') return 'hex'; break;
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = enc.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 5:
      if (enc === 'ascii' || enc === 'UTF-8' || enc === 'ucs-2') {
        return enc === 'ascii' ? 'ascii' : enc === 'ucs-2' ? 'utf16le' : 'utf8';
      }
      enc = enc.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64' || enc === 'latin1' || enc === 'binary') {
        return enc === 'binary' ? 'latin1' : enc;
      }
      enc = enc.toLowerCase();
      if (enc === 'base64' || enc === 'latin1') return enc;
      if (enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || enc.toLowerCase() === 'utf16le') return 'utf16le';
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || enc.toLowerCase() === 'utf-16le') return 'utf16le';
      break;
    case 9:
      if (enc === 'base64url' || enc.toLowerCase() === 'base64url') return 'base64url';
      break;
    default:
      break;
  }
  return undefined;
}

function getEncodingOps(encoding) {
  if (encoding === 'utf8' || encoding === 'utf-8') return encodingOps.utf8;
  const name = normalizeEncoding(`${encoding}`);
  return name === undefined ? undefined : encodingOps[name];
}

// ---- the pool --------------------------------------------------------------------------------

let poolSize, poolOffset, allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = binding.createUnsafeArrayBuffer(poolSize);
  poolOffset = 0;
}

function alignPool() {
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

// `size` uninitialised bytes, pooled when small.
function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (allocPool === undefined || size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return createUnsafeBuffer(size);
}

function fromStringFast(string, ops) {
  const maxLength = Buffer.poolSize >>> 1;
  let length = string.length;
  // Utf8: 3 bytes per UTF-16 unit is an upper bound, which lets short strings go straight into
  // the pool without measuring them first.
  if (ops.encodingVal === kUtf8 && length * 3 < maxLength) {
    if (allocPool === undefined || length * 3 > (poolSize - poolOffset)) createPool();
    const actual = binding.utf8Write(allocPool, string, poolOffset, length * 3);
    const b = new FastBuffer(allocPool, poolOffset, actual);
    poolOffset += actual;
    alignPool();
    return b;
  }
  length = ops.byteLength(string);
  if (length >= maxLength) {
    const b = createUnsafeBuffer(length);
    const actual = ops.write(b, string, 0, length);
    return actual === length ? b : new FastBuffer(b.buffer, 0, actual);
  }
  if (allocPool === undefined || length > (poolSize - poolOffset)) createPool();
  let b = new FastBuffer(allocPool, poolOffset, length);
  const actual = ops.write(b, string, 0, length);
  if (actual !== length) b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringFast(string, ops);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  const len = obj.length;
  if (len <= 0) return new FastBuffer();
  const b = allocate(len);
  if (isUint8Array(obj)) {
    binding.copy(obj, b, 0, 0, len);
  } else {
    Uint8Array.prototype.set.call(b, obj, 0);
  }
  return b;
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

// ---- the Buffer function -----------------------------------------------------------------------

let warnedDeprecation = false;
function showDeprecation() {
  if (warnedDeprecation) return;
  const stack = new Error().stack || '';
  if (/node_modules/.test(stack.split('\n').slice(3, 5).join('\n'))) return;
  warnedDeprecation = true;
  process.emitWarning(
    'Buffer() is deprecated due to security and usability issues. Please use the ' +
    'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
    'DeprecationWarning', 'DEP0005');
}

function Buffer(arg, encodingOrOffset, length) {
  showDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);
Object.defineProperty(Buffer, Symbol.species, {
  __proto__: null, enumerable: false, configurable: true, get() { return FastBuffer; },
});

Buffer.poolSize = 8 * 1024;

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE(
    'first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  const src = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return fromArrayLike(src);
};

Buffer.of = function of(...items) {
  const b = allocate(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

function validateSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = createUnsafeBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return createUnsafeBuffer(size);
};

function SlowBuffer(size) {
  validateSize(size);
  return createUnsafeBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    normalizeEncoding(encoding) !== undefined;
};
Buffer[Symbol.for('kIsEncodingSymbol')] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw new ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += copyInto(buf, buffer, pos);
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

const typedArraySet = Uint8Array.prototype.set;
// Copies as much of `source` as fits into `target` at `pos` (V8's TypedArray#set: a memmove
// without a trip through the binding, which matters for the many small parts of a concat).
function copyInto(source, target, pos) {
  let n = source.length;
  const room = target.length - pos;
  if (n > room) {
    if (room <= 0) return 0;
    n = room;
    source = new Uint8Array(source.buffer, source.byteOffset, n);
  }
  typedArraySet.call(target, source, pos);
  return n;
}

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  const mustMatch = (arguments.length > 2 && arguments[2] === true);
  if (!mustMatch && len === 0) return 0;
  if (!encoding) return (mustMatch ? -1 : binding.byteLengthUtf8(string));
  const ops = getEncodingOps(encoding);
  if (ops === undefined) return (mustMatch ? -1 : binding.byteLengthUtf8(string));
  return ops.byteLength(string);
}
Buffer.byteLength = byteLength;

// ---- prototype ---------------------------------------------------------------------------------

Object.defineProperty(Buffer.prototype, 'parent', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.buffer : undefined; },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
});

function notStringError() {
  const err = new TypeError('argument must be a string');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function defineSliceWrite(name, enc) {
  const slice = binding[`${name}Slice`];
  const write = binding[`${name}Write`];
  Buffer.prototype[`${name}Slice`] = function(start, end) {
    return slice(this, start === undefined ? 0 : start, end === undefined ? this.length : end);
  };
  Buffer.prototype[`${name}Write`] = function(string, offset = 0, length = this.length - offset) {
    if (typeof string !== 'string') throw notStringError();
    if (offset > this.length) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
    return write(this, string, offset, length);
  };
}
for (const n of ['ascii', 'base64', 'base64url', 'latin1', 'hex', 'ucs2', 'utf8']) defineSliceWrite(n);

Buffer.prototype.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return _copy(this, target, targetStart, sourceStart, sourceEnd);
};

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function _copy(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.length) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.length}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.length;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  if (sourceEnd > source.length) sourceEnd = source.length;
  return binding.copy(source, target, targetStart, sourceStart, sourceEnd - sourceStart);
}

Buffer.prototype.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return binding.utf8Slice(this, 0, this.length);
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return binding.utf8Slice(this, start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.slice(this, start, end);
};

Buffer.prototype.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || binding.compare(this, otherBuffer) === 0;
};

let INSPECT_MAX_BYTES = 50;
let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}

Buffer.prototype[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = binding.hexSlice(this, 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  // Own non-index properties are shown too, as `key: value` pairs after the bytes.
  if (ctx) {
    const keys = ctx.showHidden ? Object.getOwnPropertyNames(this) : Object.keys(this);
    const extras = [];
    for (const key of keys) {
      if (/^(0|[1-9][0-9]*)$/.test(key)) continue;
      extras.push(key);
    }
    if (ctx.showHidden) {
      for (const sym of Object.getOwnPropertySymbols(this)) extras.push(sym);
    } else {
      for (const sym of Object.getOwnPropertySymbols(this)) {
        if (Object.prototype.propertyIsEnumerable.call(this, sym)) extras.push(sym);
      }
    }
    if (extras.length > 0) {
      const { inspect } = lazyInspect();
      const obj = { __proto__: null };
      for (const key of extras) obj[key] = this[key];
      const shown = inspect(obj, { ...ctx, breakLength: Infinity, compact: true });
      // `[Object: null prototype] { a: 1 }` -> `a: 1`
      const open = shown.indexOf('{');
      const body = shown.slice(open + 2, -2);
      if (this.length !== 0) str += ', ';
      str += body;
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];

Buffer.prototype.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return binding.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  return binding.compareOffset(this, target, targetStart, sourceStart, targetEnd, sourceEnd);
};

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  dir = !!dir;
  if (typeof val === 'number') return binding.indexOfNumber(buffer, val >>> 0, byteOffset, dir);
  const ops = encoding === undefined ? encodingOps.utf8 : getEncodingOps(encoding);
  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return ops.indexOf(buffer, val, byteOffset, dir);
  }
  if (isUint8Array(val)) {
    const encodingVal = ops === undefined ? kUtf8 : ops.encodingVal;
    return binding.indexOfBuffer(buffer, val, byteOffset, encodingVal, dir);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

Buffer.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};
Buffer.prototype.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};
Buffer.prototype.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

Buffer.prototype.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

function _fill(buf, value, offset, end, encoding) {
  let encodingVal = kUtf8;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    encodingVal = encodingOps[normalized].encodingVal;
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (normalized === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalized === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    if (end - offset + offset > buf.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    Uint8Array.prototype.fill.call(buf, value, offset, end);
    return buf;
  }
  if (typeof value !== 'string' && !ArrayBuffer.isView(value)) {
    Uint8Array.prototype.fill.call(buf, Number(value) >>> 0 & 255, offset, end);
    return buf;
  }
  const res = binding.fill(buf, value, offset, end, encodingVal);
  if (res === -1) throw new ERR_INVALID_ARG_VALUE('value', value);
  return buf;
}

Buffer.prototype.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw notStringError();
  if (offset === undefined) return binding.utf8Write(this, string, 0, this.length);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding || encoding === 'utf8') return binding.utf8Write(this, string, offset, length);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.write(this, string, offset, length);
};

Buffer.prototype.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

Buffer.prototype.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

Buffer.prototype.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}

Buffer.prototype.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  if (len < 128) {
    for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
    return this;
  }
  binding.swap16(this);
  return this;
};

Buffer.prototype.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 4) {
      swap(this, i, i + 3);
      swap(this, i + 1, i + 2);
    }
    return this;
  }
  binding.swap32(this);
  return this;
};

Buffer.prototype.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 8) {
      swap(this, i, i + 7);
      swap(this, i + 1, i + 6);
      swap(this, i + 2, i + 5);
      swap(this, i + 3, i + 4);
    }
    return this;
  }
  binding.swap64(this);
  return this;
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

// ---- numbers -------------------------------------------------------------------------------------

const validateOffset = (value, name, min = 0, max = kMaxLength) =>
  validateInteger(value, name, min, max);

const float32Array = new Float32Array(1);
const uInt8Float32Array = new Uint8Array(float32Array.buffer);
const float64Array = new Float64Array(1);
const uInt8Float64Array = new Uint8Array(float64Array.buffer);
float32Array[0] = -1;  // detects the platform's byte order
const bigEndian = uInt8Float32Array[3] === 0;

function checkBounds(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength] === undefined) {
    boundsError(offset, buf.length - (byteLength + 1));
  }
}

function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength > 3) {
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${(byteLength + 1) * 8}${n}`;
      } else {
        range = `>= -(2${n} ** ${(byteLength + 1) * 8 - 1}${n}) and ` +
                `< 2${n} ** ${(byteLength + 1) * 8 - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, byteLength);
}

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

// Reads `n` bytes (1..6) as an unsigned little/big endian integer after bounds checks.
function readUnsigned(buf, offset, n, little) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + n - 1];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - n);
  let v = 0;
  if (little) {
    for (let i = n - 1; i >= 0; i--) v = v * 256 + buf[offset + i];
  } else {
    for (let i = 0; i < n; i++) v = v * 256 + buf[offset + i];
  }
  return v;
}

function readSigned(buf, offset, n, little) {
  const v = readUnsigned(buf, offset, n, little);
  const limit = 2 ** (8 * n - 1);
  return v >= limit ? v - 2 * limit : v;
}

function readUInt8(offset = 0) {
  validateNumber(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val;
}
function readInt8(offset = 0) {
  validateNumber(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val | (val & 2 ** 7) * 0x1fffffe;
}
function readUInt16LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  return first + last * 2 ** 8;
}
function readUInt16BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 2);
  return first * 2 ** 8 + last;
}
function readInt16LE(offset = 0) {
  const val = readUInt16LE.call(this, offset);
  return val | (val & 2 ** 15) * 0x1fffe;
}
function readInt16BE(offset = 0) {
  const val = readUInt16BE.call(this, offset);
  return val | (val & 2 ** 15) * 0x1fffe;
}
function readUInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first + this[offset + 1] * 2 ** 8 + this[offset + 2] * 2 ** 16 + last * 2 ** 24;
}
function readUInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first * 2 ** 24 + this[offset + 1] * 2 ** 16 + this[offset + 2] * 2 ** 8 + last;
}
function readInt32LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return first + this[offset + 1] * 2 ** 8 + this[offset + 2] * 2 ** 16 + (last << 24);
}
function readInt32BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 4);
  return (first << 24) + this[offset + 1] * 2 ** 16 + this[offset + 2] * 2 ** 8 + last;
}

function makeVarRead(little, signed) {
  const fixed = {
    1: signed ? readInt8 : readUInt8,
    2: little ? (signed ? readInt16LE : readUInt16LE) : (signed ? readInt16BE : readUInt16BE),
    4: little ? (signed ? readInt32LE : readUInt32LE) : (signed ? readInt32BE : readUInt32BE),
  };
  return function(offset, byteLength) {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    if (byteLength === 6 || byteLength === 5 || byteLength === 3) {
      return signed ? readSigned(this, offset, byteLength, little) :
        readUnsigned(this, offset, byteLength, little);
    }
    const f = fixed[byteLength];
    if (f !== undefined && (byteLength === 1 || byteLength === 2 || byteLength === 4)) {
      return f.call(this, offset);
    }
    boundsError(byteLength, 6, 'byteLength');
  };
}

function readBigUInt64LE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const lo = first + this[offset + 1] * 2 ** 8 + this[offset + 2] * 2 ** 16 +
    this[offset + 3] * 2 ** 24;
  const hi = this[offset + 4] + this[offset + 5] * 2 ** 8 + this[offset + 6] * 2 ** 16 +
    last * 2 ** 24;
  return BigInt(lo) + (BigInt(hi) << 32n);
}
function readBigUInt64BE(offset = 0) {
  validateNumber(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, this.length - 8);
  const hi = first * 2 ** 24 + this[offset + 1] * 2 ** 16 + this[offset + 2] * 2 ** 8 +
    this[offset + 3];
  const lo = this[offset + 4] * 2 ** 24 + this[offset + 5] * 2 ** 16 + this[offset + 6] * 2 ** 8 +
    last;
  return (BigInt(hi) << 32n) + BigInt(lo);
}
function readBigInt64LE(offset = 0) {
  return BigInt.asIntN(64, readBigUInt64LE.call(this, offset));
}
function readBigInt64BE(offset = 0) {
  return BigInt.asIntN(64, readBigUInt64BE.call(this, offset));
}

function readFloatAt(buf, offset, little) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 3];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 4);
  const natural = little !== bigEndian;
  for (let i = 0; i < 4; i++) uInt8Float32Array[natural ? i : 3 - i] = buf[offset + i];
  return float32Array[0];
}
function readDoubleAt(buf, offset, little) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 8);
  const natural = little !== bigEndian;
  for (let i = 0; i < 8; i++) uInt8Float64Array[natural ? i : 7 - i] = buf[offset + i];
  return float64Array[0];
}

// Writes the low `n` bytes of an integer value whose range was already checked.
function writeBytes(buf, value, offset, n, little) {
  // Split into two 24-bit halves so values up to 48 bits keep full precision.
  value = Math.trunc(value);
  let lo = value % 0x1000000;
  if (lo < 0) lo += 0x1000000;
  let hi = (value - lo) / 0x1000000;
  for (let i = 0; i < n; i++) {
    let byte;
    if (i < 3) {
      byte = lo & 0xff;
      lo >>>= 8;
    } else {
      byte = hi & 0xff;
      hi >>= 8;
    }
    buf[little ? offset + i : offset + n - 1 - i] = byte;
  }
  return offset + n;
}

function writeU_Int8(buf, value, offset, min, max) {
  value = +value;
  validateNumber(offset, 'offset');
  if (value > max || value < min) {
    throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  }
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

function makeWrite(n, little, min, max) {
  if (n === 1) return function(value, offset = 0) { return writeU_Int8(this, value, offset, min, max); };
  return function(value, offset = 0) {
    value = +value;
    checkInt(value, min, max, this, offset, n - 1);
    return writeBytes(this, value, offset, n, little);
  };
}

const writeFns = {};
for (const little of [true, false]) {
  const suffix = little ? 'LE' : 'BE';
  for (const n of [1, 2, 3, 4, 5, 6]) {
    writeFns[`u${n}${suffix}`] = makeWrite(n, little, 0, 2 ** (8 * n) - 1);
    writeFns[`i${n}${suffix}`] = makeWrite(n, little, -(2 ** (8 * n - 1)), 2 ** (8 * n - 1) - 1);
  }
}

function makeVarWrite(little, signed) {
  const suffix = little ? 'LE' : 'BE';
  return function(value, offset, byteLength) {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) {
      const f = writeFns[`${signed ? 'i' : 'u'}${byteLength}${byteLength === 1 ? 'LE' : suffix}`];
      return f.call(this, value, offset);
    }
    boundsError(byteLength, 6, 'byteLength');
  };
}

function writeBigU_Int64(buf, value, offset, min, max, little) {
  checkInt(value, min, max, buf, offset, 7);
  let lo = Number(value & 0xffffffffn);
  let hi = Number(value >> 32n & 0xffffffffn);
  for (let i = 0; i < 4; i++) {
    buf[little ? offset + i : offset + 7 - i] = lo & 0xff;
    lo >>>= 8;
  }
  for (let i = 4; i < 8; i++) {
    buf[little ? offset + i : offset + 7 - i] = hi & 0xff;
    hi >>>= 8;
  }
  return offset + 8;
}

function writeFloatAt(buf, val, offset, little) {
  val = +val;
  checkBounds(buf, offset, 3);
  float32Array[0] = val;
  const natural = little !== bigEndian;
  for (let i = 0; i < 4; i++) buf[offset + i] = uInt8Float32Array[natural ? i : 3 - i];
  return offset + 4;
}
function writeDoubleAt(buf, val, offset, little) {
  val = +val;
  checkBounds(buf, offset, 7);
  float64Array[0] = val;
  const natural = little !== bigEndian;
  for (let i = 0; i < 8; i++) buf[offset + i] = uInt8Float64Array[natural ? i : 7 - i];
  return offset + 8;
}

const proto = Buffer.prototype;
const numberMethods = {
  readBigUInt64LE, readBigUInt64BE, readBigInt64LE, readBigInt64BE,
  writeBigUInt64LE(value, offset = 0) {
    return writeBigU_Int64(this, value, offset, 0n, 0xffffffffffffffffn, true);
  },
  writeBigUInt64BE(value, offset = 0) {
    return writeBigU_Int64(this, value, offset, 0n, 0xffffffffffffffffn, false);
  },
  writeBigInt64LE(value, offset = 0) {
    return writeBigU_Int64(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n, true);
  },
  writeBigInt64BE(value, offset = 0) {
    return writeBigU_Int64(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n, false);
  },
  readUIntLE: makeVarRead(true, false),
  readUInt32LE, readUInt16LE, readUInt8,
  readUIntBE: makeVarRead(false, false),
  readUInt32BE, readUInt16BE,
  readIntLE: makeVarRead(true, true),
  readInt32LE, readInt16LE, readInt8,
  readIntBE: makeVarRead(false, true),
  readInt32BE, readInt16BE,
  writeUIntLE: makeVarWrite(true, false),
  writeUInt32LE: writeFns.u4LE, writeUInt16LE: writeFns.u2LE, writeUInt8: writeFns.u1LE,
  writeUIntBE: makeVarWrite(false, false),
  writeUInt32BE: writeFns.u4BE, writeUInt16BE: writeFns.u2BE,
  writeIntLE: makeVarWrite(true, true),
  writeInt32LE: writeFns.i4LE, writeInt16LE: writeFns.i2LE, writeInt8: writeFns.i1LE,
  writeIntBE: makeVarWrite(false, true),
  writeInt32BE: writeFns.i4BE, writeInt16BE: writeFns.i2BE,
  readFloatLE(offset = 0) { return readFloatAt(this, offset, true); },
  readFloatBE(offset = 0) { return readFloatAt(this, offset, false); },
  readDoubleLE(offset = 0) { return readDoubleAt(this, offset, true); },
  readDoubleBE(offset = 0) { return readDoubleAt(this, offset, false); },
  writeFloatLE(val, offset = 0) { return writeFloatAt(this, val, offset, true); },
  writeFloatBE(val, offset = 0) { return writeFloatAt(this, val, offset, false); },
  writeDoubleLE(val, offset = 0) { return writeDoubleAt(this, val, offset, true); },
  writeDoubleBE(val, offset = 0) { return writeDoubleAt(this, val, offset, false); },
};
for (const name of Object.keys(numberMethods)) {
  const fn = numberMethods[name];
  Object.defineProperty(proto, name, {
    __proto__: null, value: fn, writable: true, enumerable: false, configurable: true,
  });
  // Lower-case aliases (readUint8, writeBigUint64LE...) are the same functions.
  if (name.includes('UInt')) {
    Object.defineProperty(proto, name.replace('UInt', 'Uint'), {
      __proto__: null, value: fn, writable: true, enumerable: false, configurable: true,
    });
  }
}

// ---- module functions ----------------------------------------------------------------------------

let DOMException;
function lazyDOMException(message, name) {
  if (DOMException === undefined) DOMException = require('internal/dom_exception');
  return new DOMException(message, name);
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  const r = binding.btoa(`${input}`);
  if (r === -1) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  return r;
}

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  const r = binding.atob(`${input}`);
  if (r === -1) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  if (r === -2) {
    throw lazyDOMException('The string to be decoded is not correctly encoded.',
                           'InvalidCharacterError');
  }
  return r;
}

function validateView(input) {
  if (!ArrayBuffer.isView(input) && !isAnyArrayBuffer(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  }
}

function isUtf8(input) {
  validateView(input);
  return binding.isUtf8(input);
}

function isAscii(input) {
  validateView(input);
  return binding.isAscii(input);
}

// Transcoding between the encodings Buffer itself knows; characters the target cannot hold
// become '?', as ICU's converters do.
function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const known = ['utf8', 'utf16le', 'latin1', 'ascii'];
  const from = normalizeEncoding(fromEncoding);
  const to = normalizeEncoding(toEncoding);
  if (!known.includes(from) || !known.includes(to)) {
    const err = new Error(`Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]`);
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let str = encodingOps[from].slice(source, 0, source.length);
  if (to === 'latin1' || to === 'ascii') {
    const limit = to === 'latin1' ? 0xff : 0x7f;
    str = str.replace(/[\ud800-\udbff][\udc00-\udfff]|[^]/g,
                      (c) => (c.length > 1 || c.charCodeAt(0) > limit ? '?' : c));
  }
  return fromString(str, to);
}

let blobModule;
function lazyBlob() {
  if (blobModule === undefined) blobModule = require('internal/blob');
  return blobModule;
}

binding.setBufferPrototype(Buffer.prototype);

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
};

Object.defineProperties(module.exports, {
  INSPECT_MAX_BYTES: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
  Blob: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return lazyBlob().Blob; },
  },
  File: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return lazyBlob().File; },
  },
  resolveObjectURL: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return require('internal/url').resolveObjectURL; },
  },
});

// Private helpers for the rest of the library (string_decoder, fs, streams).
Object.defineProperty(module.exports, Symbol.for('nodus.buffer.internal'), {
  __proto__: null, enumerable: false,
  value: { FastBuffer, normalizeEncoding, getEncodingOps, isUint8Array, isAnyArrayBuffer,
           createUnsafeBuffer, allocate },
});
