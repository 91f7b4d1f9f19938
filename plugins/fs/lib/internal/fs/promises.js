'use strict';
// fs.promises and FileHandle. Every operation is the binding's async form wrapped in a promise.

const { Buffer } = require('buffer');
const EventEmitter = require('events');
const pathModule = require('path');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_INVALID_STATE,
  },
  AbortError,
} = require('internal/errors');
const {
  validateBoolean,
  validateBuffer,
  validateEncoding,
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
  callPromise,
  makeAbortError,
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
  getStatsFromBinding,
  getStatFsFromBinding,
  getDirents,
  getValidMode,
} = utils;

const { F_OK, O_RDWR, S_IFMT, S_IFDIR } = constants;
const kReadFileEncodings = { __proto__: null, utf8: 1, 'utf-8': 1, latin1: 2, binary: 2 };

const kFd = Symbol('kFd');
const kLocked = Symbol('kLocked');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');
const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');

function call(op, ...args) {
  return callPromise(op, args);
}

function checkAborted(signal) {
  if (signal && signal.aborted) throw makeAbortError(signal);
}

// ---- FileHandle ----------------------------------------------------------------------------------

// A FileHandle dropped while open has its descriptor closed when it is collected, with Node's
// warning (the program should have closed it).
const handleRegistry = new FinalizationRegistry((fd) => {
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  binding.close(fd, () => {});
});

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kRefs] = 1;
    this[kClosePromise] = null;
    handleRegistry.register(this, fd, this);
  }

  get fd() {
    return this[kFd];
  }

  getAsyncId() {
    return -1;
  }

  appendFile(data, options) {
    return fsCall(writeFileHandle, this, data, getOptions(options, { encoding: 'utf8', flag: 'a' }));
  }

  chmod(mode) {
    return fsCall(fchmod, this, mode);
  }

  chown(uid, gid) {
    return fsCall(fchown, this, uid, gid);
  }

  datasync() {
    return fsCall(fdatasync, this);
  }

  sync() {
    return fsCall(fsync, this);
  }

  read(buffer, offset, length, position) {
    return fsCall(read, this, buffer, offset, length, position);
  }

  readv(buffers, position) {
    return fsCall(readv, this, buffers, position);
  }

  readFile(options) {
    return fsCall(readFileHandle, this, options);
  }

  readLines(options = undefined) {
    return lazyReadLines()(this, options);
  }

  stat(options) {
    return fsCall(fstat, this, options);
  }

  truncate(len = 0) {
    return fsCall(ftruncate, this, len);
  }

  utimes(atime, mtime) {
    return fsCall(futimes, this, atime, mtime);
  }

  write(buffer, offset, length, position) {
    return fsCall(write, this, buffer, offset, length, position);
  }

  writev(buffers, position) {
    return fsCall(writev, this, buffers, position);
  }

  writeFile(data, options) {
    return fsCall(writeFileHandle, this, data, getOptions(options, { encoding: 'utf8', flag: 'w' }));
  }

  close() {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    this[kRefs]--;
    if (this[kRefs] === 0) {
      // The handle is closed from now on: later operations fail with 'file closed' (EBADF).
      const fd = this[kFd];
      this[kFd] = -1;
      handleRegistry.unregister(this);
      this[kClosePromise] = call(binding.close, fd).then(() => {
        this[kClosePromise] = null;
      }, (err) => {
        this[kClosePromise] = null;
        this[kFd] = fd;
        this[kRefs]++;
        throw err;
      });
    } else {
      // Operations are in flight: the close happens when the last one finishes.
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      }).finally(() => {
        this[kClosePromise] = null;
        this[kCloseResolve] = undefined;
        this[kCloseReject] = undefined;
      });
    }
    // 'close' comes with the call, as in Node: a stream reading through this handle stops now
    // instead of issuing reads on a descriptor that is about to go.
    this.emit('close');
    return this[kClosePromise];
  }

  async [Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose')]() {
    return this.close();
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }

  // A WHATWG ReadableStream of the file's bytes from the current position; the handle stays open.
  readableWebStream(options = kEmptyObject) {
    if (this[kFd] === -1) throw new ERR_INVALID_STATE('The FileHandle is closed');
    if (this[kClosePromise]) throw new ERR_INVALID_STATE('The FileHandle is closing');
    if (this[kLocked]) throw new ERR_INVALID_STATE('The FileHandle is locked');
    this[kLocked] = true;
    const handle = this;
    const source = {
      async pull(controller) {
        const buffer = Buffer.allocUnsafeSlow(65536);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) {
          controller.close(); // the handle stays locked, as in Node
          return;
        }
        controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
      },
      cancel() {
        handle[kLocked] = false;
      },
    };
    if (options && options.type === 'bytes') source.type = 'bytes';
    return new ReadableStream(source);
  }
}

// Runs fn(handle, ...args) while holding a reference, so close() waits for it.
async function fsCall(fn, handle, ...args) {
  if (handle[kFd] === -1) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = fn.name;
    throw err;
  }
  try {
    handle[kRefs]++;
    return await fn(handle, ...args);
  } finally {
    handle[kRefs]--;
    if (handle[kRefs] === 0 && handle[kCloseResolve]) {
      const fd = handle[kFd];
      const resolve = handle[kCloseResolve];
      const reject = handle[kCloseReject];
      handle[kFd] = -1;
      handleRegistry.unregister(handle);
      call(binding.close, fd).then(resolve, reject);
    }
  }
}

let readLines;
function lazyReadLines() {
  if (readLines === undefined) readLines = require('internal/fs/read_lines').readLines;
  return readLines;
}

// ---- fd-level operations (FileHandle methods) --------------------------------------------------

async function fchmod(handle, mode) {
  mode = parseFileMode(mode, 'mode');
  return call(binding.fchmod, handle.fd, mode).then(() => undefined);
}

async function fchown(handle, uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  await call(binding.fchown, handle.fd, uid, gid);
}

async function fdatasync(handle) {
  await call(binding.fdatasync, handle.fd);
}

async function fsync(handle) {
  await call(binding.fsync, handle.fd);
}

async function fstat(handle, options = { bigint: false }) {
  const bigint = !!(options && options.bigint);
  return callPromise(binding.fstat, [handle.fd, bigint], undefined, undefined,
                     () => getStatsFromBinding(bigint));
}

async function ftruncate(handle, len = 0) {
  validateInteger(len, 'len');
  len = Math.max(0, len);
  await call(binding.ftruncate, handle.fd, len);
}

async function futimes(handle, atime, mtime) {
  atime = toUnixTimestamp(atime);
  mtime = toUnixTimestamp(mtime);
  await call(binding.futimes, handle.fd, atime, mtime);
}

async function read(handle, bufferOrParams, offset, length, position) {
  let buffer = bufferOrParams;
  if (!isArrayBufferView(buffer)) {
    if (bufferOrParams !== undefined) {
      validateObject(bufferOrParams, 'options', kValidateObjectAllowNullable);
    }
    ({
      buffer = Buffer.alloc(16384),
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = bufferOrParams ?? kEmptyObject);
    validateBuffer(buffer);
  }
  if (offset !== null && typeof offset === 'object') {
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offset);
  }
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  length ??= buffer.byteLength - offset;
  if (length === 0) return { __proto__: null, bytesRead: length, buffer };
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position', length);
  const bytesRead = await call(binding.read, handle.fd, buffer, offset, length, position);
  return { __proto__: null, bytesRead, buffer };
}

async function readv(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
  const bytesRead = await call(binding.readv, handle.fd, buffers, position);
  return { __proto__: null, bytesRead, buffers };
}

async function write(handle, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
  if (isArrayBufferView(buffer)) {
    let offset = offsetOrOptions;
    if (typeof offset === 'object' && offset !== null) {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null) {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const view = buffer instanceof Uint8Array ? buffer :
      new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const bytesWritten = await call(binding.write, handle.fd, view, offset, length, position);
    return { __proto__: null, bytesWritten, buffer };
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  const encoding = typeof length === 'string' ? length : 'utf8';
  validateEncoding(buffer, encoding);
  const view = Buffer.from(buffer, encoding);
  let pos = offsetOrOptions;
  if (typeof pos !== 'number' && typeof pos !== 'bigint') pos = null;
  const bytesWritten = await call(binding.write, handle.fd, view, 0, view.byteLength, pos);
  return { __proto__: null, bytesWritten, buffer };
}

async function writev(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
  if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
  const bytesWritten = await call(binding.writev, handle.fd, buffers, position);
  return { __proto__: null, bytesWritten, buffers };
}

function decode(value, encoding) {
  if (!encoding || encoding === 'buffer' || typeof value === 'string') return value;
  return value.toString(encoding);
}

async function readFileHandle(handle, options) {
  options = getOptions(options, { flag: 'r' });
  checkAborted(options.signal);
  const value = await call(binding.readFile, handle.fd, 0, kReadFileEncodings[options.encoding] || 0);
  checkAborted(options.signal);
  return decode(value, options.encoding);
}

function isIterable(data) {
  return data != null && typeof data === 'object' &&
    (typeof data[Symbol.iterator] === 'function' || typeof data[Symbol.asyncIterator] === 'function');
}

// Writes strings, views, or (async) iterables of them to an open fd.
async function writeAll(fd, data, options) {
  const signal = options.signal;
  if (typeof data === 'string' || isArrayBufferView(data)) {
    const view = toWritableData(data, options.encoding);
    checkAborted(signal);
    await call(binding.writeFile, fd, view, 0, 0);
    return;
  }
  if (!isIterable(data)) {
    throw new ERR_INVALID_ARG_TYPE('data',
                                   ['string', 'Buffer', 'TypedArray', 'DataView', 'AsyncIterable', 'Iterable', 'Stream'], data);
  }
  for await (const chunk of data) {
    checkAborted(signal);
    const view = toWritableData(chunk, options.encoding, 'data');
    await call(binding.writeFile, fd, view, 0, 0);
  }
  checkAborted(signal);
}

async function writeFileHandle(handle, data, options) {
  await writeAll(handle.fd, data, options);
  if (options.flush) await call(binding.fsync, handle.fd);
}

// ---- path-level operations -------------------------------------------------------------------------

async function access(path, mode = F_OK) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  await callPromise(binding.access, [path, mode], path);
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  await callPromise(binding.copyfile, [src, dest, mode], src, dest);
}

async function cp(src, dest, options) {
  const cpMod = require('internal/fs/cp');
  options = cpMod.validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  return cpMod.cp(src, dest, options);
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  const fd = await callPromise(binding.open, [path, flagsNumber, mode], path);
  return new FileHandle(fd);
}

async function opendir(path, options) {
  return require('internal/fs/dir').opendirPromise(path, options);
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  await callPromise(binding.rename, [oldPath, newPath], oldPath, newPath);
}

async function truncate(path, len = 0) {
  const fd = await open(path, 'r+');
  return fsCall(ftruncate, fd, len).finally(() => fd.close());
}

async function rm(path, options) {
  path = getValidatedPath(path);
  if (options !== undefined) validateObject(options, 'options');
  options = validateRmOptionsShape(options);
  return require('internal/fs/rm').rm(path, options);
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  options = validateRmdirOptions(options);
  if (options.recursive) {
    utils.emitRecursiveRmdirWarning();
    return require('internal/fs/rm').rimraf(path, options);
  }
  await callPromise(binding.rmdir, [path, false], path);
}

async function mkdir(path, options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'mode');
  }
  validateBoolean(recursive, 'options.recursive');
  path = getValidatedPath(path);
  if (recursive) {
    return mkdirp(typeof path === 'string' ? path : Buffer.from(path).toString(), mode);
  }
  await callPromise(binding.mkdir, [path, mode], path);
}

async function mkdirp(path, mode) {
  try {
    await callPromise(binding.mkdir, [path, mode], path);
    return path;
  } catch (err) {
    if (err.code === 'EEXIST') {
      const isDir = await callPromise(binding.stat, [path, false], path, undefined,
                                      () => (binding.statValues[1] & S_IFMT) === S_IFDIR).catch(() => false);
      if (isDir) return undefined;
      throw err;
    }
    if (err.code !== 'ENOENT') throw err;
    const parent = pathModule.dirname(path);
    if (parent === path) throw err;
    const first = await mkdirp(parent, mode);
    try {
      await callPromise(binding.mkdir, [path, mode], path);
    } catch (again) {
      if (again.code !== 'EEXIST') throw again;
    }
    return first ?? path;
  }
}

async function readdir(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) {
    return new Promise((resolve, reject) => {
      require('fs').readdir(path, options, (err, result) => (err ? reject(err) : resolve(result)));
    });
  }
  const asBuffer = options.encoding === 'buffer' || (wantsBuffer(options.encoding) && !options.withFileTypes);
  const result = await callPromise(binding.readdir, [path, !!options.withFileTypes, asBuffer], path);
  if (options.withFileTypes) return getDirents(path, result, options.encoding);
  if (!wantsBuffer(options.encoding) || options.encoding === 'buffer') return result;
  return result.map((name) => encodeName(name, options.encoding));
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const value = await callPromise(binding.readlink, [path, wantsBuffer(options.encoding)], path);
  return encodeName(value, options.encoding);
}

async function symlink(target, path, type) {
  let flags = 0;
  if (type === 'dir') flags = constants.UV_FS_SYMLINK_DIR;
  else if (type === 'junction') flags = constants.UV_FS_SYMLINK_JUNCTION;
  else if (typeof type === 'string' && type !== 'file') {
    const { codes: { ERR_FS_INVALID_SYMLINK_TYPE } } = require('internal/errors');
    throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
  }
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  await callPromise(binding.symlink, [target, path, flags], target, path);
}

function statWith(op) {
  return async function(path, options = { bigint: false }) {
    path = getValidatedPath(path);
    const bigint = !!(options && options.bigint);
    return callPromise(op, [path, bigint], path, undefined, () => getStatsFromBinding(bigint));
  };
}

const stat = statWith(binding.stat);
const lstat = statWith(binding.lstat);
Object.defineProperty(stat, 'name', { value: 'stat' });
Object.defineProperty(lstat, 'name', { value: 'lstat' });

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  const values = await callPromise(binding.statfs, [path, !!(options && options.bigint)], path);
  return getStatFsFromBinding(values);
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  await callPromise(binding.link, [existingPath, newPath], existingPath, newPath);
}

async function unlink(path) {
  path = getValidatedPath(path);
  await callPromise(binding.unlink, [path, false], path);
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  await callPromise(binding.chmod, [path, mode], path);
}

async function lchmod(path, mode) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  await callPromise(binding.lchown, [path, uid, gid], path);
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  await callPromise(binding.chown, [path, uid, gid], path);
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  await callPromise(binding.utimes,
                    [path, toUnixTimestamp(atime), toUnixTimestamp(mtime)], path);
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  await callPromise(binding.lutimes,
                    [path, toUnixTimestamp(atime), toUnixTimestamp(mtime)], path);
}

async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const value = await callPromise(binding.realpath, [path, wantsBuffer(options.encoding)], path);
  return encodeName(value, options.encoding);
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  const value = await callPromise(binding.mkdtemp, [prefix, wantsBuffer(options.encoding)],
                                  `${prefix}XXXXXX`);
  return encodeName(value, options.encoding);
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!isArrayBufferView(data) && typeof data !== 'string' && !isIterable(data)) {
    throw new ERR_INVALID_ARG_TYPE('data',
                                   ['string', 'Buffer', 'TypedArray', 'DataView', 'AsyncIterable', 'Iterable', 'Stream'], data);
  }
  if (path instanceof FileHandle) return writeFileHandle(path, data, options);
  checkAborted(options.signal);
  const target = getValidatedPath(path);
  const flags = stringToFlags(flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (!flush && (typeof data === 'string' || isArrayBufferView(data))) {
    const view = toWritableData(data, options.encoding);
    await callPromise(binding.writeFile, [target, view, flags, mode], target);
    checkAborted(options.signal);
    return;
  }
  const fd = await callPromise(binding.open, [target, flags, mode], target);
  try {
    await writeAll(fd, data, options);
    if (flush) await call(binding.fsync, fd);
  } finally {
    await call(binding.close, fd);
  }
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = { ...options };
  options.flag = options.flag || 'a';
  return writeFile(path, data, options);
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  if (path instanceof FileHandle) return fsCall(readFileHandle, path, options);
  checkAborted(options.signal);
  const target = getValidatedPath(path);
  const flags = stringToFlags(options.flag || 'r');
  const value = await new Promise((resolve, reject) => {
    binding.readFile(target, flags, kReadFileEncodings[options.encoding] || 0, (errno, v) => {
      if (errno < 0) reject(fsError(errno, v, v === 'open' ? target : undefined));
      else resolve(v);
    });
  });
  checkAborted(options.signal);
  return decode(value, options.encoding);
}

function watch(filename, options = kEmptyObject) {
  return require('internal/fs/watchers').watchPromise(filename, options);
}

const exports_ = {
  access,
  copyFile,
  cp,
  open,
  opendir,
  rename,
  truncate,
  rm,
  rmdir,
  mkdir,
  readdir,
  readlink,
  symlink,
  lstat,
  stat,
  statfs,
  link,
  unlink,
  chmod,
  lchmod,
  lchown,
  chown,
  utimes,
  lutimes,
  realpath,
  mkdtemp,
  writeFile,
  appendFile,
  readFile,
  watch,
  constants,
};

module.exports = { exports: exports_, FileHandle, fsCall, kFd };
