'use strict';
// The ES module loader: one ModuleWrap per URL, linked synchronously (files are read with one
// native call each), then instantiated and evaluated by V8. import() wraps the same steps in a
// promise; require() of an ES module uses them directly when the graph has no top-level await.

const path = require('path');
const { ModuleWrap, kInstantiated, kEvaluated, kErrored } = internalBinding('module_wrap');
const modulesBinding = internalBinding('modules');
const { resolve, formatOf } = require('internal/modules/esm/resolve');
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
    for (const name of names) {
      let value;
      try { value = exports == null ? undefined : exports[name]; } catch { value = undefined; }
      wrap.setExport(name, value);
    }
  });
}

function createBuiltinWrap(url) {
  const id = url.slice(5);
  const exports = requireBuiltin(id);
  const names = Object.keys(exports).filter((n) => n !== 'default');
  return new ModuleWrap(url, ['default', ...names], function evaluate(wrap) {
    wrap.setExport('default', exports);
    for (const n of names) wrap.setExport(n, exports[n]);
  });
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

// V8 10.2 parses import assertions (`assert { type: 'json' }`) but not the newer import
// attributes syntax (`with { type: 'json' }`) that Node 20 accepts: the keyword is rewritten
// where it follows an import's module specifier (columns after it on that line shift by two).
const kWithAttributes = /(\b(?:from|import)\s*(['"])[^'"\n]*\2\s*)with(\s*\{)/g;
function moduleSource(url) {
  const source = sourceOf(url);
  if (!source.includes('with')) return source;
  return source.replace(kWithAttributes, (m, head, quote, tail) => `${head}assert${tail}`);
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

// Creates (or finds) the job for `url` and links its whole static graph.
function getJob(url, format, attributes) {
  let job = jobs.get(url);
  if (job !== undefined) {
    checkAttributes(url, job.format, attributes);
    return job;
  }
  checkAttributes(url, format, attributes);
  const wrap = createWrap(url, format);
  job = { url, format, wrap };
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

function importModuleDynamically(specifier, referrerName, attributes) {
  try {
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
  meta.resolve = (specifier) => resolve(`${specifier}`, url).url;
}

// The entry point is an ES module: evaluate it; an unsettled top-level await at exit is code 13.
function runEntry(filename) {
  const url = lazyUrl().pathToFileURL(filename).href;
  const job = getJob(url, 'module', undefined);
  instantiate(job);
  let settled = false;
  process.once('exit', (code) => {
    if (!settled && code === 0) {
      process.exitCode = 13;
      internalBinding('process').writeSync(2, 'Warning: Detected unsettled top-level await at ' +
        `${url}\n\n`);
    }
  });
  job.wrap.evaluate().then(() => { settled = true; }, (err) => {
    settled = true;
    internalBinding('process').triggerUncaughtException(err, false);
  });
}

// `--input-type=module -e` / stdin: the source is a module whose URL is in the current folder.
function evalModule(source, name = '[eval1]') {
  const url = `${lazyUrl().pathToFileURL(path.join(process.cwd(), name)).href}`;
  const wrap = new ModuleWrap(url, source.replace(kWithAttributes, (m, head, quote, tail) => `${head}assert${tail}`));
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
  return wrap.evaluate().then(undefined, (err) => {
    internalBinding('process').triggerUncaughtException(err, false);
  });
}

// require() of an ES module (Node 22): works when the graph has no top-level await.
function requireESM(filename, parentFilename) {
  const url = lazyUrl().pathToFileURL(filename).href;
  const job = getJob(url, formatOf(filename) === 'module' ? 'module' : 'module', undefined);
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
  importModule, importModuleDynamically, initializeImportMeta, runEntry, requireESM, resolve, evalModule,
};
