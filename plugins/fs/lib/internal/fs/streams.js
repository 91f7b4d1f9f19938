'use strict';
// fs.ReadStream and fs.WriteStream on the kernel's streams. Reads go straight into fresh
// Buffers that are pushed as they are (a short last read is trimmed by a copy of that tail only).

const { Buffer } = require('buffer');
const { Readable, Writable, finished } = require('stream');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const { validateFunction, validateInteger, validateBoolean } = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const {
  copyObject, getOptions, getValidatedFd, stringToFlags, toPathIfFileURL, validatePath,
  parseFileMode, fsError,
} = require('internal/fs/utils');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');
const kDefaultFs = Symbol('kDefaultFs');

let fsModule;
function lazyFs() {
  if (fsModule === undefined) fsModule = require('fs');
  return fsModule;
}

// A FileHandle passed as `fd`: its promise methods behind the callback interface streams use.
function fileHandleOps(handle) {
  return {
    open: (path, flags, mode, cb) => { throw new ERR_METHOD_NOT_IMPLEMENTED('open()'); },
    close: (fd, cb) => { handle.close().then(() => cb(), cb); },
    read: (fd, buf, offset, length, pos, cb) => {
      handle.read(buf, offset, length, pos).then(({ bytesRead }) => cb(null, bytesRead, buf), cb);
    },
    write: (fd, buf, offset, length, pos, cb) => {
      handle.write(buf, offset, length, pos).then(({ bytesWritten }) => cb(null, bytesWritten, buf), cb);
    },
    writev: (fd, buffers, pos, cb) => {
      handle.writev(buffers, pos).then(({ bytesWritten }) => cb(null, bytesWritten, buffers), cb);
    },
    fsync: (fd, cb) => { handle.sync().then(() => cb(), cb); },
  };
}

function isFileHandle(value) {
  return value != null && typeof value === 'object' && typeof value.fd === 'number' &&
    typeof value.readFile === 'function' && typeof value.close === 'function';
}

// Sets stream.fd / stream.path / stream[kFs] from the options.
function importFd(stream, options) {
  if (isFileHandle(options.fd)) {
    const handle = options.fd;
    stream[kHandle] = handle;
    stream[kFs] = fileHandleOps(handle);
    stream[kDefaultFs] = false;
    handle.on('close', () => {
      if (!stream.destroyed) stream.destroy();
    });
    return handle.fd;
  }
  return getValidatedFd(options.fd);
}

function setupFs(stream, options, needed) {
  const custom = options.fs;
  stream[kFs] = custom || lazyFs();
  stream[kDefaultFs] = !custom;
  if (custom) {
    for (const name of needed) {
      if (custom[name] !== undefined) validateFunction(custom[name], `options.fs.${name}`);
    }
    stream[kFs] = { ...lazyFs(), ...custom };
  }
}

function openStream(stream, callback) {
  stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
    if (er) {
      callback(er);
    } else {
      stream.fd = fd;
      callback();
      stream.emit('open', stream.fd);
      stream.emit('ready');
    }
  });
}

function closeStream(stream, err, cb) {
  if (stream.fd === null || stream.fd === undefined) {
    cb(err);
  } else if (stream.flush) {
    stream[kFs].fsync(stream.fd, (flushErr) => {
      closeFd(stream, err || flushErr, cb);
    });
  } else {
    closeFd(stream, err, cb);
  }
}

function closeFd(stream, err, cb) {
  const fd = stream.fd;
  stream.fd = null;
  if (!stream[kDefaultFs]) {
    stream[kFs].close(fd, (er) => cb(er || err));
    return;
  }
  binding.close(fd, (errno, value) => cb(errno < 0 ? (err || fsError(errno, value)) : err));
}

function importantDestroy(stream, err, cb) {
  if (stream[kIsPerformingIO]) {
    stream.once(kIoDone, (er) => closeStream(stream, err || er, cb));
  } else {
    closeStream(stream, err, cb);
  }
}

// ---- ReadStream ------------------------------------------------------------------------------------

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);

  options = copyObject(getOptions(options, kEmptyObject));
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) {
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  }

  setupFs(this, options, ['open', 'read', 'close']);
  if (options.fd == null) {
    this.fd = null;
    this.path = toPathIfFileURL(path);
    this.flags = options.flags === undefined ? 'r' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
    validatePath(this.path);
  } else {
    this.fd = importFd(this, options);
  }

  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.start = options.start;
  this.end = options.end ?? Infinity;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;

  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }

  Reflect.apply(Readable, this, [options]);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  get() { return this._readableState.autoDestroy; },
  set(val) { this._readableState.autoDestroy = val; },
});

ReadStream.prototype._construct = function(callback) {
  if (typeof this.fd === 'number') {
    callback();
    return;
  }
  const fs = this[kFs];
  if (this[kDefaultFs] && fs.open === lazyFs().open) {
    // The default file system: go to the binding directly.
    let flags;
    let mode;
    try {
      flags = stringToFlags(this.flags);
      mode = parseFileMode(this.mode, 'mode', 0o666);
    } catch (err) {
      callback(err);
      return;
    }
    binding.open(this.path, flags, mode, (errno, fd) => {
      if (errno < 0) {
        callback(fsError(errno, fd, this.path));
        return;
      }
      this.fd = fd;
      callback();
      this.emit('open', fd);
      this.emit('ready');
    });
    return;
  }
  openStream(this, callback);
};

ReadStream.prototype._read = function(n) {
  n = this.pos !== undefined ?
    Math.min(this.end - this.pos + 1, n) :
    Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  const done = (er, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      this.destroy(er);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      if (bytesRead !== buf.length) {
        // Keep only what was read; a short read is normally the file's last.
        const dst = Buffer.allocUnsafeSlow(bytesRead);
        buf.copy(dst, 0, 0, bytesRead);
        this.push(dst);
      } else {
        this.push(buf);
      }
    } else {
      this.push(null);
    }
  };
  if (this[kDefaultFs] && this[kFs].read === lazyFs().read) {
    binding.read(this.fd, buf, 0, n, this.pos ?? -1, (errno, value) => {
      if (errno < 0) done(fsError(errno, value));
      else done(null, value);
    });
  } else {
    this[kFs].read(this.fd, buf, 0, n, this.pos ?? null, done);
  }
};

ReadStream.prototype._destroy = function(err, cb) {
  importantDestroy(this, err, cb);
};

ReadStream.prototype.close = function(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

Object.defineProperty(ReadStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

// ---- WriteStream -----------------------------------------------------------------------------------

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);

  options = copyObject(getOptions(options, kEmptyObject));
  options.decodeStrings = true;

  setupFs(this, options, ['open', 'close', 'write', 'writev']);
  if (options.fd == null) {
    this.fd = null;
    this.path = toPathIfFileURL(path);
    this.flags = options.flags === undefined ? 'w' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
    validatePath(this.path);
  } else {
    this.fd = importFd(this, options);
  }

  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  if (options.flush == null) {
    this.flush = false;
  } else {
    validateBoolean(options.flush, 'options.flush');
    this.flush = options.flush;
  }

  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;

  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }

  Reflect.apply(Writable, this, [options]);

  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  get() { return this._writableState.autoDestroy; },
  set(val) { this._writableState.autoDestroy = val; },
});

WriteStream.prototype._construct = ReadStream.prototype._construct;

WriteStream.prototype._write = function(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  const done = (er, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      return this.emit(kIoDone, er);
    }
    if (er) return cb(er);
    this.bytesWritten += bytes;
    cb();
  };
  const pos = this.pos;
  if (this[kDefaultFs] && this[kFs].write === lazyFs().write) {
    binding.write(this.fd, data, 0, data.length, pos ?? null, (errno, value) => {
      if (errno < 0) done(fsError(errno, value));
      else done(null, value);
    });
  } else {
    this[kFs].write(this.fd, data, 0, data.length, pos ?? null, done);
  }
  if (this.pos !== undefined) this.pos += data.length;
};

WriteStream.prototype._writev = function(data, cb) {
  const len = data.length;
  const chunks = new Array(len);
  let size = 0;
  for (let i = 0; i < len; i++) {
    const chunk = data[i].chunk;
    chunks[i] = chunk;
    size += chunk.length;
  }
  this[kIsPerformingIO] = true;
  const done = (er, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      return this.emit(kIoDone, er);
    }
    if (er) return cb(er);
    this.bytesWritten += bytes;
    cb();
  };
  const pos = this.pos;
  if (this[kDefaultFs] && this[kFs].writev === lazyFs().writev) {
    binding.writev(this.fd, chunks, pos ?? null, (errno, value) => {
      if (errno < 0) done(fsError(errno, value));
      else done(null, value);
    });
  } else {
    this[kFs].writev(this.fd, chunks, pos ?? null, done);
  }
  if (this.pos !== undefined) this.pos += size;
};

WriteStream.prototype._destroy = function(err, cb) {
  importantDestroy(this, err, cb);
};

WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

Object.defineProperty(WriteStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

module.exports = {
  ReadStream,
  WriteStream,
  FileReadStream: ReadStream,
  FileWriteStream: WriteStream,
};
