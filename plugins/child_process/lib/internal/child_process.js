'use strict';
// ChildProcess: one spawned process over a Process handle, with its stdio streams and, for
// fork(), its IPC channel; plus the stdio normalization spawn and spawnSync share.

const EventEmitter = require('events');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
  },
  errnoException,
} = require('internal/errors');
const { convertToValidSignal, getSignalsToNamesMapping } = require('internal/util');
const { validateObject, validateString, validateOneOf } = require('internal/validators');
const { PipeSocket } = require('internal/child_process/pipe_socket');
const { setupChannel } = require('internal/child_process/channel');

const { Process, Pipe } = binding;
const {
  UV_EACCES, UV_EAGAIN, UV_EMFILE, UV_ENFILE, UV_ENOENT, UV_ESRCH, UV_ENOSYS, UV_EINVAL,
} = binding.constants;

function signalName(num) {
  if (!num) return null;
  return getSignalsToNamesMapping()[num] || null;
}

// Turns the stdio option into one descriptor per child fd:
// { type: 'ignore' | 'pipe' | 'inherit' | 'fd', fd?, handle?, ipc? }.
// Returns { stdio, ipc, ipcFd }.
function getValidStdio(stdio, sync) {
  let ipc;
  let ipcFd;
  if (typeof stdio === 'string') {
    stdio = stdioStringToArray(stdio);
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  } else {
    stdio = stdio.slice();
  }
  while (stdio.length < 3) stdio.push(undefined);
  const out = [];
  for (let i = 0; i < stdio.length; i++) {
    let s = stdio[i];
    if (s === null || s === undefined) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'ignore') {
      out.push({ type: 'ignore' });
    } else if (s === 'pipe' || s === 'overlapped') {
      const entry = { type: 'pipe', readable: i === 0, writable: i !== 0 };
      if (!sync) entry.handle = new Pipe(false);
      out.push(entry);
    } else if (s === 'ipc') {
      if (sync || ipc !== undefined) {
        cleanupStdio(out);
        if (!sync) throw new ERR_IPC_ONE_PIPE();
        throw new ERR_IPC_SYNC_FORK();
      }
      ipc = new Pipe(true);
      ipcFd = i;
      out.push({ type: 'pipe', handle: ipc, ipc: true });
    } else if (s === 'inherit') {
      out.push({ type: 'inherit', fd: i });
    } else if (typeof s === 'number' || typeof s.fd === 'number') {
      out.push({ type: 'fd', fd: typeof s === 'number' ? s : s.fd });
    } else if (s._handle && typeof s._handle.getFd === 'function') {
      // A stream over a handle (a socket, another child's pipe): the child gets its descriptor.
      out.push({ type: 'fd', fd: s._handle.getFd() });
    } else if (ArrayBuffer.isView(s) || typeof s === 'string') {
      if (!sync) {
        cleanupStdio(out);
        throw new ERR_INVALID_ARG_VALUE('stdio', s);
      }
      out.push({ type: 'pipe', readable: i === 0, writable: i !== 0,
        input: typeof s === 'string' ? require('buffer').Buffer.from(s) : s });
    } else {
      cleanupStdio(out);
      throw new ERR_INVALID_ARG_VALUE('stdio', s);
    }
  }
  return { stdio: out, ipc, ipcFd };
}

function stdioStringToArray(stdio, channel) {
  const options = [];
  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe': options.push(stdio, stdio, stdio); break;
    case 'inherit': options.push(0, 1, 2); break;
    default: throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (channel) options.push(channel);
  return options;
}

function cleanupStdio(stdio) {
  for (const s of stdio) if (s.handle) s.handle.close();
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = new Process();
    this._handle.onexit = (exitCode, signalCode) => this._onexit(exitCode, signalCode);
  }

  _onexit(exitCode, signalCode) {
    if (signalCode) this.signalCode = signalName(signalCode);
    else this.exitCode = exitCode;
    if (this.stdin) this.stdin.destroy();
    if (this._handle) this._handle.close();
    this._handle = null;
    if (exitCode < 0) {
      const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
      const err = errnoException(exitCode, syscall);
      if (this.spawnfile) err.path = this.spawnfile;
      err.spawnargs = this.spawnargs.slice(1);
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    // Output nobody reads is drained, so the pipes reach their end and 'close' can follow.
    process.nextTick(flushStdio, this);
    maybeClose(this);
  }

  spawn(options) {
    validateObject(options, 'options');
    let { stdio = 'pipe', serialization = 'json' } = options;
    validateOneOf(serialization, 'options.serialization', ['json', 'advanced']);
    const { stdio: entries, ipc, ipcFd } = getValidStdio(stdio, false);
    if (ipc !== undefined) {
      options.envPairs = options.envPairs || [];
      options.envPairs.push(`NODE_CHANNEL_FD=${ipcFd}`);
      options.envPairs.push(`NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
    }
    validateString(options.file, 'options.file');
    this.spawnfile = options.file;
    this.spawnargs = Array.isArray(options.args) ? options.args : [];
    const err = this._handle.spawn({ ...options, stdio: entries });
    if (err === UV_EACCES || err === UV_EAGAIN || err === UV_EMFILE || err === UV_ENFILE ||
        err === UV_ENOENT) {
      // A run-time failure is an 'error' event, like Node; the stdio pipes still exist (and end).
      process.nextTick(onErrorNT, this, err);
      if (err === UV_EMFILE || err === UV_ENFILE) {
        cleanupStdio(entries);
        return err;
      }
    } else if (err) {
      this._handle.close();
      this._handle = null;
      cleanupStdio(entries);
      throw errnoException(err, 'spawn');
    } else {
      process.nextTick(onSpawnNT, this);
    }
    this.pid = this._handle.pid;

    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e.ipc) {
        this._closesNeeded++;
        continue;
      }
      if (e.type !== 'pipe') continue;
      const readable = i > 0;
      // After a failed spawn the streams still exist, as in Node, and simply close.
      e.socket = new PipeSocket(e.handle, { readable, writable: i === 0 || i > 2, dead: !!err });
      if (err) e.socket.destroy();
      if (readable) {
        this._closesNeeded++;
        e.socket.on('close', () => maybeClose(this));
      }
    }
    this.stdin = entries.length > 0 && entries[0].socket ? entries[0].socket : null;
    this.stdout = entries.length > 1 && entries[1].socket ? entries[1].socket : null;
    this.stderr = entries.length > 2 && entries[2].socket ? entries[2].socket : null;
    this.stdio = entries.map((e) => (e.socket === undefined ? null : e.socket));

    if (ipc !== undefined) {
      setupChannel(this, ipc, serialization);
      this.once('disconnect', () => maybeClose(this));
    }
    return err;
  }

  kill(sig) {
    const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle) {
      const err = this._handle.kill(signal);
      if (err === 0) {
        this.killed = true;
        return true;
      }
      if (err === UV_ESRCH) {
        // Already gone: its exit is on the way.
      } else if (err === UV_EINVAL || err === UV_ENOSYS) {
        throw errnoException(err, 'kill');
      } else {
        this.emit('error', errnoException(err, 'kill'));
      }
    }
    return false;
  }

  ref() {
    if (this._handle) this._handle.ref();
  }

  unref() {
    if (this._handle) this._handle.unref();
  }
}

if (typeof Symbol.dispose === 'symbol') {
  ChildProcess.prototype[Symbol.dispose] = function dispose() {
    if (!this.killed) this.kill();
  };
}

function onErrorNT(self, err) {
  if (self._handle) self._handle.onexit(err, 0);
}

function onSpawnNT(self) {
  self.emit('spawn');
}

function flushStdio(child) {
  const stdio = child.stdio;
  if (!stdio) return;
  for (const stream of stdio) {
    // A stream someone reads with 'readable' is theirs to drain.
    if (!stream || !stream.readable || stream.listenerCount('readable') > 0) continue;
    stream.resume();
  }
}

function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) {
    child.emit('close', child.exitCode, child.signalCode);
  }
}

module.exports = { ChildProcess, getValidStdio, stdioStringToArray, signalName };
