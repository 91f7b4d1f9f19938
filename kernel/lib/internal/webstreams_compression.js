'use strict';
// CompressionStream and DecompressionStream: a zlib Transform seen as a web { readable, writable }
// pair. zlib is a plugin, loaded on the first construction: a runtime without it still has the
// globals, and constructing one throws the missing-plugin error.

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS },
} = require('internal/errors');
const { exposeMembers } = require('internal/util');
const { inspectAs } = require('internal/webstreams');
const { newReadableWritablePairFromDuplex } = require('internal/webstreams_adapters');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

// format -> [compressor, decompressor] factory names in zlib.
const kFormats = {
  __proto__: null,
  'deflate': ['createDeflate', 'createInflate'],
  'deflate-raw': ['createDeflateRaw', 'createInflateRaw'],
  'gzip': ['createGzip', 'createGunzip'],
};

function pairFor(format, which) {
  const names = kFormats[format];
  if (typeof format !== 'string' || names === undefined) throw new ERR_INVALID_ARG_VALUE('format', format);
  return newReadableWritablePairFromDuplex(require('zlib')[names[which]]());
}

// The two classes differ only in which zlib factory they use.
function defineStream(name, which) {
  const C = class {
    #pair;
    constructor(format) {
      this.#pair = pairFor(format, which);
    }
    get readable() {
      if (!(#pair in this)) throw new ERR_INVALID_THIS(name);
      return this.#pair.readable;
    }
    get writable() {
      if (!(#pair in this)) throw new ERR_INVALID_THIS(name);
      return this.#pair.writable;
    }
    [customInspect](depth, options) {
      return inspectAs(this, { readable: this.readable, writable: this.writable }, depth, options);
    }
  };
  Object.defineProperty(C, 'name', { __proto__: null, value: name, configurable: true });
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: name, configurable: true,
  });
  exposeMembers(C.prototype, ['readable', 'writable']);
  return C;
}

const CompressionStream = defineStream('CompressionStream', 0);
const DecompressionStream = defineStream('DecompressionStream', 1);

module.exports = { CompressionStream, DecompressionStream };
