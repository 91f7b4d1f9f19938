'use strict';
// The properties and methods of `process`, over internalBinding('process').

function lazyErrors() { return require('internal/errors'); }
function lazyValidators() { return require('internal/validators'); }

function uvError(err, syscall, path) {
  const e = lazyErrors();
  if (typeof e.uvException === 'function') return e.uvException({ errno: err, syscall, path });
  const error = new Error(`${syscall} failed (${err})`);
  error.errno = err;
  error.syscall = syscall;
  return error;
}

function setup(process, native) {
  const define = (name, value, enumerable = true) =>
    Object.defineProperty(process, name, { value, writable: true, configurable: true, enumerable });

  define('version', 'v20.18.0');
  const pluginsBinding = internalBinding('plugins');
  const baseVersions = {
    node: '20.18.0',
    nodus: native.nodusVersion,
    v8: native.v8Version,
    uv: native.uvVersion,
    // Deliberately not any Node release's ABI number: prebuilt raw-V8 addons must not match.
    modules: 'nodus-1',
    napi: '10',
  };
  // process.versions also lists the libraries of the plugins loaded so far.
  const versions = new Proxy(baseVersions, {
    get(target, key) {
      if (typeof key === 'string' && !(key in target)) {
        const extra = pluginsBinding.versions();
        if (key in extra) return extra[key];
      }
      return target[key];
    },
    ownKeys(target) {
      return [...new Set([...Reflect.ownKeys(target), ...Object.keys(pluginsBinding.versions())])];
    },
    getOwnPropertyDescriptor(target, key) {
      if (key in target) return Reflect.getOwnPropertyDescriptor(target, key);
      const extra = pluginsBinding.versions();
      if (key in extra) return { value: extra[key], writable: false, enumerable: true, configurable: true };
      return undefined;
    },
  });
  define('versions', versions);
  define('arch', 'x64');
  define('platform', 'linux');
  define('release', { name: 'node', lts: 'Iron', sourceUrl: '', headersUrl: '' });
  refresh(process, native);
  define('features', { inspector: true, debug: false, uv: true, ipv6: true, tls_alpn: true,
    tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true, typescript: false });
  define('config', { target_defaults: {}, variables: { napi_build_version: '10' } });
  define('_exiting', false, false);
  define('moduleLoadList', [], false);
  define('allowedNodeEnvironmentFlags', new Set());

  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    enumerable: true,
    configurable: false,
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        let value = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
        lazyValidators().validateInteger(value, 'code');
      }
      exitCode = code;
    },
  });

  Object.defineProperty(process, 'title', {
    enumerable: true,
    configurable: true,
    get() { return native.getTitle(); },
    set(v) { native.setTitle(String(v)); },
  });

  define('cwd', function cwd() {
    const r = native.cwd();
    if (typeof r === 'number') throw uvError(r, 'uv_cwd');
    return r;
  });
  define('chdir', function chdir(directory) {
    lazyValidators().validateString(directory, 'directory');
    const err = native.chdir(directory);
    if (err < 0) {
      // Node names both directories: path is where the process stays, dest where it was sent.
      throw lazyErrors().uvException({ errno: err, syscall: 'chdir', path: process.cwd(), dest: directory });
    }
  });
  define('umask', function umask(mask) {
    if (mask === undefined) return native.umask(undefined);
    if (typeof mask === 'string') {
      if (!/^[0-7]+$/.test(mask)) {
        const { ERR_INVALID_ARG_VALUE } = lazyErrors().codes;
        throw new ERR_INVALID_ARG_VALUE('mask', mask, 'must be a 32-bit unsigned integer or an octal string');
      }
      mask = parseInt(mask, 8);
    }
    lazyValidators().validateUint32(mask, 'mask');
    return native.umask(mask);
  });

  function hrtime(prev) {
    const t = native.hrtime();
    if (prev !== undefined) {
      if (!Array.isArray(prev)) {
        const { ERR_INVALID_ARG_TYPE } = lazyErrors().codes;
        throw new ERR_INVALID_ARG_TYPE('time', 'Array', prev);
      }
      if (prev.length !== 2) {
        const { ERR_OUT_OF_RANGE } = lazyErrors().codes;
        throw new ERR_OUT_OF_RANGE('time', 2, prev.length);
      }
      let sec = t[0] - prev[0];
      let nsec = t[1] - prev[1];
      if (nsec < 0) { sec -= 1; nsec += 1e9; }
      return [sec, nsec];
    }
    return t;
  }
  hrtime.bigint = native.hrtimeBigint;
  define('hrtime', hrtime);
  define('uptime', native.uptime);

  function memoryUsage() {
    const [rss, heapTotal, heapUsed, external, arrayBuffers] = native.memoryUsage();
    return { rss, heapTotal, heapUsed, external, arrayBuffers };
  }
  memoryUsage.rss = native.rss;
  define('memoryUsage', memoryUsage);

  define('cpuUsage', function cpuUsage(prev) {
    const [user, system] = native.cpuUsage();
    if (prev !== undefined) {
      lazyValidators().validateObject(prev, 'prevValue');
      return { user: user - prev.user, system: system - prev.system };
    }
    return { user, system };
  });
  define('resourceUsage', function resourceUsage() {
    const v = native.resourceUsage();
    return {
      userCPUTime: v[0], systemCPUTime: v[1], maxRSS: v[2], sharedMemorySize: v[3],
      unsharedDataSize: v[4], unsharedStackSize: v[5], minorPageFault: v[6], majorPageFault: v[7],
      swappedOut: v[8], fsRead: v[9], fsWrite: v[10], ipcSent: v[11], ipcReceived: v[12],
      signalsCount: v[13], voluntaryContextSwitches: v[14], involuntaryContextSwitches: v[15],
    };
  });

  define('kill', function kill(pid, sig = 'SIGTERM') {
    if (pid != (pid | 0)) {
      const { ERR_INVALID_ARG_TYPE } = lazyErrors().codes;
      throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    }
    let signal;
    if (typeof sig === 'number') signal = sig;
    else if (typeof sig === 'string') {
      signal = native.signals[sig];
      if (signal === undefined) {
        const err = new TypeError(`Unknown signal: ${sig}`);
        err.code = 'ERR_UNKNOWN_SIGNAL';
        throw err;
      }
    } else {
      const { ERR_INVALID_ARG_TYPE } = lazyErrors().codes;
      throw new ERR_INVALID_ARG_TYPE('signal', ['string', 'number'], sig);
    }
    const err = native.kill(pid, signal);
    // 'kill ESRCH', the short form Node uses here.
    if (err) throw lazyErrors().errnoException(err, 'kill');
    return true;
  });

  // What `kill -USR1 PID` does: the SIGUSR1 watcher of that process starts its inspector. Only a
  // single positive pid is accepted (kill() would signal whole process groups for 0 or -N).
  define('_debugProcess', function _debugProcess(pid) {
    lazyValidators().validateInteger(pid, 'pid', 1, 2147483647);
    const err = native.kill(pid, native.signals.SIGUSR1);
    if (err) throw lazyErrors().errnoException(err, 'kill');
  });
  define('_debugEnd', function _debugEnd() { internalBinding('inspector').close(); });

  define('exit', function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode === undefined ? 0 : process.exitCode | 0);
    }
    native.reallyExit(process.exitCode === undefined ? 0 : process.exitCode | 0);
  });
  define('reallyExit', native.reallyExit, false);
  define('abort', native.abort);
  define('dlopen', native.dlopen);
  define('nextTick', require('internal/process/task_queues').nextTick);

  define('getuid', () => native.getIds()[0]);
  define('geteuid', () => native.getIds()[1]);
  define('getgid', () => native.getIds()[2]);
  define('getegid', () => native.getIds()[3]);
  define('getgroups', native.getGroups);

  define('emitWarning', function emitWarning(warning, type, code, ctor) {
    return Reflect.apply(require('internal/process/warning').emitWarning, this, arguments);
  });

  const execution = require('internal/process/execution');
  define('setUncaughtExceptionCaptureCallback', execution.setUncaughtExceptionCaptureCallback);
  define('hasUncaughtExceptionCaptureCallback', execution.hasUncaughtExceptionCaptureCallback);

  // stdio streams are built on first use.
  for (const name of ['stdout', 'stderr', 'stdin']) {
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: false,
      get() {
        const stream = require('internal/process/stdio_streams')[name]();
        Object.defineProperty(process, name, { value: stream, configurable: true, writable: true, enumerable: false });
        return stream;
      },
    });
  }

  define('binding', function binding(name) {
    const err = new Error(`No such module: ${name}`);
    err.code = 'ERR_INVALID_MODULE';
    throw err;
  }, false);

  // Signal events start a libuv signal watcher on first listener.
  process.on('newListener', (event) => {
    if (typeof event === 'string' && native.signals[event] !== undefined && event !== 'SIGKILL' && event !== 'SIGSTOP') {
      require('internal/process/signals').startListening(event, native.signals[event]);
    }
  });
  process.on('removeListener', (event) => {
    if (typeof event === 'string' && native.signals[event] !== undefined && process.listenerCount(event) === 0) {
      require('internal/process/signals').stopListening(event);
    }
  });
}

// The fields that differ from one process to the next (re-read after a snapshot start).
function refresh(process, native) {
  const define = (name, value, enumerable = true) =>
    Object.defineProperty(process, name, { value, writable: true, configurable: true, enumerable });
  define('argv0', native.argv0);
  define('execPath', native.execPath);
  define('execArgv', native.execArgv);
  define('argv', [native.execPath]);
  define('env', native.env);
  define('pid', native.pid);
  define('ppid', native.ppid);
  // The port actually bound when the inspector started before this (--inspect=0).
  const inspectorUrl = internalBinding('inspector').url();
  define('debugPort', inspectorUrl ? +/:(\d+)\//.exec(inspectorUrl)[1] : native.options.inspectPort);
}

module.exports = { setup, refresh };
