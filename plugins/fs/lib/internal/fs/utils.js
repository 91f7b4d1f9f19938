'use strict';
// Shared by every part of the fs plugin: argument validation with Node's exact errors, path and
// flag conversion, Stats and Dirent, and the bridge from the binding's errno results to errors.

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_FS_FILE_TOO_LARGE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_URL_SCHEME,
  },
  uvException,
  AbortError,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateUint32,
} = require('internal/validators');
const { bindToCurrent } = require('internal/async_context');

const constants = Object.freeze(Object.assign(Object.create(null), binding.constants));
const {
  O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY,
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK,
  UV_DIRENT_UNKNOWN, UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO,
  UV_DIRENT_SOCKET, UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
} = constants;

// Node caps a single read or write at INT32_MAX bytes.
const kIoMaxLength = 2 ** 31 - 1;
const kMaxUserId = 2 ** 32 - 1;

// ---- errors from the binding --------------------------------------------------------------------

function buildError(errno, syscall, path, dest) {
  if (errno === binding.kErrFileTooLarge) return new ERR_FS_FILE_TOO_LARGE(syscall);
  const ctx = { errno, syscall };
  if (path !== undefined && path !== null) ctx.path = path;
  if (dest !== undefined && dest !== null) ctx.dest = dest;
  return uvException(ctx);
}

// An error from an asynchronous operation: like Node's, its stack is only its message, since
// no JS frame caused it.
function fsError(errno, syscall, path, dest) {
  const err = buildError(errno, syscall, path, dest);
  if (err.code !== 'ERR_FS_FILE_TOO_LARGE') {
    Object.defineProperty(err, 'stack', {
      value: `Error: ${err.message}`, writable: true, configurable: true, enumerable: false,
    });
  }
  return err;
}

// An error a synchronous call throws: its stack starts at the fs function the program called.
function syncFsError(errno, syscall, path, dest) {
  const err = buildError(errno, syscall, path, dest);
  if (err.code !== 'ERR_FS_FILE_TOO_LARGE') Error.captureStackTrace(err, syncFsError);
  return err;
}
// Synchronous binding calls throw what this builds; async results come back as (errno, syscall).
binding.setErrorFactory(syncFsError);

// Wraps a user callback as the binding's (errno, syscall | value) completion.
function makeCallback(callback, path, dest) {
  return (errno, value) => {
    if (errno < 0) callback(fsError(errno, value, path, dest));
    else callback(null, value);
  };
}

// Same, for a callback that gets a value computed from the result.
function makeMappedCallback(callback, map, path, dest) {
  return (errno, value) => {
    if (errno < 0) callback(fsError(errno, value, path, dest));
    else callback(null, map(value));
  };
}

// Runs a binding operation as a promise: op(...args, completion).
function callPromise(op, args, path, dest, map) {
  return new Promise((resolve, reject) => {
    op(...args, (errno, value) => {
      if (errno < 0) reject(fsError(errno, value, path, dest));
      else resolve(map === undefined ? value : map(value));
    });
  });
}

// A validated callback, run in the async context of the call (AsyncLocalStorage) once
// async_hooks tracks one.
function maybeCallback(cb) {
  validateFunction(cb, 'cb');
  return bindToCurrent(cb);
}

function makeAbortError(signal) {
  return new AbortError(undefined, { cause: signal && signal.reason });
}

function checkAborted(signal, callback) {
  if (signal && signal.aborted) {
    callback(makeAbortError(signal));
    return true;
  }
  return false;
}

// ---- paths -------------------------------------------------------------------------------------

function isURLInstance(value) {
  return value != null && typeof value === 'object' && typeof value.href === 'string' &&
    typeof value.protocol === 'string' && value.origin !== undefined;
}

let urlModule;
function fileURLToPath(url) {
  if (urlModule === undefined) {
    try {
      urlModule = require('url');
    } catch {
      urlModule = null;
    }
  }
  if (urlModule && typeof urlModule.fileURLToPath === 'function') return urlModule.fileURLToPath(url);
  // Fallback while the kernel has no url module: POSIX rules of WHATWG file URLs.
  if (url.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST('linux');
  const pathname = url.pathname;
  for (let i = 0; i < pathname.length; i++) {
    if (pathname[i] === '%') {
      const third = pathname.codePointAt(i + 2) | 0x20;
      if (pathname[i + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function toPathIfFileURL(value) {
  if (typeof value === 'string' || !isURLInstance(value)) return value;
  return fileURLToPath(value);
}

function isUint8Array(value) {
  return value instanceof Uint8Array;
}

function validatePath(path, propName = 'path') {
  if (typeof path !== 'string' && !isUint8Array(path)) {
    throw new ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'], path);
  }
  const hasNull = typeof path === 'string' ? path.includes('\u0000') : path.includes(0);
  if (hasNull) {
    throw new ERR_INVALID_ARG_VALUE(propName, path,
                                    'must be a string, Uint8Array, or URL without null bytes');
  }
}

function getValidatedPath(fileURLOrPath, propName = 'path') {
  if (typeof fileURLOrPath === 'string' && !fileURLOrPath.includes('\u0000')) return fileURLOrPath;
  const path = toPathIfFileURL(fileURLOrPath);
  validatePath(path, propName);
  return path;
}

function getValidatedFd(fd, propName = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
}

// ---- options -----------------------------------------------------------------------------------

function assertEncoding(encoding) {
  if (encoding && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

function getOptions(options, defaultOptions = {}) {
  if (options == null || typeof options === 'function') return defaultOptions;
  if (typeof options === 'string') {
    defaultOptions = { ...defaultOptions };
    defaultOptions.encoding = options;
    options = defaultOptions;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}

function copyObject(source) {
  const target = {};
  for (const key in source) target[key] = source[key];
  return target;
}

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case 'r': return O_RDONLY;
    case 'rs':
    case 'sr': return O_RDONLY | O_SYNC;
    case 'r+': return O_RDWR;
    case 'rs+':
    case 'sr+': return O_RDWR | O_SYNC;
    case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx':
    case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+':
    case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a': return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax':
    case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'as':
    case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
    case 'a+': return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+':
    case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
    case 'as+':
    case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
  }
  throw new ERR_INVALID_ARG_VALUE('flags', flags);
}

const octalReg = /^[0-7]+$/;
function parseFileMode(value, name, def) {
  value = value ?? def;
  if (typeof value === 'string') {
    if (!octalReg.test(value)) {
      throw new ERR_INVALID_ARG_VALUE(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    value = Number.parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time; // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

function validatePosition(position, name, length) {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    const maxPosition = 2n ** 63n - 1n - BigInt(length);
    if (!(position >= -1n && position <= maxPosition)) {
      throw new ERR_OUT_OF_RANGE(name, `>= -1 && <= ${maxPosition}`, position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
}

function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

function validateBufferArray(buffers, propName = 'buffers') {
  if (!Array.isArray(buffers)) throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
  for (let i = 0; i < buffers.length; i++) {
    if (!isArrayBufferView(buffers[i])) {
      throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
    }
  }
  return buffers;
}

// Data for writeFile/appendFile: strings are encoded, views are used as they are.
function toWritableData(data, encoding, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (isArrayBufferView(data)) {
    if (data instanceof Uint8Array) return data;
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function validateRmdirOptions(options, defaults = { retryDelay: 100, maxRetries: 0, recursive: false }) {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
  return options;
}

function validateRmOptionsShape(options) {
  options = { retryDelay: 100, maxRetries: 0, recursive: false, force: false, ...options };
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
  return options;
}

// Encodes a name the binding returned as a UTF-8 string into the requested encoding.
function encodeName(name, encoding) {
  if (encoding === undefined || encoding === null || encoding === 'utf8' || encoding === 'utf-8') {
    return name;
  }
  const buf = typeof name === 'string' ? Buffer.from(name) : name;
  if (encoding === 'buffer') return buf;
  return buf.toString(encoding);
}

// Whether the binding should hand back Buffers (so no UTF-8 round trip loses bytes).
function wantsBuffer(encoding) {
  return encoding !== undefined && encoding !== null && encoding !== 'utf8' && encoding !== 'utf-8';
}

// ---- Stats ---------------------------------------------------------------------------------------

const kNsPerMsBigInt = 10n ** 6n;
const kNsPerSecBigInt = 10n ** 9n;
const kMsPerSec = 1000;
const kNsPerMs = 1e6;

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

class StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
    this.dev = dev;
    this.mode = mode;
    this.nlink = nlink;
    this.uid = uid;
    this.gid = gid;
    this.rdev = rdev;
    this.blksize = blksize;
    this.ino = ino;
    this.size = size;
    this.blocks = blocks;
  }

  isDirectory() { return this._checkModeProperty(S_IFDIR); }
  isFile() { return this._checkModeProperty(S_IFREG); }
  isBlockDevice() { return this._checkModeProperty(S_IFBLK); }
  isCharacterDevice() { return this._checkModeProperty(S_IFCHR); }
  isSymbolicLink() { return this._checkModeProperty(S_IFLNK); }
  isFIFO() { return this._checkModeProperty(S_IFIFO); }
  isSocket() { return this._checkModeProperty(S_IFSOCK); }
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Stats.prototype._checkModeProperty = function _checkModeProperty(property) {
  return (this.mode & S_IFMT) === property;
};

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                     atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeNs / kNsPerMsBigInt;
  this.mtimeMs = mtimeNs / kNsPerMsBigInt;
  this.ctimeMs = ctimeNs / kNsPerMsBigInt;
  this.birthtimeMs = birthtimeNs / kNsPerMsBigInt;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
BigIntStats.prototype._checkModeProperty = function _checkModeProperty(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

const statValues = binding.statValues;
const bigintStatValues = binding.bigintStatValues;
const kFields = binding.kStatFields;

// Builds Stats from slot `slot` of the array the binding just filled.
function getStatsFromBinding(bigint = false, slot = 0) {
  const o = slot * kFields;
  if (bigint) {
    const s = bigintStatValues;
    return new BigIntStats(
      s[o], s[o + 1], s[o + 2], s[o + 3], s[o + 4], s[o + 5], s[o + 6], s[o + 7], s[o + 8], s[o + 9],
      s[o + 10] * kNsPerSecBigInt + s[o + 11], s[o + 12] * kNsPerSecBigInt + s[o + 13],
      s[o + 14] * kNsPerSecBigInt + s[o + 15], s[o + 16] * kNsPerSecBigInt + s[o + 17]);
  }
  const s = statValues;
  return new Stats(
    s[o], s[o + 1], s[o + 2], s[o + 3], s[o + 4], s[o + 5], s[o + 6], s[o + 7], s[o + 8], s[o + 9],
    s[o + 10] * kMsPerSec + s[o + 11] / kNsPerMs, s[o + 12] * kMsPerSec + s[o + 13] / kNsPerMs,
    s[o + 14] * kMsPerSec + s[o + 15] / kNsPerMs, s[o + 16] * kMsPerSec + s[o + 17] / kNsPerMs);
}

// ---- StatFs ----------------------------------------------------------------------------------------

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

function getStatFsFromBinding(values) {
  return new StatFs(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
}

// ---- Dirent ----------------------------------------------------------------------------------------

const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

// A Dirent whose type the directory listing did not give (UV_DIRENT_UNKNOWN): lstat tells.
class DirentFromStats extends Dirent {
  constructor(name, stats, path) {
    super(name, null, path);
    this[kType] = stats;
  }
}
for (const name of Object.getOwnPropertyNames(Dirent.prototype)) {
  if (name === 'constructor') continue;
  DirentFromStats.prototype[name] = function() {
    return this[kType][name]();
  };
}

function direntTypeFromMode(mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return UV_DIRENT_FILE;
    case S_IFDIR: return UV_DIRENT_DIR;
    case S_IFLNK: return UV_DIRENT_LINK;
    case S_IFIFO: return UV_DIRENT_FIFO;
    case S_IFSOCK: return UV_DIRENT_SOCKET;
    case S_IFCHR: return UV_DIRENT_CHAR;
    case S_IFBLK: return UV_DIRENT_BLOCK;
  }
  return UV_DIRENT_UNKNOWN;
}

// Turns readdir's [names, types] into Dirents; unknown types are resolved with lstat.
function getDirents(path, [names, types], encoding) {
  const dirPath = typeof path === 'string' ? path : Buffer.from(path).toString();
  const out = new Array(names.length);
  for (let i = 0; i < names.length; i++) {
    let type = types[i];
    if (type === UV_DIRENT_UNKNOWN) {
      const full = dirPath.endsWith('/') ? dirPath + names[i] : `${dirPath}/${names[i]}`;
      if (binding.lstat(full, false, undefined, false)) {
        type = direntTypeFromMode(statValues[1]);
      }
    }
    out[i] = new Dirent(encodeName(names[i], encoding), type, dirPath);
  }
  return out;
}

// access/copyFile modes, checked with the words Node's native layer uses.
function getValidMode(mode, type) {
  const min = 0;
  const max = 7; // R_OK | W_OK | X_OK, or COPYFILE_EXCL | COPYFILE_FICLONE | COPYFILE_FICLONE_FORCE
  if (mode == null) return 0;
  if (Number.isInteger(mode) && mode >= min && mode <= max) return mode;
  if (typeof mode !== 'number' || !Number.isInteger(mode) || mode !== (mode | 0)) {
    const err = new TypeError('mode must be int32 or null/undefined');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const err = new RangeError(`mode is out of range: >= ${min} && <= ${max}`);
  err.code = 'ERR_OUT_OF_RANGE';
  throw err;
}

let rmdirWarned = false;
function emitRecursiveRmdirWarning() {
  if (rmdirWarned) return;
  rmdirWarned = true;
  process.emitWarning(
    'In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. ' +
    'Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
}

module.exports = {
  emitRecursiveRmdirWarning,
  constants,
  kIoMaxLength,
  kMaxUserId,
  kType,
  fsError,
  makeCallback,
  makeMappedCallback,
  callPromise,
  maybeCallback,
  makeAbortError,
  checkAborted,
  isURLInstance,
  toPathIfFileURL,
  validatePath,
  getValidatedPath,
  getValidatedFd,
  assertEncoding,
  getOptions,
  copyObject,
  stringToFlags,
  parseFileMode,
  toUnixTimestamp,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  validateBufferArray,
  isArrayBufferView,
  toWritableData,
  validateRmdirOptions,
  validateRmOptionsShape,
  encodeName,
  wantsBuffer,
  Stats,
  BigIntStats,
  StatFs,
  getStatsFromBinding,
  getStatFsFromBinding,
  Dirent,
  DirentFromStats,
  direntTypeFromMode,
  getDirents,
  getValidMode,
};
