'use strict';
// The builtin module loader. Called once by the kernel with (exports, undefined, module, process,
// internalBinding); it sets up `BuiltinModule`, then hands over to internal/bootstrap/node.

const bindingCache = new Map();
function getInternalBinding(name) {
  let b = bindingCache.get(name);
  if (b === undefined) {
    b = internalBinding(name);
    bindingCache.set(name, b);
  }
  return b;
}

const builtinsBinding = getInternalBinding('builtins');
const pluginsBinding = getInternalBinding('plugins');

// Module ids only builtin code may require.
function isInternalId(id) {
  return id.startsWith('internal/');
}

// Node's builtin ids that exist only with the `node:` prefix.
const schemeOnly = new Set(['test', 'test/reporters', 'sea', 'sqlite']);

// Node's builtin module ids: one that is neither in the kernel nor in the manifest belongs to a
// plugin this runtime was built without, which is reported as such (not as a missing package).
const nodeBuiltinIds = new Set(['assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process',
  'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises',
  'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector', 'inspector/promises',
  'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode',
  'querystring', 'readline', 'readline/promises', 'repl', 'stream', 'stream/consumers',
  'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers', 'timers/promises', 'tls',
  'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
  '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing', '_http_server',
  '_tls_common', '_tls_wrap']);

// The plugin that provides a Node builtin id: its first path segment, except for the legacy
// underscore ids (_http_client is the http plugin's, _tls_wrap the tls plugin's).
function pluginOf(id) {
  const m = /^_(http|tls)_/.exec(id);
  return m ? m[1] : id.split('/')[0];
}

let manifestIds = null;
function pluginModuleIds() {
  if (manifestIds === null) manifestIds = new Set(pluginsBinding.modules());
  return manifestIds;
}

class BuiltinModule {
  constructor(id) {
    this.id = id;
    this.filename = `${id}.js`;
    this.exports = {};
    this.loaded = false;
    this.loading = false;
    this.owner = undefined;
  }

  static map = new Map();

  // Whether user code may require(id) (without the `node:` prefix).
  static canBeRequiredByUsers(id) {
    if (typeof id !== 'string' || isInternalId(id) || schemeOnly.has(id)) return false;
    if (builtinsBinding.lookup(id) !== undefined) return true;
    return pluginModuleIds().has(id);
  }

  static canBeRequiredWithoutScheme(id) {
    return BuiltinModule.canBeRequiredByUsers(id);
  }

  static exists(id) {
    return builtinsBinding.lookup(id) !== undefined || pluginModuleIds().has(id);
  }

  // A Node builtin whose plugin is absent from this runtime: the error to throw, or null.
  static missingPluginError(id) {
    if (!nodeBuiltinIds.has(id) || BuiltinModule.exists(id)) return null;
    const plugin = pluginOf(id);
    const err = new Error(`No such built-in module: ${id}. It is provided by the '${plugin}' plugin, ` +
      `which is not in this runtime (${pluginsBinding.manifestPath()})`);
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    return err;
  }

  static getSchemeOnlyModuleNames() {
    return [...schemeOnly];
  }

  // Every public builtin id: the kernel's own plus what the manifest offers (as Node's
  // builtinModules, without the ids that exist only with the `node:` prefix).
  static publicIds() {
    const ids = new Set();
    for (const id of builtinsBinding.ids()) {
      if (!isInternalId(id) && !schemeOnly.has(id)) ids.add(id);
    }
    for (const id of pluginModuleIds()) {
      if (!schemeOnly.has(id)) ids.add(id);
    }
    return [...ids].sort();
  }

  compileForInternalLoader() {
    if (this.loaded || this.loading) return this.exports;
    let owner = builtinsBinding.lookup(this.id);
    if (owner === undefined) {
      // Not embedded in the kernel: the plugin that provides it is opened now.
      pluginsBinding.load(this.id);
      owner = builtinsBinding.lookup(this.id);
      if (owner === undefined) {
        const err = new Error(`Plugin for '${this.id}' loaded but did not register the module`);
        err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
        throw err;
      }
    }
    this.owner = owner;
    const fn = builtinsBinding.compile(this.id);
    const binding = owner ? pluginsBinding.binding(owner) : undefined;
    this.loading = true;
    try {
      fn(this.exports, requireBuiltin, this, process, getInternalBinding, binding);
      this.loaded = true;
    } finally {
      this.loading = false;
    }
    return this.exports;
  }
}

// `module.exports` may be replaced by the module, so the wrapper object is what is cached.
function requireBuiltin(id) {
  if (id.startsWith('node:')) id = id.slice(5);
  let mod = BuiltinModule.map.get(id);
  if (mod === undefined) {
    mod = new BuiltinModule(id);
    BuiltinModule.map.set(id, mod);
    try {
      return mod.compileForInternalLoader();
    } catch (err) {
      BuiltinModule.map.delete(id);
      throw err;
    }
  }
  return mod.compileForInternalLoader();
}

module.exports = { BuiltinModule, requireBuiltin, internalBinding: getInternalBinding };
BuiltinModule.map.set('internal/bootstrap/realm', Object.assign(new BuiltinModule('internal/bootstrap/realm'), {
  exports: module.exports, loaded: true,
}));

// Everything up to here is the same for every run, so it may come from the startup snapshot.
const { rehydrate } = requireBuiltin('internal/bootstrap/node');
// Every run needs the CommonJS loader and the entry-point code: keep them in the snapshot too.
requireBuiltin('internal/modules/cjs/loader');
const runMain = requireBuiltin('internal/main/run_main');
// Nearly every program prints: the console (and util.inspect behind it) comes ready-made. Its
// streams are bound lazily, on the first write of this process.
void globalThis.console; // eslint-disable-line no-void

// The kernel calls startMain once per process: refresh per-process state (a snapshot was taken in
// another process), then run the entry point the command line asked for.
module.exports.startMain = function startMain() {
  bindingCache.delete('process');
  rehydrate(getInternalBinding('process'));
  // SIGUSR1 starts the inspector in a running process (`kill -USR1`, process._debugProcess).
  getInternalBinding('inspector').watchSignal();
  runMain.run(getInternalBinding('process'));
};
