'use strict';
// process.stdout, process.stderr and process.stdin as real streams over the right libuv handle
// (internalBinding('stdio')): a TTY is a uv_tty_t written synchronously (the fd is put in
// blocking mode), a pipe or socket a uv_pipe_t written asynchronously, and a regular file is
// written and read with synchronous fs calls — the same choices Node makes on POSIX.

const binding = internalBinding('stdio');
const { Writable, Readable } = require('stream');
const { errnoException } = require('internal/errors');
const { Buffer } = require('buffer');

const UV_EOF = -4095;
const kEncodingIds = { utf8: 1, 'utf-8': 1, ucs2: 2, utf16le: 2, latin1: 3, binary: 3, ascii: 4,
                       base64: 5, base64url: 6, hex: 7 };

function guessHandleType(fd) {
  return binding.guessHandleType(fd);
}

// The native handle objects answer the handle methods some npm code calls directly, such as
// `process.stdout._handle.setBlocking(true)` before exiting.
const handleProto = {
  setBlocking(flag) { return binding.setBlocking(this, !!flag); },
  readStart() { return binding.readStart(this); },
  readStop() { return binding.readStop(this); },
  ref() { binding.ref(this); },
  unref() { binding.unref(this); },
  getWindowSize(out) { return binding.getWindowSize(this, out); },
  setRawMode(flag) { return binding.setRawMode(this, !!flag); },
};

function createHandle(fd, kind, readable) {
  const handle = binding.createHandle(fd, kind, readable);
  Object.setPrototypeOf(handle, handleProto);
  return handle;
}

// ---- colors (tty.WriteStream.prototype.getColorDepth) ---------------------------------------------

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16m = 24;

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        return COLORS_16;
      case '2':
        return COLORS_256;
      case '3':
        return COLORS_16m;
      default:
        return COLORS_2;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
      env.TERM === 'dumb') {
    return COLORS_2;
  }
  if (env.TMUX) return COLORS_16m;
  if (env.CI) {
    if (['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITEA_ACTIONS', 'GITHUB_ACTIONS',
      'GITLAB_CI', 'TRAVIS'].some((k) => k in env) || env.CI_NAME === 'codeship') {
      return COLORS_256;
    }
    return COLORS_2;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? COLORS_16 : COLORS_2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) {
        return COLORS_256;
      }
      return COLORS_16m;
    case 'HyperTerm':
    case 'MacTerm':
      return COLORS_16m;
    case 'Apple_Terminal':
      return COLORS_256;
    default:
      break;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16m;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return COLORS_256;
    const term = env.TERM.toLowerCase();
    if (/truecolor|24bit|kitty|alacritty|wezterm|direct/.test(term)) return COLORS_16m;
    if (/^(eterm|cons25|console|cygwin|dtterm|gnome|hurd|jfbterm|konsole|kterm|mlterm|mosh|putty|st|rxvt|screen|terminator|tmux|ansi|color|linux|vt100|vt220|xterm)/.test(term)) {
      return term.includes('256') ? COLORS_256 : COLORS_16;
    }
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  }
  if (count === undefined) count = 16;
  return count <= 2 ** getColorDepth(env);
}

// ---- writable ------------------------------------------------------------------------------------

function uvError(err, syscall) {
  return errnoException(err, syscall);
}

class StdioWriteStream extends Writable {
  constructor(fd, type) {
    super({ decodeStrings: false, emitClose: false, autoDestroy: true });
    this.fd = fd;
    this._type = type;
    this._isStdio = true;
    this._handle = null;
    if (type === 'TTY' || type === 'PIPE' || type === 'TCP') {
      this._handle = createHandle(fd, type === 'TTY' ? 'TTY' : 'PIPE', false);
      // Terminals, pipes and sockets are written synchronously on Linux, as in Node: output is
      // never lost when the process exits right after writing.
      binding.setBlocking(this._handle, true);
      if (type === 'TTY') {
        this.isTTY = true;
        const size = [0, 0];
        if (binding.getWindowSize(this._handle, size) === 0) {
          this.columns = size[0];
          this.rows = size[1];
        }
      }
    }
  }

  _write(chunk, encoding, cb) {
    if (this._handle === null) {
      const r = binding.writeSync(this.fd, typeof chunk === 'string' && encoding !== 'utf8' &&
        encoding !== 'buffer' ? Buffer.from(chunk, encoding) : chunk);
      if (r < 0) return cb(uvError(r, 'write'));
      return cb();
    }
    const req = { async: false, bytes: 0, oncomplete: null };
    let err;
    if (typeof chunk === 'string') {
      err = binding.writeString(this._handle, req, chunk, kEncodingIds[encoding] ?? 1);
    } else {
      err = binding.writeBuffer(this._handle, req, chunk);
    }
    if (err < 0) return cb(uvError(err, 'write'));
    if (req.async) {
      req.oncomplete = (status) => {
        if (status < 0) cb(uvError(status, 'write'));
        else cb();
      };
      return;
    }
    cb();
  }

  // stdout and stderr are never really closed: destroying them only ends the stream.
  _destroy(err, cb) {
    cb(err);
  }

  get writableHighWaterMark() {
    return this._writableState.highWaterMark;
  }

  getWindowSize() {
    if (!this.isTTY) return [0, 0];
    const size = [0, 0];
    binding.getWindowSize(this._handle, size);
    return size;
  }

  getColorDepth(env) {
    return getColorDepth(env);
  }

  hasColors(count, env) {
    return hasColors(count, env);
  }

  _refreshSize() {
    const oldCols = this.columns;
    const oldRows = this.rows;
    const size = [0, 0];
    if (binding.getWindowSize(this._handle, size) !== 0) return;
    if (oldCols !== size[0] || oldRows !== size[1]) {
      this.columns = size[0];
      this.rows = size[1];
      this.emit('resize');
    }
  }

  cursorTo(x, y, callback) {
    if (typeof y === 'function') {
      callback = y;
      y = undefined;
    }
    const data = typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`;
    return this.write(data, callback);
  }

  moveCursor(dx, dy, callback) {
    let data = '';
    if (dx < 0) data += `\x1b[${-dx}D`;
    else if (dx > 0) data += `\x1b[${dx}C`;
    if (dy < 0) data += `\x1b[${-dy}A`;
    else if (dy > 0) data += `\x1b[${dy}B`;
    return this.write(data, callback);
  }

  clearLine(dir, callback) {
    const data = dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K';
    return this.write(data, callback);
  }

  clearScreenDown(callback) {
    return this.write('\x1b[0J', callback);
  }

  destroySoon() {
    this.end();
  }

  ref() {
    if (this._handle) binding.ref(this._handle);
    return this;
  }

  unref() {
    if (this._handle) binding.unref(this._handle);
    return this;
  }
}

function createWritableStdioStream(fd) {
  const type = guessHandleType(fd);
  let stream;
  try {
    // On a terminal the stream is a tty.WriteStream, as in Node.
    stream = type === 'TTY' ? new (require('tty').WriteStream)(fd) : new StdioWriteStream(fd, type);
  } catch {
    // The descriptor is closed or unusable: writes go nowhere, as in Node.
    stream = new Writable({ write(chunk, enc, cb) { cb(); } });
    stream.fd = fd;
  }
  if (stream.isTTY && fd === 1) {
    process.on('SIGWINCH', () => stream._refreshSize());
  }
  return stream;
}

// ---- readable ------------------------------------------------------------------------------------

class StdinStream extends Readable {
  constructor(fd, type) {
    // A terminal is not read ahead (high-water mark 0, as Node's tty.ReadStream): once paused,
    // even from a 'data' listener, it stops reading, so a program that paused it can exit.
    super({ highWaterMark: type === 'TTY' ? 0 : 64 * 1024 });
    this.fd = fd;
    this._type = type;
    this._handle = null;
    this._reading = false;
    if (type === 'TTY' || type === 'PIPE' || type === 'TCP') {
      this._handle = createHandle(fd, type === 'TTY' ? 'TTY' : 'PIPE', true);
      this._handle.onread = (nread, buf) => this._onread(nread, buf);
      if (type === 'TTY') {
        this.isTTY = true;
        this.isRaw = false;
      }
    }
  }

  _onread(nread, buf) {
    if (nread > 0) {
      if (!this.push(buf)) {
        this._reading = false;
        binding.readStop(this._handle);
      }
      return;
    }
    this._reading = false;
    binding.readStop(this._handle);
    if (nread === UV_EOF) {
      this.push(null);
      return;
    }
    this.destroy(uvError(nread, 'read'));
  }

  _read(size) {
    if (this._handle === null) {
      const buf = Buffer.allocUnsafe(Math.max(size, 64 * 1024));
      const n = binding.readSync(this.fd, buf);
      if (n < 0) {
        this.destroy(uvError(n, 'read'));
      } else if (n === 0) {
        this.push(null);
      } else {
        this.push(buf.subarray(0, n));
      }
      return;
    }
    if (!this._reading) {
      this._reading = true;
      const err = binding.readStart(this._handle);
      if (err < 0) {
        this._reading = false;
        this.destroy(uvError(err, 'read'));
      }
    }
  }

  _destroy(err, cb) {
    if (this._handle !== null) {
      const handle = this._handle;
      this._handle = null;
      binding.close(handle, () => cb(err));
      return;
    }
    cb(err);
  }

  setRawMode(flag) {
    if (!this.isTTY) return this;
    flag = !!flag;
    const err = binding.setRawMode(this._handle, flag);
    if (err < 0) {
      this.emit('error', uvError(err, 'setRawMode'));
      return this;
    }
    this.isRaw = flag;
    return this;
  }

  ref() {
    if (this._handle) binding.ref(this._handle);
    return this;
  }

  unref() {
    if (this._handle) binding.unref(this._handle);
    return this;
  }
}

function createStdin() {
  const type = guessHandleType(0);
  let stream;
  try {
    stream = type === 'TTY' ? new (require('tty').ReadStream)(0) : new StdinStream(0, type);
  } catch {
    stream = new Readable({ read() { this.push(null); } });
    stream.fd = 0;
  }
  // Like Node: stdin starts paused, and pausing it again stops the reads so the process can exit.
  stream.on('pause', () => {
    process.nextTick(() => {
      if (!stream.readableFlowing && stream._handle && stream._reading) {
        stream._reading = false;
        binding.readStop(stream._handle);
      }
    });
  });
  return stream;
}

let stdout;
let stderr;
let stdin;

function getStdout() {
  if (stdout === undefined) {
    stdout = createWritableStdioStream(1);
    stdout.destroySoon = stdout.destroy;
  }
  return stdout;
}

function getStderr() {
  if (stderr === undefined) {
    stderr = createWritableStdioStream(2);
    stderr.destroySoon = stderr.destroy;
  }
  return stderr;
}

function getStdin() {
  if (stdin === undefined) stdin = createStdin();
  return stdin;
}

module.exports = {
  getStdout,
  getStderr,
  getStdin,
  guessHandleType,
  getColorDepth,
  hasColors,
  StdioWriteStream,
  StdinStream,
};
