'use strict';
// StringDecoder: decodes a byte stream chunk by chunk without splitting multi-byte characters.
// Only the few bytes of an unfinished character are kept between writes; every whole run is
// decoded natively by internalBinding('buffer').

const binding = internalBinding('buffer');
const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');

const kState = Symbol('kNativeDecoder');
const kUtf8 = 1, kUcs2 = 2, kBase64 = 3, kOther = 4;

const { normalizeEncoding } = require('buffer')[Symbol.for('nodus.buffer.internal')];

function normalize(enc) {
  const nenc = normalizeEncoding(enc);
  if (nenc === undefined) throw new ERR_UNKNOWN_ENCODING(enc);
  return nenc;
}

const sliceFor = {
  utf8: binding.utf8Slice,
  utf16le: binding.ucs2Slice,
  latin1: binding.latin1Slice,
  ascii: binding.asciiSlice,
  base64: binding.base64Slice,
  base64url: binding.base64urlSlice,
  hex: binding.hexSlice,
};

// Bytes a UTF-8 sequence starting with `c` needs in all, or 1 when `c` cannot start one.
function utf8SequenceLength(c) {
  if ((c & 0xE0) === 0xC0) return 2;
  if ((c & 0xF0) === 0xE0) return 3;
  if ((c & 0xF8) === 0xF0) return 4;
  return 1;
}

function StringDecoder(encoding) {
  this.encoding = normalize(encoding);
  const kind = this.encoding === 'utf8' ? kUtf8 :
    this.encoding === 'utf16le' ? kUcs2 :
      (this.encoding === 'base64' || this.encoding === 'base64url') ? kBase64 : kOther;
  this[kState] = {
    kind,
    slice: sliceFor[this.encoding],
    bytes: Buffer.alloc(4),  // the unfinished character (lastChar)
    have: 0,                 // bytes of it received
    total: 0,                // bytes it needs in all
  };
}

function toBytes(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  return buf;
}

function state(self) {
  const st = self == null ? undefined : self[kState];
  if (st === undefined) throw new ERR_INVALID_THIS('StringDecoder');
  return st;
}

function withPending(st, buf) {
  if (st.have === 0) return buf;
  const data = Buffer.allocUnsafe(st.have + buf.byteLength);
  binding.copy(st.bytes, data, 0, 0, st.have);
  binding.copy(buf, data, st.have, 0, buf.byteLength);
  st.have = 0;
  st.total = 0;
  return data;
}

function keep(st, data, from, to, total) {
  st.have = to - from;
  st.total = total;
  binding.copy(data, st.bytes, 0, from, to - from);
}

function writeUtf8(st, buf) {
  const len = buf.byteLength;
  let prefix = '';
  let i = 0;
  if (st.have > 0) {
    while (i < len && st.have < st.total) {
      const c = buf[i];
      if ((c & 0xC0) !== 0x80) break;
      st.bytes[st.have++] = c;
      i++;
    }
    if (st.have < st.total) {
      if (i >= len) return '';
      prefix = '\ufffd';  // cut short by a byte that does not continue it
    } else {
      prefix = binding.utf8Slice(st.bytes, 0, st.total);
    }
    st.have = 0;
    st.total = 0;
  }
  let end = len;
  for (let j = len - 1, back = 0; j >= i && back < 4; j--, back++) {
    const c = buf[j];
    if ((c & 0xC0) === 0x80) continue;
    const n = utf8SequenceLength(c);
    if (n > len - j) {
      end = j;
      keep(st, buf, j, len, n);
    }
    break;
  }
  if (i === end) return prefix;
  return prefix + binding.utf8Slice(buf, i, end);
}

function writeUcs2(st, buf) {
  const data = withPending(st, buf);
  const n = data.byteLength;
  let end = n;
  if (n % 2 === 1) {
    end = n - 1;
    keep(st, data, end, n, 2);
  } else if (n >= 2 && data[n - 1] >= 0xD8 && data[n - 1] <= 0xDB) {
    end = n - 2;
    keep(st, data, end, n, 4);
  }
  return end === 0 ? '' : binding.ucs2Slice(data, 0, end);
}

function writeBase64(st, buf) {
  const data = withPending(st, buf);
  const n = data.byteLength;
  const end = n - (n % 3);
  if (end < n) keep(st, data, end, n, 3);
  return end === 0 ? '' : st.slice(data, 0, end);
}

StringDecoder.prototype.write = function write(buf) {
  const st = state(this);
  buf = toBytes(buf);
  if (typeof buf === 'string') return buf;
  if (ArrayBuffer.isView(buf) && !(buf instanceof Uint8Array)) {
    buf = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  switch (st.kind) {
    case kUtf8: return writeUtf8(st, buf);
    case kUcs2: return writeUcs2(st, buf);
    case kBase64: return writeBase64(st, buf);
    default: return buf.byteLength === 0 ? '' : st.slice(buf, 0, buf.byteLength);
  }
};

StringDecoder.prototype.end = function end(buf) {
  const st = state(this);
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (st.have > 0) {
    if (st.kind === kUtf8) ret += '\ufffd';
    else if (st.kind === kUcs2) ret += st.have >= 2 ? binding.ucs2Slice(st.bytes, 0, 2) : '';
    else ret += st.slice(st.bytes, 0, st.have);
  }
  st.have = 0;
  st.total = 0;
  return ret;
};

StringDecoder.prototype.text = function text(buf, offset) {
  const st = state(this);
  st.have = 0;
  st.total = 0;
  return this.write(buf.subarray(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return state(this).bytes; },
  },
  lastNeed: {
    __proto__: null, configurable: true, enumerable: true,
    get() { const st = state(this); return st.total - st.have; },
  },
  lastTotal: {
    __proto__: null, configurable: true, enumerable: true,
    get() { const st = state(this); return st.have > 0 ? st.total : 0; },
  },
});

module.exports = { StringDecoder };
