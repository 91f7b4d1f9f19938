'use strict';
// TextEncoder and TextDecoder (WHATWG Encoding) for utf-8, utf-16le and latin1/windows-1252,
// decoding natively through internalBinding('buffer').

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_ENCODING_INVALID_ENCODED_DATA,
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { exposeMembers } = require('internal/util');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

let inspectFn;
function inspect(value, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, opts);
}

const encodeIntoResults = new Uint32Array(2);

class TextEncoder {
  get encoding() {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    return 'utf-8';
  }

  encode(input = '') {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    return binding.encodeUtf8String(`${input}`);
  }

  encodeInto(src, dest) {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    src = `${src}`;
    if (!(dest instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    binding.encodeInto(src, dest, encodeIntoResults);
    return { read: encodeIntoResults[0], written: encodeIntoResults[1] };
  }

  [customInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = { __proto__: { constructor: this.constructor } };
    obj.encoding = this.encoding;
    return inspect(obj, opts);
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'TextEncoder', configurable: true,
});
exposeMembers(TextEncoder.prototype, ['encoding', 'encode', 'encodeInto']);

const labels = new Map();
for (const l of ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8',
  'x-unicode20utf8']) labels.set(l, 'utf-8');
for (const l of ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16',
  'utf-16le']) labels.set(l, 'utf-16le');
for (const l of ['unicodefffe', 'utf-16be']) labels.set(l, 'utf-16be');
for (const l of ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819',
  'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1',
  'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']) labels.set(l, 'windows-1252');

function getEncodingFromLabel(label) {
  const enc = labels.get(label);
  if (enc !== undefined) return enc;
  return labels.get(label.trim().toLowerCase());
}

function invalidInput() {
  const err = new TypeError('The "list" argument must be an instance of SharedArrayBuffer, ' +
                            'ArrayBuffer or ArrayBufferView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function toView(input) {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) return input;
  if (input instanceof ArrayBuffer || input instanceof SharedArrayBuffer) {
    return new Uint8Array(input);
  }
  throw invalidInput();
}

// Where the trailing, possibly unfinished UTF-8 sequence of bytes[0..n) starts (n if none).
function utf8Boundary(bytes, n) {
  for (let j = n - 1, back = 0; j >= 0 && back < 4; j--, back++) {
    const c = bytes[j];
    if ((c & 0xC0) === 0x80) continue;
    let need = 1;
    if ((c & 0xE0) === 0xC0) need = 2;
    else if ((c & 0xF0) === 0xE0) need = 3;
    else if ((c & 0xF8) === 0xF0) need = 4;
    return need > n - j ? j : n;
  }
  return n;
}

// windows-1252 differs from latin1 only in 0x80-0x9F.
const cp1252High = [0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030,
  0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
  0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178];
function decodeWindows1252(bytes) {
  const s = binding.latin1Slice(bytes, 0, bytes.length);
  if (!/[\x80-\x9f]/.test(s)) return s;
  return s.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(cp1252High[c.charCodeAt(0) - 0x80]));
}

const kState = Symbol('kTextDecoderState');

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    encoding = `${encoding}`;
    if (options != null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    this[kState] = {
      encoding: enc,
      fatal: !!options?.fatal,
      ignoreBOM: !!options?.ignoreBOM,
      pending: null,      // bytes of an unfinished character carried to the next call
      bomSeen: false,     // the start of the stream has been handled
      windows1252: false, // see decode()
    };
  }

  get encoding() { return state(this).encoding; }
  get fatal() { return state(this).fatal; }
  get ignoreBOM() { return state(this).ignoreBOM; }

  decode(input = undefined, options = {}) {
    const s = state(this);
    let bytes = toView(input);
    if (!(bytes instanceof Uint8Array)) {
      bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    if (options != null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const stream = !!options?.stream;
    if (s.encoding === 'windows-1252') {
      // Node decodes plain latin1 until a decoder is first used with { stream: true }; from then
      // on it maps 0x80-0x9F as windows-1252 does. Kept the same here.
      if (stream) s.windows1252 = true;
      if (bytes.length === 0) return '';
      return s.windows1252 ? decodeWindows1252(bytes) : binding.latin1Slice(bytes, 0, bytes.length);
    }
    // Fast path: a whole utf-8 input in one call.
    if (!stream && s.pending === null && !s.bomSeen && s.encoding === 'utf-8') {
      const r = binding.decodeUtf8(bytes, s.ignoreBOM, s.fatal);
      if (r === undefined) throw new ERR_ENCODING_INVALID_ENCODED_DATA(s.encoding);
      return r;
    }
    if (s.pending !== null) {
      const joined = new Uint8Array(s.pending.length + bytes.length);
      joined.set(s.pending, 0);
      joined.set(bytes, s.pending.length);
      bytes = joined;
      s.pending = null;
    }
    let out = s.encoding === 'utf-8' ? decodeUtf8Chunk(s, bytes, stream) :
      decodeUtf16Chunk(s, bytes, stream, s.encoding === 'utf-16be');
    if (!s.bomSeen && out.length > 0) {
      if (!s.ignoreBOM && out.charCodeAt(0) === 0xFEFF) out = out.slice(1);
      s.bomSeen = true;
    }
    if (!stream) {
      s.bomSeen = false;
      s.pending = null;
    }
    return out;
  }

  [customInspect](depth, opts) {
    const s = state(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = { __proto__: { constructor: this.constructor } };
    obj.encoding = s.encoding;
    obj.fatal = s.fatal;
    obj.ignoreBOM = s.ignoreBOM;
    return `${this.constructor.name} ${inspect(obj, opts)}`;
  }
}

function decodeUtf8Chunk(s, bytes, stream) {
  const end = stream ? utf8Boundary(bytes, bytes.length) : bytes.length;
  if (end < bytes.length) s.pending = bytes.slice(end);
  if (end === 0) return '';
  const head = end === bytes.length ? bytes : bytes.subarray(0, end);
  // The BOM is handled by the caller on the decoded string.
  const r = binding.decodeUtf8(head, true, s.fatal);
  if (r === undefined) {
    s.pending = null;
    throw new ERR_ENCODING_INVALID_ENCODED_DATA(s.encoding);
  }
  return r;
}

function decodeUtf16Chunk(s, bytes, stream, bigEndian) {
  let end = bytes.length - (bytes.length % 2);
  if (stream && end >= 2) {
    const hi = bytes[bigEndian ? end - 2 : end - 1];
    if (hi >= 0xD8 && hi <= 0xDB) end -= 2;  // keep a high surrogate for its pair
  }
  if (stream && end < bytes.length) s.pending = bytes.slice(end);
  let units = bytes;
  if (bigEndian && end > 0) {
    units = bytes.slice(0, end);
    binding.swap16(units);
  }
  let out = end === 0 ? '' : binding.ucs2Slice(units, 0, end);
  const odd = !stream && bytes.length % 2 === 1;
  // Lone surrogates become U+FFFD (or an error when fatal).
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(out)) {
    if (s.fatal) throw new ERR_ENCODING_INVALID_ENCODED_DATA(s.encoding);
    out = out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
                      '\ufffd');
  }
  if (odd) {
    if (s.fatal) throw new ERR_ENCODING_INVALID_ENCODED_DATA(s.encoding);
    out += '\ufffd';
  }
  return out;
}

function state(self) {
  const s = self == null ? undefined : self[kState];
  if (s === undefined) throw new ERR_INVALID_THIS('TextDecoder');
  return s;
}

Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'TextDecoder', configurable: true,
});
for (const key of ['encoding', 'fatal', 'ignoreBOM']) {
  const d = Object.getOwnPropertyDescriptor(TextDecoder.prototype, key);
  d.enumerable = true;
  Object.defineProperty(TextDecoder.prototype, key, d);
}

exposeMembers(TextDecoder.prototype, ['decode', 'encoding', 'fatal', 'ignoreBOM']);

module.exports = { TextEncoder, TextDecoder, getEncodingFromLabel };
