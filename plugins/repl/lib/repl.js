'use strict';
// repl: a read-eval-print loop over readline. Code runs as scripts in the REPL's context (the
// global one with useGlobal, else a vm context of its own); incomplete input continues on the
// next line; results print with util.inspect.

const fs = require('fs');
const path = require('path');
const { Interface } = require('readline');
const { inspect, types } = require('util');
const vm = require('vm');

const kRecoverable = /Unexpected end of input|Unterminated template literal|Unterminated regular expression|missing \) after argument list$/;
const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

class Recoverable extends SyntaxError {
  constructor(err) {
    super(err.message);
    this.err = err;
  }
}

let scriptCounter = 0;
// Runs code as a script of its own in `context` (globalThis: the main context); with
// breakOnSigint, Ctrl+C stops it (ERR_SCRIPT_EXECUTION_INTERRUPTED).
function runScript(code, context = globalThis, breakOnSigint = false) {
  const script = new vm.Script(code, {
    filename: `REPL${++scriptCounter}`,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const options = { displayErrors: false, breakOnSigint };
  return context === globalThis ? script.runInThisContext(options) : script.runInContext(context, options);
}

// Evaluates like Node's default REPL eval: `{...}` is an object literal, top-level await works.
function defaultEval(code, context, file, cb) {
  // REPL_MODE_STRICT: every input is a strict-mode script (same line, so positions hold).
  const strict = this instanceof REPLServer && this.replMode === REPL_MODE_STRICT;
  const breakOnSigint = this instanceof REPLServer && this.breakEvalOnSigint;
  const run = (src) => runScript(strict ? `'use strict';${src}` : src, context, breakOnSigint);
  const trimmed = code.trim();
  let wrapped = null;
  if (/^\{/.test(trimmed) && !/;\s*$/.test(trimmed)) wrapped = `(${trimmed}\n)`;
  let result;
  try {
    if (wrapped !== null) {
      try {
        result = run(wrapped);
      } catch (e) {
        if (!(e instanceof SyntaxError)) throw e;
        result = run(code);
      }
    } else {
      result = run(code);
    }
  } catch (err) {
    if (err instanceof SyntaxError && /await is only valid/.test(err.message)) {
      return evalAwait(trimmed, context, cb);
    }
    if (err instanceof SyntaxError && kRecoverable.test(err.message) && !/\n\s*\n$/.test(code)) {
      return cb(new Recoverable(err));
    }
    return cb(err);
  }
  cb(null, result);
}

// `const x = await f()` at the top level: the binding must outlive the async wrapper, so its
// names become variables of the context (as in Node's REPL) that the wrapper assigns.
const kAwaitDeclaration = /^\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*|\{[^{}]*\}|\[[^[\]]*\])\s*=\s*([\s\S]+)$/;
function declaredNames(pattern) {
  if (!/^[{[]/.test(pattern)) return [pattern];
  return pattern.slice(1, -1).split(',')
    .map((part) => part.split(':').pop().split('=')[0].replace('...', '').trim())
    .filter(Boolean);
}

function evalAwait(code, context, cb) {
  const body = code.replace(/;\s*$/, '');
  const decl = kAwaitDeclaration.exec(body);
  if (decl) {
    const names = declaredNames(decl[1]);
    if (names.every((n) => /^[A-Za-z_$][\w$]*$/.test(n))) {
      let promise;
      try {
        runScript(`var ${names.join(', ')};`, context);
        promise = runScript(`(async () => { (${decl[1]} = ${decl[2]}\n); })()`, context);
      } catch (err) {
        return cb(err);
      }
      return promise.then(() => cb(null, undefined), (err) => cb(err));
    }
  }
  let promise;
  try {
    // An expression gives its value; statements run for their effects.
    try {
      promise = runScript(`(async () => (${body}\n))()`, context);
    } catch {
      promise = runScript(`(async () => { ${body}\n })()`, context);
    }
  } catch (err) {
    return cb(err);
  }
  promise.then((v) => cb(null, v), (err) => cb(err));
}

function historyFile() {
  const env = process.env.NODE_REPL_HISTORY;
  if (env === '') return null;
  if (env) return env;
  const home = process.env.HOME;
  return home ? path.join(home, '.node_repl_history') : null;
}

class REPLServer extends Interface {
  constructor(prompt, stream, evalFn, useGlobal, ignoreUndefined, replMode) {
    let options = prompt !== null && typeof prompt === 'object' ? prompt :
      { prompt, stream, eval: evalFn, useGlobal, ignoreUndefined, replMode };
    const input = options.input || options.stream || process.stdin;
    const output = options.output || options.stream || process.stdout;
    const terminal = options.terminal ?? !!output.isTTY;
    let completerRef = null;
    super({
      input, output, terminal, prompt: options.prompt ?? '> ',
      historySize: options.historySize ?? 1000, removeHistoryDuplicates: true,
      completer: options.completer || ((line, cb) => completerRef(line, cb)),
    });
    completerRef = (line, cb) => this.complete(line, cb);
    this.useColors = options.useColors ?? (terminal && typeof output.hasColors === 'function' && output.hasColors());
    this.useGlobal = !!options.useGlobal;
    this.ignoreUndefined = !!options.ignoreUndefined;
    this.replMode = options.replMode || REPL_MODE_SLOPPY;
    this.eval = options.eval || defaultEval;
    this.breakEvalOnSigint = !!options.breakEvalOnSigint;
    if (this.breakEvalOnSigint && options.eval) {
      const { ERR_INVALID_REPL_EVAL_CONFIG } = require('internal/errors').codes;
      throw new ERR_INVALID_REPL_EVAL_CONFIG();
    }
    this.writer = options.writer || ((obj) => inspect(obj, { colors: this.useColors, showProxy: true }));
    this.commands = { __proto__: null };
    this.bufferedCommand = '';
    this.editorMode = false;
    this.lines = [];
    this._sawSIGINT = false;
    this._lastValue = undefined;
    this._lastError = undefined;
    this._underscoreAssigned = false;
    this._defineDefaultCommands();
    this.resetContext();
    if (terminal) {
      this._loadHistory();
      require('internal/repl/reverse_search').installReverseSearch(this);
    }

    this.on('line', (line) => this._onLine(line));
    this.on('SIGINT', () => this._onSigint());
    this.on('close', () => this.emit('exit'));
    this.displayPrompt();
  }

  // The global object the REPL's code sees: globalThis itself with useGlobal, otherwise a new vm
  // context holding what Node adds to the global (process, Buffer, timers...), its own `global`
  // and a console that writes to the REPL's output.
  createContext() {
    if (this.useGlobal) return globalThis;
    const context = vm.createContext();
    const own = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', context));
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (name === 'console' || name === 'global' || own.has(name)) continue;
      Object.defineProperty(context, name, Object.getOwnPropertyDescriptor(globalThis, name));
    }
    const { Console } = require('console');
    for (const [name, value] of [['global', context], ['console', new Console(this.output)]])
      Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
    return context;
  }

  resetContext() {
    this.context = this.createContext();
    this._lastValue = undefined;
    this._lastError = undefined;
    this._installUnderscore();
    this._installModuleGlobals();
  }

  _installUnderscore() {
    const self = this;
    const context = this.context;
    for (const [name, key] of [['_', '_lastValue'], ['_error', '_lastError']]) {
      Object.defineProperty(context, name, {
        configurable: true,
        enumerable: false,
        get() { return self[key]; },
        set(value) {
          Object.defineProperty(context, name, { value, writable: true, enumerable: true, configurable: true });
          self._output(`Expression assignment to ${name} now disabled.\n`);
        },
      });
    }
  }

  // As in Node's REPL: `require` relative to the current folder, and every builtin module
  // reachable by its name (`os.platform()` without a require), loaded on first use.
  _installModuleGlobals() {
    const Module = require('module');
    const replModule = new Module('<repl>');
    replModule.paths = Module._nodeModulePaths(process.cwd());
    replModule.filename = path.join(process.cwd(), '<repl>');
    const context = this.context;
    const define = (name, value) => Object.defineProperty(context, name,
      { value, writable: true, configurable: true, enumerable: false });
    if (!('require' in context)) define('require', Module.createRequire(replModule.filename));
    if (!('module' in context)) define('module', replModule);
    for (const id of Module.builtinModules) {
      if (id.includes('/') || id.startsWith('_') || id in context) continue;
      Object.defineProperty(context, id, {
        configurable: true,
        enumerable: false,
        get() {
          const value = require(id);
          define(id, value);
          return value;
        },
        set(value) { define(id, value); },
      });
    }
  }

  _output(text) { this.output.write(text); }

  _loadHistory() {
    const file = historyFile();
    this._historyPath = file;
    if (!file) return;
    try {
      const text = fs.readFileSync(file, 'utf8');
      this.history = text.split(/\r?\n/).filter(Boolean).slice(0, this.historySize);
    } catch {
      // No history yet.
    }
    this.on('history', (history) => {
      try { fs.writeFileSync(file, `${history.join('\n')}\n`, { mode: 0o600 }); } catch { /* read-only home */ }
    });
  }

  displayPrompt(preserveCursor) {
    this._initialPrompt = this._initialPrompt ?? this.getPrompt();
    // The continuation prompt stays while the line is edited (redraws use the current prompt).
    this.setPrompt(this.bufferedCommand.length ? '... ' : this._initialPrompt);
    this.prompt(preserveCursor);
  }

  clearBufferedCommand() { this.bufferedCommand = ''; }

  defineCommand(keyword, cmd) {
    if (typeof cmd === 'function') cmd = { action: cmd };
    if (typeof cmd.action !== 'function') {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('cmd.action', 'Function', cmd.action);
    }
    this.commands[keyword] = cmd;
  }

  _defineDefaultCommands() {
    this.defineCommand('break', {
      help: 'Sometimes you get stuck, this gets you out',
      action() { this.clearBufferedCommand(); this.displayPrompt(); },
    });
    this.defineCommand('clear', {
      help: 'Break, and also clear the local context',
      action() {
        this.clearBufferedCommand();
        // The global context cannot be reset; a REPL's own context is made anew.
        if (!this.useGlobal) {
          this._output('Clearing context...\n');
          this.resetContext();
          this.emit('reset', this.context);
        }
        this.displayPrompt();
      },
    });
    this.defineCommand('exit', { help: 'Exit the REPL', action() { this.close(); } });
    this.defineCommand('help', {
      help: 'Print this help message',
      action() {
        const names = Object.keys(this.commands).sort();
        const width = Math.max(...names.map((n) => n.length)) + 3;
        for (const n of names) this._output(`.${n.padEnd(width)}${this.commands[n].help || ''}\n`);
        this._output('\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
        this.displayPrompt();
      },
    });
    this.defineCommand('save', {
      help: 'Save all evaluated commands in this REPL session to a file',
      action(file) {
        try {
          fs.writeFileSync(file, this.lines.join('\n'));  // no final newline, as Node writes it
          this._output(`Session saved to: ${file}\n`);
        } catch {
          this._output(`Failed to save: ${file}\n`);
        }
        this.displayPrompt();
      },
    });
    this.defineCommand('load', {
      help: 'Load JS from a file into the REPL session',
      action(file) {
        let data;
        try {
          data = fs.readFileSync(file, 'utf8');
        } catch {
          this._output(`Failed to load: ${file}\n`);
          return this.displayPrompt();
        }
        this._evalCode(data, () => this.displayPrompt());
      },
    });
    this.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        this.editorMode = true;
        this._editorLines = [];
        this._output('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
        if (this.terminal) this._wrapEditorKeys();
        else this.displayPrompt();
      },
    });
  }

  _wrapEditorKeys() {
    // In editor mode Ctrl+D evaluates the buffer instead of closing the REPL.
    const original = this._ttyWrite;
    this._ttyWrite = (s, key) => {
      if (this.editorMode && key && key.ctrl && key.name === 'd') {
        if (this.line) this._editorLines.push(this.line);
        this.line = '';
        this.cursor = 0;
        this._output('\r\n');
        this._finishEditor();
        this._ttyWrite = original;
        return;
      }
      if (this.editorMode && key && key.ctrl && key.name === 'c') {
        this.editorMode = false;
        this._editorLines = [];
        this.line = '';
        this._output('\r\n');
        this._ttyWrite = original;
        this.displayPrompt();
        return;
      }
      original.call(this, s, key);
    };
    this.setPrompt('');
    this.prompt();
  }

  _finishEditor() {
    this.editorMode = false;
    const code = this._editorLines.join('\n');
    this._editorLines = [];
    this._evalCode(`${code}\n`, () => this.displayPrompt());
  }

  _onSigint() {
    if (this.editorMode) return;
    if (this.line.length || this.bufferedCommand.length) {
      this.line = '';
      this.cursor = 0;
      this.clearBufferedCommand();
      this._sawSIGINT = false;
      this._output('\r\n');
      this.displayPrompt();
      return;
    }
    if (this._sawSIGINT) {
      this.close();
      return;
    }
    this._output('\r\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)\r\n');
    this._sawSIGINT = true;
    this.displayPrompt();
  }

  _onLine(line) {
    this._sawSIGINT = false;
    if (this.editorMode) {
      this._editorLines.push(line);
      return;
    }
    const trimmed = line.trim();
    // A command works in the middle of a multi-line input too (.break leaves it); an unknown
    // keyword there is code (`arr` then `.map(f)`), and an error only on a fresh line.
    if (trimmed.startsWith('.') && !trimmed.startsWith('..') && !/^\.\d/.test(trimmed)) {
      const m = /^\.([^\s]+)\s*(.*)$/.exec(trimmed);
      const cmd = m && this.commands[m[1]];
      if (cmd) {
        cmd.action.call(this, m[2]);
        return;
      }
      if (!this.bufferedCommand) {
        this._output('Invalid REPL keyword\n');
        this.displayPrompt();
        return;
      }
    }
    const code = `${this.bufferedCommand}${line}\n`;
    if (!this.bufferedCommand && trimmed === '') {
      this.displayPrompt();
      return;
    }
    this._evalCode(code, () => this.displayPrompt());
  }

  _evalCode(code, next) {
    // A terminal in raw mode turns Ctrl+C into a key nobody reads while code runs: cooked mode
    // lets it raise SIGINT, which breaks the evaluation.
    // Raw mode is back before anything is printed: once the prompt shows, a Ctrl+C must be a key
    // again (restoring waits for the terminal to take the output).
    let cooked = this.breakEvalOnSigint && this.input.isRaw && typeof this.input.setRawMode === 'function';
    const restore = () => {
      if (cooked) {
        cooked = false;
        this.input.setRawMode(true);
      }
    };
    if (cooked) this.input.setRawMode(false);
    try {
      this._evalWith(code, next, restore);
    } finally {
      restore();
    }
  }

  _evalWith(code, next, restore) {
    this.eval(code, this.context, 'REPL', (err, result) => {
      restore();
      if (err instanceof Recoverable) {
        this.bufferedCommand = code;
        return next();
      }
      this.clearBufferedCommand();
      this.lines.push(...code.replace(/\n$/, '').split('\n'));
      if (err) {
        this._lastError = err;
        this._output(`${this._formatError(err)}\n`);
      } else {
        this._lastValue = result;
        if (!(this.ignoreUndefined && result === undefined)) this._output(`${this.writer(result)}\n`);
      }
      next();
    });
  }

  _formatError(err) {
    // Errors of the REPL's own context are not instances of this context's Error.
    if ((err instanceof Error || types.isNativeError(err)) && typeof err.stack === 'string') {
      // Frames of the REPL's own evaluation are noise; keep the user's.
      const lines = err.stack.split('\n');
      const kept = [lines[0], ...lines.slice(1).filter((l) => !/\(node:|at node:|REPL\d+:/.test(l))];
      const extra = inspect(err, { colors: false }).includes('{\n') ? inspect(err).slice(inspect(err).indexOf(' {\n')) : '';
      return `Uncaught ${kept.join('\n')}${extra}`;
    }
    return `Uncaught ${inspect(err, { colors: this.useColors })}`;
  }

  complete(line, callback) {
    const keywords = ['await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default',
      'delete', 'do', 'else', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
      'instanceof', 'let', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof',
      'undefined', 'var', 'void', 'while', 'with', 'yield'];
    let m;
    if ((m = /\brequire\s*\(\s*['"]([\w@./-]*)$/.exec(line))) {
      const sub = m[1];
      const ids = require('module').builtinModules.filter((id) => id.startsWith(sub));
      return callback(null, [ids, sub]);
    }
    if ((m = /^\s*\.(\w*)$/.exec(line))) {
      const sub = m[1];
      return callback(null, [Object.keys(this.commands).filter((c) => c.startsWith(sub)).map((c) => `.${c}`), `.${sub}`]);
    }
    if ((m = /((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\.([\w$]*)$/.exec(line))) {
      const [, expr, sub] = m;
      let obj;
      try { obj = runScript(expr, this.context); } catch { return callback(null, [[], sub]); }
      const names = new Set();
      for (let o = obj; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
        for (const n of Object.getOwnPropertyNames(Object(o))) if (/^[A-Za-z_$][\w$]*$/.test(n)) names.add(n);
        if (names.size > 2000) break;
      }
      const list = [...names].filter((n) => n.startsWith(sub)).sort().map((n) => `${expr}.${n}`);
      return callback(null, [list, `${expr}.${sub}`]);
    }
    m = /([A-Za-z_$][\w$]*)$/.exec(line);
    const sub = m ? m[1] : '';
    let globals = [];
    try { globals = runScript('Object.getOwnPropertyNames(globalThis)', this.context); } catch { /* odd context */ }
    globals = globals.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
    const list = [...new Set([...globals, ...keywords])].filter((n) => n.startsWith(sub)).sort();
    callback(null, [list, sub]);
  }
}

function start(prompt, source, evalFn, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, evalFn, useGlobal, ignoreUndefined, replMode);
}

module.exports = {
  start,
  REPLServer,
  Recoverable,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  writer: inspect,
  get builtinModules() { return require('module').builtinModules.filter((id) => !id.startsWith('_')); },
};
