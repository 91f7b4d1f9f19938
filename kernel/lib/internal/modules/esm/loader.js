'use strict';
// The ES module loader: one ModuleWrap per URL, linked synchronously (files are read with one
// native call each), then instantiated and evaluated by V8. import() wraps the same steps in a
// promise; require() of an ES module uses them directly when the graph has no top-level await.

const path = require('path');
const { ModuleWrap, kInstantiating, kInstantiated, kEvaluating, kEvaluated, kErrored } = internalBinding('module_wrap');
const modulesBinding = internalBinding('modules');
const { resolve } = require('internal/modules/esm/resolve');
const { requireBuiltin } = require('internal/bootstrap/realm');

const jobs = new Map();  // url -> { wrap, url, format }

function lazyUrl() { return require('internal/url'); }
function codes() { return require('internal/errors').codes; }
function cjsLoader() { return require('internal/modules/cjs/loader'); }

function readSource(filename) {
  const r = modulesBinding.readFile(filename);
  if (typeof r === 'number') {
    const { uvException } = require('internal/errors');
    throw uvException({ errno: r, syscall: 'open', path: filename });
  }
  return r;
}

function dataSource(url) {
  const comma = url.indexOf(',');
  const meta = url.slice(5, comma);
  const body = url.slice(comma + 1);
  if (meta.endsWith(';base64')) return require('buffer').Buffer.from(body, 'base64').toString('utf8');
  return decodeURIComponent(body);
}

function sourceOf(url) {
  if (url.startsWith('data:')) return dataSource(url);
  return readSource(lazyUrl().fileURLToPath(url));
}

// Names a CommonJS module exports, found by static analysis (cjs-module-lexer), following
// `module.exports = require('./other')` re-exports.
function cjsExportNames(filename, seen = new Set()) {
  const names = new Set();
  if (seen.has(filename)) return names;
  seen.add(filename);
  let lexer;
  try {
    lexer = require('internal/deps/cjs-module-lexer/lexer');
  } catch {
    return names;
  }
  let result;
  try {
    result = lexer.parse(readSource(filename));
  } catch {
    return names;
  }
  for (const n of result.exports) names.add(n);
  for (const r of result.reexports) {
    try {
      const { Module } = cjsLoader();
      const req = Module.createRequire(filename);
      const target = req.resolve(r);
      if (path.isAbsolute(target)) for (const n of cjsExportNames(target, seen)) names.add(n);
    } catch {
      // An unresolvable re-export contributes no names, as in Node.
    }
  }
  return names;
}

function createCommonJSWrap(url) {
  const filename = lazyUrl().fileURLToPath(url);
  const { Module } = cjsLoader();
  const cached = Module._cache[filename];
  const names = cached && cached.loaded ? new Set(Object.keys(cached.exports || {})) : cjsExportNames(filename);
  names.delete('default');
  const exportNames = ['default', ...names];
  return new ModuleWrap(url, exportNames, function evaluate(wrap) {
    let exports;
    const c = Module._cache[filename];
    if (c && c.loaded) exports = c.exports;
    else exports = Module._load(filename, undefined, false);
    wrap.setExport('default', exports);
    for (const name of names) wrap.setExport(name, readExport(exports, name));
  });
}

// A property read that cannot fail the import: a lazy getter may need a plugin this runtime was
// trimmed of (events.EventEmitterAsyncResource needs async_hooks); that export is then undefined.
function readExport(exports, name) {
  try {
    return exports == null ? undefined : exports[name];
  } catch {
    return undefined;
  }
}

// Builtins imported so far: module.syncBuiltinESMExports() copies their current properties
// into their named exports again.
const builtinWraps = [];

function createBuiltinWrap(url) {
  const id = url.slice(5);
  const exports = requireBuiltin(id);
  const names = Object.keys(exports).filter((n) => n !== 'default');
  const wrap = new ModuleWrap(url, ['default', ...names], function evaluate(w) {
    w.setExport('default', exports);
    for (const n of names) w.setExport(n, readExport(exports, n));
    builtinWraps.push({ wrap: w, exports, names });
  });
  return wrap;
}

function syncBuiltinESMExports() {
  for (const { wrap, exports, names } of builtinWraps) {
    for (const n of names) {
      if (Object.prototype.hasOwnProperty.call(exports, n)) wrap.setExport(n, readExport(exports, n));
    }
  }
}

function createJsonWrap(url) {
  const source = sourceOf(url);
  return new ModuleWrap(url, ['default'], function evaluate(wrap) {
    let value;
    try {
      value = JSON.parse(source);
    } catch (err) {
      err.message = `${url.startsWith('file:') ? lazyUrl().fileURLToPath(url) : url}: ${err.message}`;
      throw err;
    }
    wrap.setExport('default', value);
  });
}

function checkAttributes(url, format, attributes) {
  const type = attributes && attributes.type;
  if (type !== undefined && type !== 'json') {
    const { ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED } = codes();
    throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);
  }
  if (format === 'json' && type !== 'json') {
    const { ERR_IMPORT_ASSERTION_TYPE_MISSING } = codes();
    throw new ERR_IMPORT_ASSERTION_TYPE_MISSING(url, 'json');
  }
  if (type === 'json' && format !== 'json') {
    const { ERR_IMPORT_ASSERTION_TYPE_FAILED } = codes();
    throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(url, 'json');
  }
}

// V8 10.2 parses import assertions (`assert { type: 'json' }`, `import(x, { assert: ... })`) but
// not the newer import attributes syntax that Node 20 accepts (`with { type: 'json' }`,
// `import(x, { with: ... })`): the keyword is rewritten where it follows an import's specifier
// (columns after it on that line shift by two).
const kWithAttributes = /(\b(?:from|import)\s*(['"])[^'"\n]*\2\s*)with(\s*\{)/g;
const kDynamicWith = /(\bimport\s*\(\s*(?:'[^'\n]*'|"[^"\n]*"|`[^`\n]*`|[\w$.]+)\s*,\s*\{\s*)with(\s*:)/g;
function rewriteImportAttributes(source) {
  if (!source.includes('with')) return source;
  return source.replace(kWithAttributes, (m, head, quote, tail) => `${head}assert${tail}`)
    .replace(kDynamicWith, (m, head, tail) => `${head}assert${tail}`);
}

function moduleSource(url) {
  return rewriteImportAttributes(sourceOf(url));
}

function createWrap(url, format) {
  switch (format) {
    case 'module': return new ModuleWrap(url, moduleSource(url));
    case 'commonjs': return createCommonJSWrap(url);
    case 'json': return createJsonWrap(url);
    case 'builtin': return createBuiltinWrap(url);
    default: {
      const { ERR_UNKNOWN_FILE_EXTENSION } = codes();
      const file = url.startsWith('file:') ? lazyUrl().fileURLToPath(url) : url;
      throw new ERR_UNKNOWN_FILE_EXTENSION(path.extname(file), file);
    }
  }
}

// A typeless .js file (no "type" in its package.json) is CommonJS unless module syntax detection
// finds import/export or top-level await in it (see cjs/loader).
function detectFormat(url, format) {
  if (format !== 'commonjs' || !url.startsWith('file:')) return format;
  const filename = lazyUrl().fileURLToPath(url);
  const cjs = cjsLoader();
  if (cjs.Module._cache[filename] || !cjs.isTypeless(filename)) return format;
  if (!cjs.detectModuleSyntax(readSource(filename), filename)) return format;
  cjs.warnTypeless(filename);
  return 'module';
}

// Creates (or finds) the job for `url` and links its whole static graph.
function getJob(url, format, attributes) {
  let job = jobs.get(url);
  if (job !== undefined) {
    checkAttributes(url, job.format, attributes);
    return job;
  }
  format = detectFormat(url, format);
  checkAttributes(url, format, attributes);
  const wrap = createWrap(url, format);
  job = { url, format, wrap, children: [] };
  jobs.set(url, job);
  try {
    if (format === 'module') {
      const requests = wrap.getModuleRequests();
      const specifiers = [];
      const children = [];
      for (const { specifier, attributes: attrs } of requests) {
        const r = resolve(specifier, url);
        const child = getJob(r.url, r.format, attrs);
        specifiers.push(specifier);
        children.push(child.wrap);
        job.children.push(child);
      }
      wrap.link(specifiers, children);
    }
  } catch (err) {
    jobs.delete(url);
    throw err;
  }
  return job;
}

function instantiate(job) {
  if (job.wrap.getStatus() < kInstantiated) job.wrap.instantiate();
}

// import(): resolve, link, evaluate; resolves to the namespace.
async function importModule(specifier, parentURL, attributes) {
  const r = resolve(specifier, parentURL);
  const job = getJob(r.url, r.format, attributes);
  instantiate(job);
  await job.wrap.evaluate();
  return job.wrap.getNamespace();
}

function referrerToURL(referrer) {
  if (typeof referrer !== 'string' || referrer === '') return undefined;
  if (referrer.startsWith('/')) return lazyUrl().pathToFileURL(referrer).href;
  return referrer;
}

// vmImportMode: 0 for ordinary code; for code compiled by vm, what its importModuleDynamically
// option asked (internal/vm_import_mode).
function importModuleDynamically(specifier, referrerName, attributes, vmImportMode = 0) {
  try {
    if (vmImportMode !== 0) {
      const { kVmImportNone, kVmImportCallback } = require('internal/vm_import_mode');
      if (vmImportMode === kVmImportNone) throw new (codes().ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING)();
      if (vmImportMode === kVmImportCallback) throw new (codes().ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG)();
    }
    return importModule(specifier, referrerToURL(referrerName), attributes);
  } catch (err) {
    return Promise.reject(err);
  }
}

function initializeImportMeta(meta, wrap) {
  const url = wrap.url;
  meta.url = url;
  if (url.startsWith('file:')) {
    const filename = lazyUrl().fileURLToPath(url);
    meta.filename = filename;
    meta.dirname = path.dirname(filename);
  }
  // As Node: a file that does not exist still has a URL (only packages must be found).
  meta.resolve = (specifier) => {
    try {
      return resolve(`${specifier}`, url).url;
    } catch (err) {
      if ((err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'ERR_UNSUPPORTED_DIR_IMPORT') && err.url) return err.url;
      throw err;
    }
  };
}

function evaluateQuietDependencies(job, seen) {
  for (const child of job.children) {
    if (seen.has(child)) continue;
    seen.add(child);
    if (child.format === 'builtin' || child.format === 'json') {
      // A failure (bad JSON) is reported again by the graph's own evaluation.
      try {
        instantiate(child);
        child.wrap.evaluate().catch(() => {});
      } catch {
        // Same.
      }
    } else {
      evaluateQuietDependencies(child, seen);
    }
  }
}

// The entry point is an ES module: evaluate it; an unsettled top-level await at exit is code 13.
function runEntry(filename) {
  const url = lazyUrl().pathToFileURL(filename).href;
  const job = getJob(url, 'module', undefined);
  instantiate(job);
  // --inspect-brk: the debugger pauses on the first statement the graph runs (the native
  // evaluate is called directly: no loader statement comes first). Builtin and JSON dependencies
  // (no side effects a program could see) are evaluated before, so that statement is the program's.
  if (internalBinding('process').options.inspectBrk) {
    evaluateQuietDependencies(job, new Set());
    settleEntry(url, internalBinding('inspector').callAndPauseOnStart(job.wrap.evaluate, job.wrap));
  } else {
    settleEntry(url, job.wrap.evaluate());
  }
}

// An entry's evaluation: its error is uncaught; a top-level await still unsettled when the
// process is about to exit normally makes the exit code 13, with Node's warning.
function settleEntry(url, promise) {
  let settled = false;
  process.once('exit', (code) => {
    if (!settled && code === 0) {
      process.exitCode = 13;
      internalBinding('process').writeSync(2, 'Warning: Detected unsettled top-level await at ' +
        `${url}\n\n`);
    }
  });
  return promise.then(() => { settled = true; }, (err) => {
    settled = true;
    internalBinding('process').triggerUncaughtException(err, false);
  });
}

// `--input-type=module -e` / stdin: the source is a module whose URL is in the current folder.
function evalModule(source, name = '[eval1]') {
  const url = `${lazyUrl().pathToFileURL(path.join(process.cwd(), name)).href}`;
  const wrap = new ModuleWrap(url, rewriteImportAttributes(source));
  const requests = wrap.getModuleRequests();
  const specifiers = [];
  const children = [];
  for (const { specifier, attributes } of requests) {
    const r = resolve(specifier, url);
    specifiers.push(specifier);
    children.push(getJob(r.url, r.format, attributes).wrap);
  }
  wrap.link(specifiers, children);
  wrap.instantiate();
  return settleEntry(url, wrap.evaluate());
}

// require() of an ES module (Node 22): works when the graph has no top-level await.
function requireESM(filename, parentFilename) {
  const url = lazyUrl().pathToFileURL(filename).href;
  const job = getJob(url, 'module', undefined);
  const status = job.wrap.getStatus();
  if (status === kInstantiating || status === kEvaluating) {
    // The module is an ancestor of this require() in the graph being linked or evaluated.
    const { ERR_REQUIRE_CYCLE_MODULE } = codes();
    throw new ERR_REQUIRE_CYCLE_MODULE(`Cannot require() ES Module ${filename} in a cycle.` +
      `${parentFilename ? ` (from ${parentFilename})` : ''} A cycle involving require(esm) is not allowed to ` +
      'maintain invariants mandated by the ECMAScript specification. Try making at least part of the ' +
      'dependency in the graph lazily loaded.');
  }
  instantiate(job);
  if (job.wrap.isGraphAsync()) {
    const { ERR_REQUIRE_ASYNC_MODULE } = codes();
    throw new ERR_REQUIRE_ASYNC_MODULE();
  }
  const promise = job.wrap.evaluate();
  promise.catch(() => {});  // the error is thrown synchronously below
  if (job.wrap.getStatus() === kErrored) throw job.wrap.getError();
  if (job.wrap.getStatus() !== kEvaluated) {
    const { ERR_REQUIRE_ASYNC_MODULE } = codes();
    throw new ERR_REQUIRE_ASYNC_MODULE();
  }
  const ns = job.wrap.getNamespace();
  return 'module.exports' in ns ? ns['module.exports'] : ns;
}

module.exports = {
  rewriteImportAttributes,
  syncBuiltinESMExports,
  importModule, importModuleDynamically, initializeImportMeta, runEntry, requireESM, resolve, evalModule,
};
