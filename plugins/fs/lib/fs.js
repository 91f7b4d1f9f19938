'use strict';
// Node's fs module: synchronous and callback APIs over the plugin's private binding. Every
// binding operation runs synchronously when called without a completion function, and on
// libuv's thread pool when given one: (errno, syscall) on failure, (0, value) on success.

const { Buffer } = require('buffer');
const pathModule = require('path');
const {
  codes: {
    ERR_FS_EISDIR,
    ERR_FS_INVALID_SYMLINK_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateBuffer,
  validateFunction,
  validateInteger,
  validateObject,
  kValidateObjectAllowNullable,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const utils = require('internal/fs/utils');
const {
  constants,
  kIoMaxLength,
  kMaxUserId,
  fsError,
  makeCallback,
  makeMappedCallback,
  maybeCallback,
  checkAborted,
  getValidatedPath,
  getValidatedFd,
  getOptions,
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
  getStatsFromBinding,
  getStatFsFromBinding,
  Dirent,
  getDirents,
  getValidMode,
} = utils;

const { F_OK, R_OK, W_OK, X_OK, O_WRONLY, O_SYNC, UV_DIRENT_DIR, UV_FS_SYMLINK_DIR,
  UV_FS_SYMLINK_JUNCTION } = constants;
const kReadFileEncodings = { __proto__: null, utf8: 1, 'utf-8': 1, latin1: 2, binary: 2 };

function nop() {}

// Delivers a promise's outcome to a Node-style callback outside the promise chain, so a throwing
// callback becomes an uncaught exception rather than a rejected promise.
function promiseToCallback(promise, callback) {
  promise.then(
    (value) => process.nextTick(callback, null, value),
    (err) => process.nextTick(callback, err));
}

// A void operation's callback gets only (err), as in Node.
function voidCallback(callback, path, dest) {
  return (errno, value) => {
    if (errno < 0) callback(fsError(errno, value, path, dest));
    else callback(null);
  };
}

// ---- access / exists -----------------------------------------------------------------------------

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  callback = maybeCallback(callback);
  binding.access(path, mode, voidCallback(callback, path));
}

function accessSync(path, mode) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  binding.access(path, mode);
}

function exists(path, callback) {
  validateFunction(callback, 'cb');
  try {
    path = getValidatedPath(path);
  } catch {
    return process.nextTick(callback, false);
  }
  binding.access(path, F_OK, (errno) => callback(errno === 0));
}
Object.defineProperty(exists, require('internal/util').promisify.custom, {
  value: function exists(path) {
    return new Promise((resolve) => fs.exists(path, resolve));
  },
});

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return binding.existsSync(path);
}

// ---- open / close ----------------------------------------------------------------------------------

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = maybeCallback(callback);
  binding.open(path, flagsNumber, mode, makeCallback(callback, path));
}

function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  return binding.open(path, stringToFlags(flags), parseFileMode(mode, 'mode', 0o666));
}

function close(fd, callback = nop) {
  fd = getValidatedFd(fd);
  if (callback !== nop) validateFunction(callback, 'cb');
  binding.close(fd, voidCallback(callback));
}

function closeSync(fd) {
  fd = getValidatedFd(fd);
  binding.close(fd);
}

// ---- read / write ----------------------------------------------------------------------------------

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? kEmptyObject);
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', kValidateObjectAllowNullable);
    ({
      offset = 0,
      length = buffer?.byteLength - offset,
      position = null,
    } = params ?? kEmptyObject);
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) {
    return process.nextTick(callback, null, 0, buffer);
  }
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position', length);
  binding.read(fd, buffer, offset, length, position, (errno, value) => {
    if (errno < 0) callback(fsError(errno, value));
    else callback(null, value, buffer);
  });
}
Object.defineProperty(read, require('internal/util').customPromisifyArgs,
                      { value: ['bytesRead', 'buffer'], enumerable: false });

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    }
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offsetOrOptions ?? kEmptyObject);
  }
  if (offset === undefined) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return 0;
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position', length);
  return binding.read(fd, buffer, offset, length, position);
}

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = maybeCallback(callback);
  if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
  binding.readv(fd, buffers, position, (errno, value) => {
    if (errno < 0) callback(fsError(errno, value));
    else callback(null, value, buffers);
  });
}
Object.defineProperty(readv, require('internal/util').customPromisifyArgs,
                      { value: ['bytesRead', 'buffers'], enumerable: false });

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
  return binding.readv(fd, buffers, position);
}

function validateStringToWrite(buffer) {
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
}

// The view, offset, length and position a write of `buffer` uses (a string is encoded first).
function viewWriteArgs(buffer, offsetOrOptions, length, position) {
  let offset = offsetOrOptions;
  if (typeof offset === 'object' && offset !== null) {
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offsetOrOptions ?? kEmptyObject);
  }
  if (offset == null || typeof offset === 'function') {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  if (typeof length !== 'number') length = buffer.byteLength - offset;
  if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
  validateOffsetLengthWrite(offset, length, buffer.byteLength);
  const view = buffer instanceof Uint8Array ? buffer :
    new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return [view, offset, length, position];
}

function stringView(string, encoding) {
  validateStringToWrite(string);
  if (typeof encoding !== 'string') encoding = 'utf8';
  require('internal/validators').validateEncoding(string, encoding);
  return Buffer.from(string, encoding);
}

// write(fd, buffer[, offset[, length[, position]]], cb), write(fd, buffer[, options], cb) or
// write(fd, string[, position[, encoding]], cb)
function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  if (isArrayBufferView(buffer)) {
    callback = maybeCallback(callback || position || length || offsetOrOptions);
    const [view, off, len, pos] = viewWriteArgs(buffer, offsetOrOptions, length, position);
    binding.write(fd, view, off, len, pos, (errno, value) => {
      if (errno < 0) callback(fsError(errno, value));
      else callback(null, value, buffer);
    });
    return;
  }
  validateStringToWrite(buffer);
  let pos = offsetOrOptions;
  let encoding = length;
  if (typeof position !== 'function') {
    if (typeof pos === 'function') {
      position = pos;
      pos = null;
    } else {
      position = encoding;
    }
    encoding = 'utf8';
  }
  callback = maybeCallback(position);
  const view = stringView(buffer, encoding);
  if (typeof pos !== 'number' && typeof pos !== 'bigint') pos = null;
  binding.write(fd, view, 0, view.byteLength, pos, (errno, value) => {
    if (errno < 0) callback(fsError(errno, value));
    else callback(null, value, buffer);
  });
}
Object.defineProperty(write, require('internal/util').customPromisifyArgs,
                      { value: ['bytesWritten', 'buffer'], enumerable: false });

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  if (isArrayBufferView(buffer)) {
    const [view, off, len, pos] = viewWriteArgs(buffer, offsetOrOptions, length, position);
    return binding.write(fd, view, off, len, pos);
  }
  const view = stringView(buffer, length);
  let pos = offsetOrOptions;
  if (typeof pos !== 'number' && typeof pos !== 'bigint') pos = null;
  return binding.write(fd, view, 0, view.byteLength, pos);
}

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = maybeCallback(callback);
  if (buffers.length === 0) return process.nextTick(callback, null, 0, buffers);
  if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
  binding.writev(fd, buffers, position, (errno, value) => {
    if (errno < 0) callback(fsError(errno, value));
    else callback(null, value, buffers);
  });
}
Object.defineProperty(writev, require('internal/util').customPromisifyArgs,
                      { value: ['bytesWritten', 'buffer'], enumerable: false });

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
  return binding.writev(fd, buffers, position);
}

// ---- readFile / writeFile / appendFile ---------------------------------------------------------

function isFd(path) {
  return typeof path === 'number';
}

function readFileTarget(path) {
  return isFd(path) ? getValidatedFd(path) : getValidatedPath(path);
}

// The binding decodes UTF-8 and Latin-1 itself; other encodings decode the Buffer in JS.
function decodeFileResult(value, encoding) {
  if (!encoding || encoding === 'buffer' || typeof value === 'string') return value;
  return value.toString(encoding);
}

function readFile(path, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { flag: 'r' });
  const target = readFileTarget(path);
  const flags = stringToFlags(options.flag || 'r');
  const encoding = options.encoding;
  const signal = options.signal;
  if (checkAborted(signal, callback)) return;
  const native = kReadFileEncodings[encoding] || 0;
  binding.readFile(target, flags, native, (errno, value) => {
    if (signal && signal.aborted) return callback(utils.makeAbortError(signal));
    if (errno < 0) return callback(fsError(errno, value, value === 'open' ? target : undefined));
    let result;
    try {
      result = decodeFileResult(value, encoding);
    } catch (err) {
      return callback(err);
    }
    callback(null, result);
  });
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  const target = readFileTarget(path);
  const encoding = options.encoding;
  const value = binding.readFile(target, stringToFlags(options.flag || 'r'),
                                 kReadFileEncodings[encoding] || 0);
  return decodeFileResult(value, encoding);
}

function writeFileTarget(path) {
  return isFd(path) ? getValidatedFd(path) : getValidatedPath(path);
}

function writeFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const view = toWritableData(data, options.encoding);
  const target = writeFileTarget(path);
  const signal = options.signal;
  if (checkAborted(signal, callback)) return;
  const flags = stringToFlags(options.flag || 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  const done = (errno, value) => {
    if (errno < 0) return callback(fsError(errno, value, value === 'open' ? target : undefined));
    if (signal && signal.aborted) return callback(utils.makeAbortError(signal));
    callback(null);
  };
  if (!flush) return binding.writeFile(target, view, flags, mode, done);
  writeFileFlushed(target, view, flags, mode, done);
}

// flush: the data reaches the disk (fsync) before the file is closed.
function writeFileFlushed(target, view, flags, mode, done) {
  const own = !isFd(target);
  const withFd = (fd) => {
    binding.writeFile(fd, view, flags, mode, (errno, value) => {
      if (errno < 0) return finish(fd, errno, value);
      binding.fsync(fd, (e2, v2) => finish(fd, e2, v2));
    });
  };
  const finish = (fd, errno, value) => {
    if (!own) return done(errno, value);
    binding.close(fd, (e3, v3) => (errno < 0 ? done(errno, value) : done(e3, v3)));
  };
  if (!own) return withFd(target);
  binding.open(target, flags, mode, (errno, fd) => (errno < 0 ? done(errno, fd) : withFd(fd)));
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const view = toWritableData(data, options.encoding);
  const target = writeFileTarget(path);
  const flags = stringToFlags(options.flag || 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (!flush) return binding.writeFile(target, view, flags, mode);
  const fd = isFd(target) ? target : binding.open(target, flags, mode);
  try {
    binding.writeFile(fd, view, flags, mode);
    binding.fsync(fd);
  } finally {
    if (!isFd(target)) binding.close(fd);
  }
}

function appendFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = { ...options };
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFile(path, data, options, callback);
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = { ...options };
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFileSync(path, data, options);
}

// ---- stat --------------------------------------------------------------------------------------

function statCallback(callback, bigint, path) {
  return (errno, value) => {
    if (errno < 0) callback(fsError(errno, value, path));
    else callback(null, getStatsFromBinding(bigint));
  };
}

function stat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  const bigint = !!(options && options.bigint);
  binding.stat(path, bigint, statCallback(callback, bigint, path));
}

function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  const bigint = !!(options && options.bigint);
  binding.lstat(path, bigint, statCallback(callback, bigint, path));
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  fd = getValidatedFd(fd);
  callback = maybeCallback(callback);
  const bigint = !!(options && options.bigint);
  binding.fstat(fd, bigint, statCallback(callback, bigint));
}

function statSync(path, options) {
  path = getValidatedPath(path);
  const bigint = options !== undefined && options !== null && !!options.bigint;
  const throwIfNoEntry = !options || options.throwIfNoEntry !== false;
  if (binding.stat(path, bigint, undefined, throwIfNoEntry) === undefined) return undefined;
  return getStatsFromBinding(bigint);
}

function lstatSync(path, options) {
  path = getValidatedPath(path);
  const bigint = options !== undefined && options !== null && !!options.bigint;
  const throwIfNoEntry = !options || options.throwIfNoEntry !== false;
  if (binding.lstat(path, bigint, undefined, throwIfNoEntry) === undefined) return undefined;
  return getStatsFromBinding(bigint);
}

function fstatSync(fd, options = { bigint: false }) {
  fd = getValidatedFd(fd);
  const bigint = !!(options && options.bigint);
  binding.fstat(fd, bigint);
  return getStatsFromBinding(bigint);
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.statfs(path, !!(options && options.bigint),
                 makeMappedCallback(callback, getStatFsFromBinding, path));
}

function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(binding.statfs(path, !!(options && options.bigint)));
}

// ---- directories ---------------------------------------------------------------------------------

function readdirResult(path, result, options) {
  if (options.withFileTypes) return getDirents(path, result, options.encoding);
  if (!wantsBuffer(options.encoding) || options.encoding === 'buffer') return result;
  return result.map((name) => encodeName(name, options.encoding));
}

// Breadth-first listing of a tree, as Node's recursive readdir returns it.
function readdirRecursiveSync(basePath, options) {
  const withFileTypes = !!options.withFileTypes;
  const results = [];
  const queue = [typeof basePath === 'string' ? basePath : Buffer.from(basePath).toString()];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    const [names, types] = binding.readdir(dir, true, false);
    for (let i = 0; i < names.length; i++) {
      const full = pathModule.join(dir, names[i]);
      let type = types[i];
      if (type === constants.UV_DIRENT_UNKNOWN) {
        if (binding.lstat(full, false, undefined, false)) {
          type = utils.direntTypeFromMode(binding.statValues[1]);
        }
      }
      if (withFileTypes) {
        results.push(new Dirent(encodeName(names[i], options.encoding), type, dir));
      } else {
        results.push(encodeName(pathModule.relative(queue[0], full), options.encoding));
      }
      if (type === UV_DIRENT_DIR) queue.push(full);
    }
  }
  return results;
}

async function readdirRecursive(basePath, options) {
  const withFileTypes = !!options.withFileTypes;
  const results = [];
  const queue = [typeof basePath === 'string' ? basePath : Buffer.from(basePath).toString()];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    const [names, types] = await utils.callPromise(binding.readdir, [dir, true, false], dir);
    for (let i = 0; i < names.length; i++) {
      const full = pathModule.join(dir, names[i]);
      let type = types[i];
      if (type === constants.UV_DIRENT_UNKNOWN) {
        if (binding.lstat(full, false, undefined, false)) {
          type = utils.direntTypeFromMode(binding.statValues[1]);
        }
      }
      if (withFileTypes) {
        results.push(new Dirent(encodeName(names[i], options.encoding), type, dir));
      } else {
        results.push(encodeName(pathModule.relative(queue[0], full), options.encoding));
      }
      if (type === UV_DIRENT_DIR) queue.push(full);
    }
  }
  return results;
}

function readdir(path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) {
    promiseToCallback(readdirRecursive(path, options), callback);
    return;
  }
  binding.readdir(path, !!options.withFileTypes, options.encoding === 'buffer' ||
                  (wantsBuffer(options.encoding) && !options.withFileTypes),
  makeMappedCallback(callback, (result) => readdirResult(path, result, options), path));
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) return readdirRecursiveSync(path, options);
  const result = binding.readdir(path, !!options.withFileTypes, options.encoding === 'buffer' ||
                                 (wantsBuffer(options.encoding) && !options.withFileTypes));
  return readdirResult(path, result, options);
}

function parseMkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'mode');
  }
  validateBoolean(recursive, 'options.recursive');
  return { mode, recursive };
}

// mkdir -p: returns the first directory it created, or undefined when all existed.
function mkdirpSync(path, mode) {
  try {
    binding.mkdir(path, mode);
    return path;
  } catch (err) {
    if (err.code === 'EEXIST') {
      if (binding.stat(path, false, undefined, false) &&
          (binding.statValues[1] & constants.S_IFMT) === constants.S_IFDIR) {
        return undefined;
      }
      throw err;
    }
    if (err.code !== 'ENOENT') throw err;
    const parent = pathModule.dirname(path);
    if (parent === path) throw err;
    const first = mkdirpSync(parent, mode);
    try {
      binding.mkdir(path, mode);
    } catch (again) {
      if (again.code !== 'EEXIST') throw again;
    }
    return first ?? path;
  }
}

async function mkdirp(path, mode) {
  const call = (p) => utils.callPromise(binding.mkdir, [p, mode], p);
  try {
    await call(path);
    return path;
  } catch (err) {
    if (err.code === 'EEXIST') {
      const st = await utils.callPromise(binding.stat, [path, false], path, undefined,
                                         () => getStatsFromBinding(false)).catch(() => null);
      if (st && st.isDirectory()) return undefined;
      throw err;
    }
    if (err.code !== 'ENOENT') throw err;
    const parent = pathModule.dirname(path);
    if (parent === path) throw err;
    const first = await mkdirp(parent, mode);
    try {
      await call(path);
    } catch (again) {
      if (again.code !== 'EEXIST') throw again;
    }
    return first ?? path;
  }
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { mode, recursive } = parseMkdirOptions(options);
  path = getValidatedPath(path);
  callback = maybeCallback(callback);
  if (recursive) {
    const p = typeof path === 'string' ? path : Buffer.from(path).toString();
    promiseToCallback(mkdirp(p, mode), callback);
    return;
  }
  binding.mkdir(path, mode, voidCallback(callback, path));
}

function mkdirSync(path, options) {
  const { mode, recursive } = parseMkdirOptions(options);
  path = getValidatedPath(path);
  if (recursive) return mkdirpSync(typeof path === 'string' ? path : Buffer.from(path).toString(), mode);
  binding.mkdir(path, mode);
}

function validateMkdtempPrefix(prefix) {
  prefix = getValidatedPath(prefix, 'prefix');
  return prefix;
}

function mkdtemp(prefix, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = validateMkdtempPrefix(prefix);
  binding.mkdtemp(prefix, wantsBuffer(options.encoding), makeMappedCallback(
    callback, (p) => encodeName(p, options.encoding), `${prefix}XXXXXX`));
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = validateMkdtempPrefix(prefix);
  return encodeName(binding.mkdtemp(prefix, wantsBuffer(options.encoding)), options.encoding);
}

// ---- removal ---------------------------------------------------------------------------------------

let rmModule;
function lazyRm() {
  if (rmModule === undefined) rmModule = require('internal/fs/rm');
  return rmModule;
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    utils.emitRecursiveRmdirWarning();
    options = validateRmdirOptions(options);
    promiseToCallback(lazyRm().rimraf(path, options), callback);
    return;
  }
  validateRmdirOptions(options);
  binding.rmdir(path, false, voidCallback(callback, path));
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    utils.emitRecursiveRmdirWarning();
    options = validateRmdirOptions(options);
    return lazyRm().rimrafSync(path, options);
  }
  validateRmdirOptions(options);
  binding.rmdir(path);
}

function validateRmOptions(path, options) {
  if (options !== undefined) validateObject(options, 'options');
  return validateRmOptionsShape(options);
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  callback = maybeCallback(callback);
  options = validateRmOptions(path, options);
  promiseToCallback(lazyRm().rm(path, options), callback);
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptions(path, options);
  lazyRm().rmSync(path, options);
}

function unlink(path, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.unlink(path, false, voidCallback(callback, path));
}

function unlinkSync(path) {
  path = getValidatedPath(path);
  binding.unlink(path);
}

// ---- names and links ---------------------------------------------------------------------------

function rename(oldPath, newPath, callback) {
  callback = maybeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath, voidCallback(callback, oldPath, newPath));
}

function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath);
}

function link(existingPath, newPath, callback) {
  callback = maybeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath, voidCallback(callback, existingPath, newPath));
}

function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath);
}

function symlinkFlags(type) {
  if (typeof type !== 'string') return 0; // Node ignores a type that is not a string
  if (type === 'dir') return UV_FS_SYMLINK_DIR;
  if (type === 'junction') return UV_FS_SYMLINK_JUNCTION;
  if (type === 'file') return 0;
  throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
}

function symlink(target, path, type, callback) {
  if (typeof type === 'function') {
    callback = type;
    type = undefined;
  }
  callback = maybeCallback(callback);
  const flags = symlinkFlags(type);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  binding.symlink(target, path, flags, voidCallback(callback, target, path));
}

function symlinkSync(target, path, type) {
  const flags = symlinkFlags(type);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  binding.symlink(target, path, flags);
}

function readlink(path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  binding.readlink(path, wantsBuffer(options.encoding), makeMappedCallback(
    callback, (p) => encodeName(p, options.encoding), path));
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return encodeName(binding.readlink(path, wantsBuffer(options.encoding)), options.encoding);
}

// fs.realpath reports a missing component the way Node's JS walk does: lstat on that component.
function realpathErrorPath(path) {
  const abs = pathModule.resolve(typeof path === 'string' ? path : Buffer.from(path).toString());
  const parts = abs.split('/');
  let current = '';
  for (let i = 1; i < parts.length; i++) {
    if (parts[i] === '') continue;
    current += `/${parts[i]}`;
    if (!binding.lstat(current, false, undefined, false)) return current;
  }
  return null;
}

function realpathError(errno, syscall, path) {
  if (errno === -2 || errno === -20) {
    const missing = realpathErrorPath(path);
    if (missing !== null) return fsError(errno, 'lstat', missing);
  }
  return fsError(errno, syscall, path);
}

// Node's realpath (not .native) turns any non-URL argument into a string first.
function realpathArg(path) {
  path = utils.toPathIfFileURL(path);
  if (typeof path !== 'string') path += '';
  return getValidatedPath(path);
}

function realpath(path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = realpathArg(path);
  binding.realpath(path, wantsBuffer(options.encoding), (errno, value) => {
    if (errno < 0) callback(realpathError(errno, value, path));
    else callback(null, encodeName(value, options.encoding));
  });
}

function realpathSync(path, options) {
  options = getOptions(options);
  path = realpathArg(path);
  let result;
  try {
    result = binding.realpath(path, wantsBuffer(options.encoding));
  } catch (err) {
    if (typeof err.errno === 'number') throw realpathError(err.errno, err.syscall, path);
    throw err;
  }
  return encodeName(result, options.encoding);
}

realpath.native = function(path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  binding.realpath(path, wantsBuffer(options.encoding), makeMappedCallback(
    callback, (p) => encodeName(p, options.encoding), path));
};

realpathSync.native = function(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return encodeName(binding.realpath(path, wantsBuffer(options.encoding)), options.encoding);
};

// ---- permissions, owners, times ---------------------------------------------------------------

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = maybeCallback(callback);
  binding.chmod(path, mode, voidCallback(callback, path));
}

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  binding.chmod(path, mode);
}

function fchmod(fd, mode, callback) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  callback = maybeCallback(callback);
  binding.fchmod(fd, mode, voidCallback(callback));
}

function fchmodSync(fd, mode) {
  fd = getValidatedFd(fd);
  binding.fchmod(fd, parseFileMode(mode, 'mode'));
}

function validateIds(uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}

function chown(path, uid, gid, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.chown(path, uid, gid, voidCallback(callback, path));
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.chown(path, uid, gid);
}

function lchown(path, uid, gid, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.lchown(path, uid, gid, voidCallback(callback, path));
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.lchown(path, uid, gid);
}

function fchown(fd, uid, gid, callback) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  callback = maybeCallback(callback);
  binding.fchown(fd, uid, gid, voidCallback(callback));
}

function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  binding.fchown(fd, uid, gid);
}

function utimes(path, atime, mtime, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                 voidCallback(callback, path));
}

function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

function lutimes(path, atime, mtime, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                  voidCallback(callback, path));
}

function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

function futimes(fd, atime, mtime, callback) {
  fd = getValidatedFd(fd);
  atime = toUnixTimestamp(atime);
  mtime = toUnixTimestamp(mtime);
  callback = maybeCallback(callback);
  binding.futimes(fd, atime, mtime, voidCallback(callback));
}

function futimesSync(fd, atime, mtime) {
  fd = getValidatedFd(fd);
  binding.futimes(fd, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

// ---- sizes and syncing -----------------------------------------------------------------------------

function validateLen(len) {
  if (len === undefined || len === null) return 0;
  validateInteger(len, 'len');
  return Math.max(0, len);
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  len = validateLen(len);
  callback = maybeCallback(callback);
  binding.ftruncate(fd, len, voidCallback(callback));
}

function ftruncateSync(fd, len = 0) {
  fd = getValidatedFd(fd);
  binding.ftruncate(fd, validateLen(len));
}

function truncate(path, len, callback) {
  if (typeof path === 'number') return ftruncate(path, len, callback);
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  len = validateLen(len);
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.open(path, constants.O_RDWR, 0o666, (errno, fd) => {
    if (errno < 0) return callback(fsError(errno, fd, path));
    binding.ftruncate(fd, len, (e1, v1) => {
      binding.close(fd, (e2, v2) => {
        if (e1 < 0) return callback(fsError(e1, v1));
        if (e2 < 0) return callback(fsError(e2, v2));
        callback(null);
      });
    });
  });
}

function truncateSync(path, len) {
  if (typeof path === 'number') return ftruncateSync(path, len);
  len = validateLen(len);
  path = getValidatedPath(path);
  const fd = binding.open(path, constants.O_RDWR, 0o666);
  try {
    binding.ftruncate(fd, len);
  } finally {
    binding.close(fd);
  }
}

function fsync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = maybeCallback(callback);
  binding.fsync(fd, voidCallback(callback));
}

function fsyncSync(fd) {
  binding.fsync(getValidatedFd(fd));
}

function fdatasync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = maybeCallback(callback);
  binding.fdatasync(fd, voidCallback(callback));
}

function fdatasyncSync(fd) {
  binding.fdatasync(getValidatedFd(fd));
}

// ---- copying -----------------------------------------------------------------------------------

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  callback = maybeCallback(callback);
  binding.copyfile(src, dest, mode, voidCallback(callback, src, dest));
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  binding.copyfile(src, dest, mode);
}

let cpModule;
function lazyCp() {
  if (cpModule === undefined) cpModule = require('internal/fs/cp');
  return cpModule;
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  const cpMod = lazyCp();
  options = cpMod.validateCpOptions(options);
  src = pathModule.toNamespacedPath(getValidatedPath(src, 'src'));
  dest = pathModule.toNamespacedPath(getValidatedPath(dest, 'dest'));
  promiseToCallback(cpMod.cp(src, dest, options), callback);
}

function cpSync(src, dest, options) {
  const cpMod = lazyCp();
  options = cpMod.validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  cpMod.cpSync(src, dest, options);
}

// ---- lazily loaded parts ---------------------------------------------------------------------------

let dirModule;
function lazyDir() {
  if (dirModule === undefined) dirModule = require('internal/fs/dir');
  return dirModule;
}

let watchersModule;
function lazyWatchers() {
  if (watchersModule === undefined) watchersModule = require('internal/fs/watchers');
  return watchersModule;
}

let streamsModule;
function lazyStreams() {
  if (streamsModule === undefined) streamsModule = require('internal/fs/streams');
  return streamsModule;
}

let promisesExports;
function lazyPromises() {
  if (promisesExports === undefined) promisesExports = require('internal/fs/promises').exports;
  return promisesExports;
}

function opendir(path, options, callback) {
  return lazyDir().opendir(path, options, callback);
}

function opendirSync(path, options) {
  return lazyDir().opendirSync(path, options);
}

function watch(filename, options, listener) {
  return lazyWatchers().watch(filename, options, listener);
}

function watchFile(filename, options, listener) {
  return lazyWatchers().watchFile(filename, options, listener);
}

function unwatchFile(filename, listener) {
  return lazyWatchers().unwatchFile(filename, listener);
}

function createReadStream(path, options) {
  return new (lazyStreams().ReadStream)(path, options);
}

function createWriteStream(path, options) {
  return new (lazyStreams().WriteStream)(path, options);
}

async function openAsBlob(path, options = kEmptyObject) {
  validateObject(options, 'options');
  const type = options.type || '';
  path = getValidatedPath(path);
  const data = await lazyPromises().readFile(path);
  const { Blob } = require('buffer');
  return new Blob([data], { type });
}

const fs = module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  lchown,
  lchownSync,
  lchmod: undefined,
  lchmodSync: undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats,

  get ReadStream() { return lazyStreams().ReadStream; },
  set ReadStream(val) { lazyStreams().ReadStream = val; },
  get WriteStream() { return lazyStreams().WriteStream; },
  set WriteStream(val) { lazyStreams().WriteStream = val; },
  get FileReadStream() { return lazyStreams().FileReadStream; },
  set FileReadStream(val) { lazyStreams().FileReadStream = val; },
  get FileWriteStream() { return lazyStreams().FileWriteStream; },
  set FileWriteStream(val) { lazyStreams().FileWriteStream = val; },

  _toUnixTimestamp: toUnixTimestamp,
};

Object.defineProperties(fs, {
  Dir: {
    enumerable: true,
    configurable: true,
    get() { return lazyDir().Dir; },
  },
  opendir: { enumerable: true, configurable: true, writable: true, value: opendir },
  opendirSync: { enumerable: true, configurable: true, writable: true, value: opendirSync },
  F_OK: { enumerable: true, value: F_OK },
  R_OK: { enumerable: true, value: R_OK },
  W_OK: { enumerable: true, value: W_OK },
  X_OK: { enumerable: true, value: X_OK },
  constants: {
    configurable: false,
    enumerable: true,
    value: constants,
  },
  promises: {
    configurable: true,
    enumerable: true,
    get() { return lazyPromises(); },
  },
});
