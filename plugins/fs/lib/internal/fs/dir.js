'use strict';
// fs.Dir: a directory stream over the binding's opendir/dirRead/dirClose, read in batches.

const { Buffer } = require('buffer');
const pathModule = require('path');
const {
  codes: { ERR_DIR_CLOSED, ERR_DIR_CONCURRENT_OPERATION, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateFunction, validateUint32 } = require('internal/validators');
const {
  constants, fsError, getOptions, getValidatedPath, encodeName, wantsBuffer, Dirent,
  direntTypeFromMode,
} = require('internal/fs/utils');

const kHandle = Symbol('kDirHandle');
const kPath = Symbol('kDirPath');
const kOptions = Symbol('kDirOptions');
const kBuffered = Symbol('kDirBuffered');
const kClosed = Symbol('kDirClosed');
const kPending = Symbol('kDirPending');
const kQueue = Symbol('kDirQueue');

class Dir {
  constructor(handle, path, options) {
    if (handle == null) throw new ERR_MISSING_ARGS('handle');
    this[kHandle] = handle;
    this[kPath] = path;
    this[kOptions] = { bufferSize: 32, ...getOptions(options, { encoding: 'utf8' }) };
    validateUint32(this[kOptions].bufferSize, 'options.bufferSize', true);
    this[kBuffered] = [];
    this[kClosed] = false;
    this[kPending] = false;
    this[kQueue] = [];
  }

  get path() {
    return this[kPath];
  }

  // Turns one binding batch ([names, types]) into buffered Dirents.
  _fill(batch) {
    const [names, types] = batch;
    const dir = typeof this[kPath] === 'string' ? this[kPath] : Buffer.from(this[kPath]).toString();
    for (let i = 0; i < names.length; i++) {
      let type = types[i];
      if (type === constants.UV_DIRENT_UNKNOWN) {
        const name = typeof names[i] === 'string' ? names[i] : names[i].toString();
        if (binding.lstat(pathModule.join(dir, name), false, undefined, false)) {
          type = direntTypeFromMode(binding.statValues[1]);
        }
      }
      const name = this[kOptions].encoding === 'buffer' ? names[i] :
        encodeName(names[i], this[kOptions].encoding);
      this[kBuffered].push(new Dirent(name, type, dir));
    }
  }

  read(callback) {
    if (callback === undefined) {
      return new Promise((resolve, reject) => this.read((err, d) => (err ? reject(err) : resolve(d))));
    }
    validateFunction(callback, 'callback');
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    if (this[kPending]) {
      this[kQueue].push(() => this.read(callback));
      return;
    }
    if (this[kBuffered].length > 0) {
      const entry = this[kBuffered].shift();
      process.nextTick(callback, null, entry);
      return;
    }
    this[kPending] = true;
    binding.dirRead(this[kHandle], this[kOptions].encoding === 'buffer', (errno, value) => {
      this[kPending] = false;
      let err = null;
      let entry = null;
      if (errno < 0) {
        err = fsError(errno, value);
      } else if (value !== null) {
        this._fill(value);
        entry = this[kBuffered].shift() ?? null;
      }
      const next = this[kQueue].shift();
      try {
        callback(err, entry);
      } finally {
        if (next) next();
      }
    });
  }

  readSync() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    if (this[kPending]) throw new ERR_DIR_CONCURRENT_OPERATION();
    if (this[kBuffered].length > 0) return this[kBuffered].shift();
    const batch = binding.dirRead(this[kHandle], this[kOptions].encoding === 'buffer');
    if (batch === null) return null;
    this._fill(batch);
    return this[kBuffered].shift() ?? null;
  }

  close(callback) {
    if (callback === undefined) {
      if (this[kClosed]) return Promise.reject(new ERR_DIR_CLOSED());
      return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
    }
    validateFunction(callback, 'callback');
    if (this[kClosed]) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    if (this[kPending]) {
      this[kQueue].push(() => this.close(callback));
      return;
    }
    this[kClosed] = true;
    binding.dirClose(this[kHandle], (errno, value) => {
      if (errno < 0) callback(fsError(errno, value));
      else callback(null);
    });
  }

  closeSync() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    if (this[kPending]) throw new ERR_DIR_CONCURRENT_OPERATION();
    this[kClosed] = true;
    binding.dirClose(this[kHandle]);
  }

  async* entries() {
    try {
      while (true) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this[kClosed]) await this.close();
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  binding.opendir(path, false, (errno, handle) => {
    // Node names the path for asynchronous opendir errors (not for opendirSync's).
    if (errno < 0) return callback(fsError(errno, handle, path));
    let dir;
    try {
      dir = new Dir(handle, path, options);
    } catch (err) {
      return callback(err);
    }
    callback(null, dir);
  });
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  const handle = binding.opendir(path, false);
  return new Dir(handle, path, options);
}

async function opendirPromise(path, options) {
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  const handle = await new Promise((resolve, reject) => {
    binding.opendir(path, false, (errno, value) => (errno < 0 ? reject(fsError(errno, value, path)) : resolve(value)));
  });
  return new Dir(handle, path, options);
}

module.exports = { Dir, opendir, opendirSync, opendirPromise, wantsBuffer };
