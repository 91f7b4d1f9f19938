'use strict';
// process.stdout / stderr / stdin. Real streams come from internal/process/stdio when present;
// until then a minimal synchronous writer keeps console output working.

function fallbackWriter(fd) {
  const EventEmitter = require('events');
  const { writeSync } = internalBinding('process');
  const w = new EventEmitter();
  w.fd = fd;
  w.writable = true;
  w.isTTY = false;
  w.write = (chunk, encoding, cb) => {
    if (typeof encoding === 'function') cb = encoding;
    writeSync(fd, typeof chunk === 'string' ? chunk : String(chunk));
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
  w.end = (chunk, encoding, cb) => {
    if (chunk !== undefined && typeof chunk !== 'function') w.write(chunk, encoding);
    if (typeof chunk === 'function') chunk();
    else if (typeof cb === 'function') cb();
  };
  return w;
}

function real() {
  try {
    return require('internal/process/stdio');
  } catch (err) {
    if (err && err.code === 'ERR_UNKNOWN_BUILTIN_MODULE') return null;
    if (err && /No such built-in module/.test(err.message)) return null;
    throw err;
  }
}

module.exports = {
  stdout() { const r = real(); return r ? r.getStdout() : fallbackWriter(1); },
  stderr() { const r = real(); return r ? r.getStderr() : fallbackWriter(2); },
  stdin() {
    const r = real();
    if (r) return r.getStdin();
    const EventEmitter = require('events');
    const s = new EventEmitter();
    s.fd = 0;
    return s;
  },
};
