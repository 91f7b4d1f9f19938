'use strict';
// fs.watch (FSWatcher on libuv fs events), fs.watchFile/unwatchFile (StatWatcher on libuv fs
// polling) and fs.promises.watch.

const { Buffer } = require('buffer');
const EventEmitter = require('events');
const pathModule = require('path');
const {
  codes: { ERR_INVALID_ARG_TYPE },
  AbortError,
} = require('internal/errors');
const {
  validateAbortSignal, validateBoolean, validateFunction, validateObject, validateUint32,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const {
  fsError, getOptions, getValidatedPath, getStatsFromBinding, toPathIfFileURL, encodeName,
} = require('internal/fs/utils');

const kHandles = Symbol('kHandles');
const kRoot = Symbol('kRoot');
const kEncoding = Symbol('kEncoding');
const kPersistent = Symbol('kPersistent');

function toStr(path) {
  return typeof path === 'string' ? path : Buffer.from(path).toString();
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this[kHandles] = new Map();
    this[kRoot] = null;
    this[kEncoding] = 'utf8';
    this[kPersistent] = true;
    this._closed = false;
  }

  // start(filename, persistent, recursive, encoding)
  start(filename, persistent = true, recursive = false, encoding = 'utf8') {
    if (this._closed) return;
    filename = getValidatedPath(filename);
    this[kRoot] = toStr(filename);
    this[kEncoding] = encoding;
    this[kPersistent] = persistent;
    const err = this._watchOne(this[kRoot], '');
    if (err) throw err;
    if (recursive) this._watchTree(this[kRoot], '');
  }

  // Watches one path; `prefix` is its place below the root (recursive watches).
  _watchOne(path, prefix) {
    const handle = binding.watchStart(path, (status, eventType, filename) => {
      if (status < 0) {
        const error = fsError(status, 'watch', this[kRoot]);
        error.filename = this[kRoot];
        this.close();
        this.emit('error', error);
        return;
      }
      let name = filename;
      if (name !== null && prefix) name = pathModule.join(prefix, name);
      if (this._recursive && eventType === 'rename' && name !== null) {
        this._maybeWatchNew(pathModule.join(this[kRoot], name), name);
      }
      this.emit('change', eventType, name === null ? null : encodeName(name, this[kEncoding]));
    });
    if (typeof handle === 'number') {
      const error = fsError(handle, 'watch', path);
      error.filename = path;
      return error;
    }
    if (!this[kPersistent]) binding.watcherRef(handle, false);
    this[kHandles].set(path, handle);
    return null;
  }

  _watchTree(dir, prefix) {
    this._recursive = true;
    let entries;
    try {
      entries = require('fs').readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const full = pathModule.join(dir, entry.name);
      const rel = prefix ? pathModule.join(prefix, entry.name) : entry.name;
      if (!this[kHandles].has(full) && this._watchOne(full, rel) === null) this._watchTree(full, rel);
    }
  }

  _maybeWatchNew(full, rel) {
    if (this[kHandles].has(full)) return;
    if (binding.stat(full, false, undefined, false) && require('fs').statSync(full).isDirectory()) {
      if (this._watchOne(full, rel) === null) this._watchTree(full, rel);
    }
  }

  close() {
    if (this._closed) return;
    this._closed = true;
    for (const handle of this[kHandles].values()) binding.watcherClose(handle);
    this[kHandles].clear();
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    for (const handle of this[kHandles].values()) binding.watcherRef(handle, true);
    return this;
  }

  unref() {
    for (const handle of this[kHandles].values()) binding.watcherRef(handle, false);
    return this;
  }
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
  }
  options = getOptions(options);
  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;
  validateBoolean(options.persistent, 'options.persistent');
  validateBoolean(options.recursive, 'options.recursive');
  const watcher = new FSWatcher();
  watcher.start(filename, options.persistent, options.recursive, options.encoding);
  if (listener) watcher.addListener('change', listener);
  if (options.signal) {
    if (options.signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const listener = () => watcher.close();
      options.signal.addEventListener('abort', listener, { once: true });
      watcher.once('close', () => options.signal.removeEventListener('abort', listener));
    }
  }
  return watcher;
}

// fs.promises.watch: an async generator of { eventType, filename }. As in Node, nothing is
// checked or watched until the first next(): errors (bad arguments, ENOENT) reject it.
async function* watchPromise(filename, options = kEmptyObject) {
  validateObject(options, 'options');
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateAbortSignal(signal, 'options.signal');
  if (signal && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
  const watcher = new FSWatcher();
  watcher.start(filename, persistent, recursive, encoding);
  const queue = [];
  let failure = null;
  let done = false;
  let wake = null;
  const settle = () => {
    if (wake !== null) wake();
  };
  watcher.on('change', (eventType, name) => {
    queue.push({ eventType, filename: name });
    settle();
  });
  watcher.on('error', (err) => {
    failure = err;
    done = true;
    settle();
  });
  const onAbort = () => {
    failure = new AbortError(undefined, { cause: signal.reason });
    done = true;
    settle();
  };
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (done) {
        if (failure) throw failure;
        return;
      }
      if (queue.length > 0) {
        yield queue.shift();
        continue;
      }
      await new Promise((resolve) => { wake = resolve; });
      wake = null;
    }
  } finally {
    watcher.close();
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

// ---- watchFile -------------------------------------------------------------------------------------

const kOldStatus = Symbol('kOldStatus');
const kUseBigint = Symbol('kUseBigint');
const kHandle = Symbol('kHandle');

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this[kHandle] = null;
    this[kOldStatus] = -1;
    this[kUseBigint] = bigint;
  }

  start(filename, persistent, interval) {
    if (this[kHandle] !== null) return;
    filename = getValidatedPath(filename, 'filename');
    validateUint32(interval, 'interval');
    const handle = binding.pollStart(filename, interval, (status) => {
      // Both stats were written into the shared arrays (slot 0: current, 1: previous).
      const curr = getStatsFromBinding(false, 0);
      const prev = getStatsFromBinding(false, 1);
      const oldStatus = this[kOldStatus];
      this[kOldStatus] = status;
      if (status < 0 && oldStatus < 0 && oldStatus !== -1) return;
      if (this[kUseBigint]) {
        this.emit('change', toBigIntStats(curr), toBigIntStats(prev));
      } else {
        this.emit('change', curr, prev);
      }
    });
    if (typeof handle === 'number') {
      throw fsError(handle, 'watch', filename);
    }
    this[kHandle] = handle;
    if (!persistent) binding.watcherRef(handle, false);
  }

  stop() {
    if (this[kHandle] === null) return;
    binding.watcherClose(this[kHandle]);
    this[kHandle] = null;
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    if (this[kHandle] !== null) binding.watcherRef(this[kHandle], true);
    return this;
  }

  unref() {
    if (this[kHandle] !== null) binding.watcherRef(this[kHandle], false);
    return this;
  }
}

function toBigIntStats(s) {
  const { BigIntStats } = require('internal/fs/utils');
  const ns = (ms) => BigInt(Math.trunc(ms)) * 1000000n;
  return new BigIntStats(BigInt(s.dev), BigInt(s.mode), BigInt(s.nlink), BigInt(s.uid),
                         BigInt(s.gid), BigInt(s.rdev), BigInt(s.blksize), BigInt(s.ino),
                         BigInt(s.size), BigInt(s.blocks), ns(s.atimeMs), ns(s.mtimeMs),
                         ns(s.ctimeMs), ns(s.birthtimeMs));
}

const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(toStr(filename));
  let stat;
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  options = {
    interval: 5007,
    persistent: true,
    ...options,
  };
  validateFunction(listener, 'listener');
  stat = statWatchers.get(filename);
  if (stat === undefined) {
    stat = new StatWatcher(options.bigint);
    stat.start(filename, options.persistent, options.interval);
    statWatchers.set(filename, stat);
  } else {
    stat[kUseBigint] = stat[kUseBigint] || options.bigint;
  }
  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(toStr(filename));
  const stat = statWatchers.get(filename);
  if (stat === undefined) return;
  if (typeof listener === 'function') {
    stat.removeListener('change', listener);
  } else {
    stat.removeAllListeners('change');
  }
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

module.exports = { FSWatcher, StatWatcher, watch, watchPromise, watchFile, unwatchFile };
