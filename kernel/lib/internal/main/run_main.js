'use strict';
// Runs what the command line asked for: a script, -e/-p source, stdin, the plugin list, the REPL,
// or the test files (--test).

const path = require('path');
// Set by run(): the process binding of this process (this module may come from the snapshot).
let native;

function preload(requests) {
  if (requests.length === 0) return;
  const { Module } = require('internal/modules/cjs/loader');
  const parent = new Module('internal/preload', null);
  parent.paths = Module._nodeModulePaths(process.cwd());
  for (const request of requests) Module._load(request, parent, false);
}

// A process started with an 'ipc' stdio (fork(), or spawn with 'ipc', by nodus or by Node) finds
// its channel in NODE_CHANNEL_FD: process.send and 'message' exist before user code runs, and a
// cluster worker (NODE_UNIQUE_ID) gets cluster's listen routing, as in Node. A runtime trimmed of
// those plugins has no IPC; the variables then stay in process.env for the program to see.
function setupChildChannel() {
  if (process.env.NODE_CHANNEL_FD === undefined) return;
  const optional = (id) => {
    try {
      return require(id);
    } catch (err) {
      if (err && err.code === 'ERR_UNKNOWN_BUILTIN_MODULE') return null;
      throw err;
    }
  };
  const cp = optional('child_process');
  if (cp === null) return;
  try {
    if (!cp._setupChildChannel()) return;
  } catch {
    // A descriptor that is not a channel (a variable inherited by mistake): the program still
    // runs, as under Node, only without IPC.
    return;
  }
  if (process.env.NODE_UNIQUE_ID !== undefined) optional('cluster');
}

// What runs after process.argv is complete and before the program: the IPC channel, then --require.
function beforeMain(options) {
  setupChildChannel();
  preload(options.preload);
}

function evalScript(name, body, print) {
  const { Module } = require('internal/modules/cjs/loader');
  const { makeRequireFunction } = require('internal/modules/cjs/loader');
  const cwd = process.cwd();
  const module = new Module(name);
  module.filename = path.join(cwd, name);
  module.paths = Module._nodeModulePaths(cwd);
  globalThis.module = module;
  globalThis.require = makeRequireFunction(module);
  globalThis.exports = module.exports;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  const result = internalBinding('modules').runScript(body, name);
  if (print) {
    const { log } = require('console');
    log(result);
  }
  return result;
}

// -e and stdin source: a module with --input-type=module, else a script unless (with no
// --input-type) it only fails to compile because of module syntax, which makes it a module.
function evalSource(name, moduleName, source, options) {
  const esm = () => require('internal/modules/esm/loader').evalModule(source, moduleName);
  if (options.inputType === 'module') return esm();
  try {
    return evalScript(name, source, options.print);
  } catch (err) {
    if (options.inputType === 'commonjs' || options.print) throw err;
    const { isModuleSyntaxError } = require('internal/modules/cjs/loader');
    if (!isModuleSyntaxError(err, source)) throw err;
    try {
      internalBinding('modules').compileFunction(source, name, []);
    } catch {
      // A compile error, not one thrown by the running code: the CommonJS globals go away.
      for (const key of ['module', 'require', 'exports', '__filename', '__dirname']) delete globalThis[key];
      return esm();
    }
    throw err;
  }
}

function checkSyntax(filename) {
  const source = internalBinding('modules').readFile(filename);
  if (typeof source === 'number') {
    const { uvException } = require('internal/errors');
    throw uvException({ errno: source, syscall: 'open', path: filename });
  }
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  internalBinding('modules').compileFunction(body, filename,
    ['exports', 'require', 'module', '__filename', '__dirname']);
}

function listPlugins() {
  const list = internalBinding('plugins').list();
  const out = [`nodus ${native.nodusVersion} — plugins from ${internalBinding('plugins').manifestPath()}`];
  if (list.length === 0) out.push('  (none: kernel only)');
  for (const p of list) {
    const deps = p.depends.length ? `  needs ${p.depends.join(', ')}` : '';
    out.push(`  ${p.name}@${p.version || '?'}  ${p.file}${p.overridden ? '  (swapped)' : ''}`);
    out.push(`      modules: ${p.modules.join(', ')}${deps}`);
  }
  native.writeSync(1, `${out.join('\n')}\n`);
}

function startRepl() {
  let repl;
  try {
    repl = require('repl');
  } catch (err) {
    if (err && (err.code === 'ERR_UNKNOWN_BUILTIN_MODULE' || err.code === 'ERR_DLOPEN_FAILED')) {
      native.writeSync(2, 'nodus: the REPL is provided by the repl plugin, which is not in this runtime.\n' +
        'Run a script (nodus file.js), evaluate code (nodus -e "..."), or pipe a program on stdin.\n');
      process.exitCode = 1;
      return;
    }
    throw err;
  }
  if (process.stdin.isTTY || native.options.forceRepl) {
    native.writeSync(1, `Welcome to nodus v${native.nodusVersion} (Node.js ${process.version} compatible).\n` +
      'Type ".help" for more information.\n');
  }
  const server = repl.start({ prompt: '> ', useGlobal: true, breakEvalOnSigint: true });
  // Leaving the REPL ends the program, as in Node (timers left behind do not keep it alive).
  server.on('exit', () => process.exit());
}

// --test: the test plugin's runner (internal/test/cli, registered once the plugin is open).
function runTestFiles(files) {
  try {
    require('test');
  } catch (err) {
    if (err && (err.code === 'ERR_UNKNOWN_BUILTIN_MODULE' || err.code === 'ERR_DLOPEN_FAILED')) {
      native.writeSync(2, 'nodus: --test is provided by the test plugin, which is not in this runtime.\n');
      process.exitCode = 1;
      return;
    }
    throw err;
  }
  require('internal/test/cli').run(files);
}

function run(processBinding) {
  native = processBinding;
  require('internal/modules/cjs/loader').Module._initPaths();
  const options = native.options;
  const scriptArgs = native.scriptArgs;
  Error.stackTraceLimit = options.stackTraceLimit;
  switch (options.mode) {
    case 'script': {
      const main = path.resolve(options.script);
      process.argv.push(main, ...scriptArgs);
      if (options.checkSyntax) {
        checkSyntax(main);
        return;
      }
      beforeMain(options);
      require('internal/modules/cjs/loader').Module.runMain(main);
      return;
    }
    case 'eval':
      process.argv.push(...scriptArgs);
      beforeMain(options);
      evalSource('[eval]', '[eval1]', options.evalSource, options);
      return;
    case 'stdin': {
      if (options.script === '-') process.argv.push('-');
      process.argv.push(...scriptArgs);
      beforeMain(options);
      const source = internalBinding('modules').readFile('/dev/stdin');
      evalSource('[stdin]', '[eval1]', typeof source === 'string' ? source : '', options);
      return;
    }
    case 'plugins':
      listPlugins();
      return;
    case 'test':
      beforeMain(options);
      runTestFiles(scriptArgs);
      return;
    case 'repl':
      process.argv.push(...scriptArgs);
      beforeMain(options);
      startRepl();
      return;
    default:
      throw new Error(`unknown mode ${options.mode}`);
  }
}

module.exports = { run };
