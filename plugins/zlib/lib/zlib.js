'use strict';
// Node's zlib module over the plugin's binding: every engine is a binding.Handle. Sync APIs run
// the whole input through it at once; callback APIs do the same on the thread pool; streams send
// each chunk to the thread pool and push what comes back.

const { Buffer } = require('buffer');
const { Transform, finished } = require('stream');
const {
  codes: {
    ERR_BUFFER_TOO_LARGE,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_ZLIB_INITIALIZATION_FAILED,
  },
} = require('internal/errors');
const { validateFunction, validateNumber } = require('internal/validators');

const constants = require('internal/zlib/constants')(binding.ZLIB_VERNUM);
const {
  Z_NO_FLUSH, Z_BLOCK, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL,
  Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_CHUNK, Z_DEFAULT_COMPRESSION,
  Z_DEFAULT_STRATEGY, Z_DEFAULT_WINDOWBITS, Z_DEFAULT_MEMLEVEL, Z_FIXED,
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA,
} = constants;

const kMaxLength = require('buffer').kMaxLength;

const codes = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const key of Object.keys(codes)) codes[codes[key]] = key;

function checkFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  validateNumber(number, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

function isBufferSource(v) {
  return ArrayBuffer.isView(v) || v instanceof ArrayBuffer ||
    Object.prototype.toString.call(v) === '[object ArrayBuffer]';
}

// Errors from the binding: zlib/brotli failures already carry errno and code; an output past
// maxOutputLength becomes Node's RangeError.
function convertError(err, maxOutputLength) {
  if (err && err.code === 'ERR_BUFFER_TOO_LARGE') return new ERR_BUFFER_TOO_LARGE(maxOutputLength);
  return err;
}

const kFlushFlag = Symbol('kFlushFlag');
const kFlushBuffers = [];
for (let i = 0; i <= 5; i++) {
  const b = Buffer.alloc(0);
  b[kFlushFlag] = i;
  kFlushBuffers.push(b);
}

// `maxFlush` bounds the flush options: Z_BLOCK for zlib, BROTLI_OPERATION_EMIT_METADATA for brotli.
function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush, maxFlush }) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!checkFiniteNumber(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    }
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush', Z_NO_FLUSH, maxFlush, flush);
    finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', Z_NO_FLUSH, maxFlush,
                                          finishFlush);
    maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1,
                                              kMaxLength, kMaxLength);
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
  }
  Transform.call(this, { autoDestroy: true, ...opts });
  this._hadError = false;
  this.bytesWritten = 0;
  this._handle = handle;
  this._outBuffer = null;
  this._outOffset = 0;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
  this._mode = mode;
  this.once('end', this.close);
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true,
  enumerable: true,
  get() {
    return !this._handle;
  },
});

ZlibBase.prototype.reset = function reset() {
  if (!this._handle) throw new Error('zlib binding closed');
  const err = this._handle.reset();
  if (err) throw err;
};

ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype._final = function _final(callback) {
  callback();
};

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(kFlushBuffers[kind], '', callback);
  }
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  callback(err);
};

ZlibBase.prototype._transform = function _transform(chunk, encoding, callback) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') {
    flushFlag = chunk[kFlushFlag];
  } else if (this.writableEnded && this.writableLength === chunk.byteLength) {
    // The last chunk before end(): finish the stream with it.
    flushFlag = this._finishFlushFlag;
  }
  this._processChunk(chunk, flushFlag, callback);
};

ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
  if (typeof cb !== 'function') {
    // Node's legacy synchronous form.
    const out = this._handle.process(chunk, flushFlag, this._maxOutputLength);
    this.bytesWritten += chunk.byteLength;
    return out;
  }
  const handle = this._handle;
  if (!handle) {
    process.nextTick(cb);
    return;
  }
  handle.process(chunk, flushFlag, this._maxOutputLength, (err, out) => {
    if (this.destroyed) {
      cb();
      return;
    }
    if (err) {
      this._hadError = true;
      cb(convertError(err, this._maxOutputLength));
      return;
    }
    this.bytesWritten += chunk.byteLength;
    if (out.length > 0) this.push(out);
    cb();
  });
};

function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    // windowBits 0 asks inflate to use the window size in the header.
    if ((opts.windowBits == null || opts.windowBits === 0) &&
        (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
      windowBits = 0;
    } else {
      windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits',
                                           mode === GZIP ? 9 : Z_MIN_WINDOWBITS,
                                           Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
      // zlib refuses a 256-byte window for raw deflate; Node quietly uses 512 bytes instead.
      if (mode === DEFLATERAW && windowBits === 8) windowBits = 9;
    }
    level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL,
                                    Z_DEFAULT_COMPRESSION);
    memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL,
                                       Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY, Z_FIXED,
                                       Z_DEFAULT_STRATEGY);
    dictionary = opts.dictionary;
    if (dictionary !== undefined && !isBufferSource(dictionary)) {
      throw new ERR_INVALID_ARG_TYPE('options.dictionary',
                                     ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
    }
  }
  const handle = new binding.Handle(mode);
  const err = handle.init(level, windowBits, memLevel, strategy, dictionary);
  if (err) throw new ERR_ZLIB_INITIALIZATION_FAILED();
  this._level = level;
  this._strategy = strategy;
  ZlibBase.call(this, opts, mode, handle, {
    flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH, maxFlush: Z_BLOCK,
  });
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH, () => {
      if (this._handle) {
        const err = this._handle.params(level, strategy);
        if (err) {
          this.destroy(err);
          return;
        }
        this._level = level;
        this._strategy = strategy;
      }
      if (callback) callback();
    });
  } else if (callback) {
    process.nextTick(callback);
  }
};

function Brotli(opts, mode) {
  const pairs = [];
  if (opts && opts.params) {
    // Like Node, anything without own keys (a number...) sets no parameter.
    for (const key of Object.keys(opts.params)) {
      const id = +key;
      const value = opts.params[key];
      if (Number.isNaN(id) || id < 0 || id > 9 || (id | 0) !== id) {
        const err = new RangeError(`${key} is not a valid Brotli parameter`);
        err.code = 'ERR_BROTLI_INVALID_PARAM';
        throw err;
      }
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', value);
      }
      pairs.push(id, Number(value) >>> 0);
    }
  }
  const handle = new binding.Handle(mode);
  const err = handle.initBrotli(new Uint32Array(pairs));
  if (err) throw new ERR_ZLIB_INITIALIZATION_FAILED();
  ZlibBase.call(this, opts, mode, handle, {
    flush: BROTLI_OPERATION_PROCESS, finishFlush: BROTLI_OPERATION_FINISH,
    fullFlush: BROTLI_OPERATION_FLUSH, maxFlush: BROTLI_OPERATION_EMIT_METADATA,
  });
}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Brotli, ZlibBase);

// Brotli streams take brotli operations directly; no mapping of zlib flush values.
Brotli.prototype._transform = function _transform(chunk, encoding, callback) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') {
    flushFlag = chunk[kFlushFlag];
  } else if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = this._finishFlushFlag;
  }
  this._processChunk(chunk, flushFlag, callback);
};

function makeClass(name, mode, Base) {
  const C = {
    [name]: function(opts) {
      if (!(this instanceof C)) return new C(opts);
      Base.call(this, opts, mode);
    },
  }[name];
  Object.setPrototypeOf(C.prototype, Base.prototype);
  Object.setPrototypeOf(C, Base);
  return C;
}

const Deflate = makeClass('Deflate', DEFLATE, Zlib);
const Inflate = makeClass('Inflate', INFLATE, Zlib);
const Gzip = makeClass('Gzip', GZIP, Zlib);
const Gunzip = makeClass('Gunzip', GUNZIP, Zlib);
const DeflateRaw = makeClass('DeflateRaw', DEFLATERAW, Zlib);
const InflateRaw = makeClass('InflateRaw', INFLATERAW, Zlib);
const Unzip = makeClass('Unzip', UNZIP, Zlib);
const BrotliCompress = makeClass('BrotliCompress', BROTLI_ENCODE, Brotli);
const BrotliDecompress = makeClass('BrotliDecompress', BROTLI_DECODE, Brotli);

function toInput(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (!isBufferSource(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
                                   buffer);
  }
  return buffer;
}

// Sync and callback forms: one engine, the whole input, one call with the finish flag.
function zlibBufferSync(engine, buffer) {
  buffer = toInput(buffer);
  try {
    const out = engine._handle.process(buffer, engine._finishFlushFlag, engine._maxOutputLength);
    return engine._info ? { buffer: out, engine } : out;
  } catch (err) {
    throw convertError(err, engine._maxOutputLength);
  } finally {
    engine._handle.close();
    engine._handle = null;
  }
}

function zlibBuffer(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  buffer = toInput(buffer);
  engine._handle.process(buffer, engine._finishFlushFlag, engine._maxOutputLength, (err, out) => {
    engine._handle.close();
    engine._handle = null;
    if (err) return callback(convertError(err, engine._maxOutputLength));
    callback(null, engine._info ? { buffer: out, engine } : out);
  });
}

function createConvenience(Ctor, name) {
  const syncFn = {
    [`${name}Sync`](buffer, opts) {
      return zlibBufferSync(new Ctor(opts), buffer);
    },
  }[`${name}Sync`];
  const asyncFn = {
    [name](buffer, opts, callback) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      return zlibBuffer(new Ctor(opts), buffer, callback);
    },
  }[name];
  return [asyncFn, syncFn];
}

const [deflate, deflateSync] = createConvenience(Deflate, 'deflate');
const [gzip, gzipSync] = createConvenience(Gzip, 'gzip');
const [deflateRaw, deflateRawSync] = createConvenience(DeflateRaw, 'deflateRaw');
const [unzip, unzipSync] = createConvenience(Unzip, 'unzip');
const [inflate, inflateSync] = createConvenience(Inflate, 'inflate');
const [gunzip, gunzipSync] = createConvenience(Gunzip, 'gunzip');
const [inflateRaw, inflateRawSync] = createConvenience(InflateRaw, 'inflateRaw');
const [brotliCompress, brotliCompressSync] = createConvenience(BrotliCompress, 'brotliCompress');
const [brotliDecompress, brotliDecompressSync] = createConvenience(BrotliDecompress, 'brotliDecompress');

function crc32(data, value = 0) {
  if (typeof data === 'string') data = Buffer.from(data);
  else if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateNumber(value, 'value', 0, 0xFFFFFFFF);
  return binding.crc32(data, value >>> 0);
}

module.exports = {
  crc32,
  Deflate,
  Inflate,
  Gzip,
  Gunzip,
  DeflateRaw,
  InflateRaw,
  Unzip,
  BrotliCompress,
  BrotliDecompress,
  deflate,
  deflateSync,
  gzip,
  gzipSync,
  deflateRaw,
  deflateRawSync,
  unzip,
  unzipSync,
  inflate,
  inflateSync,
  gunzip,
  gunzipSync,
  inflateRaw,
  inflateRawSync,
  brotliCompress,
  brotliCompressSync,
  brotliDecompress,
  brotliDecompressSync,
  createDeflate: (o) => new Deflate(o),
  createInflate: (o) => new Inflate(o),
  createDeflateRaw: (o) => new DeflateRaw(o),
  createInflateRaw: (o) => new InflateRaw(o),
  createGzip: (o) => new Gzip(o),
  createGunzip: (o) => new Gunzip(o),
  createUnzip: (o) => new Unzip(o),
  createBrotliCompress: (o) => new BrotliCompress(o),
  createBrotliDecompress: (o) => new BrotliDecompress(o),
  constants,
  codes: Object.freeze(codes),
};

// Node also exposes every constant directly on the module (zlib.Z_NO_FLUSH...), not enumerable.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, {
    enumerable: false, value: constants[key], writable: false,
  });
}
