'use strict';
// CommonJS: Module with Node's public and semi-public surface (_load, _resolveFilename,
// _extensions, _findPath, _nodeModulePaths, wrap...), over the native resolver.

const path = require('path');
const native = internalBinding('modules');
const { BuiltinModule, requireBuiltin } = require('internal/bootstrap/realm');

const moduleParentCache = new WeakMap();
let requireDepth = 0;
let patched = false;

function lazyErrors() { return require('internal/errors'); }

function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  setOwn(this, 'exports', {});
  moduleParentCache.set(this, parent);
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
let modulePaths = [];

Object.defineProperty(Module.prototype, 'parent', {
  configurable: true,
  enumerable: false,
  get() { return moduleParentCache.get(this); },
  set(value) { moduleParentCache.set(this, value); },
});

Module.isBuiltin = function isBuiltin(moduleName) {
  if (typeof moduleName !== 'string') return false;
  if (moduleName.startsWith('node:')) return BuiltinModule.exists(moduleName.slice(5)) &&
    !moduleName.slice(5).startsWith('internal/');
  return BuiltinModule.canBeRequiredByUsers(moduleName);
};

Object.defineProperty(Module, 'builtinModules', {
  configurable: true,
  enumerable: true,
  get() {
    const ids = BuiltinModule.publicIds();
    Object.defineProperty(Module, 'builtinModules', { value: Object.freeze(ids), enumerable: true, configurable: true, writable: false });
    return ids;
  },
});

// Module.wrap / Module.wrapper may be patched by packages; then sources go through the wrapper.
let wrap = function wrap(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};
const wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
let wrapperProxy = new Proxy(wrapper, {
  set(target, property, value) { patched = true; return Reflect.set(target, property, value); },
  defineProperty(target, property, descriptor) { patched = true; return Reflect.defineProperty(target, property, descriptor); },
});
Object.defineProperty(Module, 'wrap', {
  get() { return wrap; },
  set(value) { patched = true; wrap = value; },
  configurable: true,
  enumerable: true,
});
Object.defineProperty(Module, 'wrapper', {
  get() { return wrapperProxy; },
  set(value) { patched = true; wrapperProxy = value; },
  configurable: true,
  enumerable: true,
});

function loadBuiltin(id) {
  return requireBuiltin(id);
}

Module._load = function(request, parent, isMain) {
  if (typeof request === 'string' && request.startsWith('node:')) {
    const id = request.slice(5);
    const missing = BuiltinModule.missingPluginError(id);
    if (missing !== null) throw missing;
    if (!BuiltinModule.exists(id) || id.startsWith('internal/')) {
      const { ERR_UNKNOWN_BUILTIN_MODULE } = lazyErrors().codes;
      throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
    }
    return loadBuiltin(id);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    updateChildren(parent, cachedModule, true);
    // A module still loading is a circular require: its partial exports are returned.
    return cachedModule.exports;
  }
  if (BuiltinModule.canBeRequiredWithoutScheme(filename)) return loadBuiltin(filename);

  const module = new Module(filename, parent);
  if (isMain) {
    setOwn(process, 'mainModule', module);
    module.id = '.';
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent !== undefined && parent !== null) {
        const children = parent.children;
        if (Array.isArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    }
  }
  return module.exports;
};

function throwResolveError(result) {
  const [code, message, kind] = result;
  const err = kind === 'TypeError' ? new TypeError(message) : new Error(message);
  err.code = code;
  if (code !== 'MODULE_NOT_FOUND') {
    const name = err.name;
    // Node's coded errors print as "Error [CODE]: message".
    Object.defineProperty(err, 'name', { value: `${name} [${code}]`, configurable: true, writable: true, enumerable: false });
    err.stack; // eslint-disable-line no-unused-expressions
    delete err.name;
  }
  throw err;
}

function handleNative(result) {
  if (Array.isArray(result)) throwResolveError(result);
  return result;
}

Module._findPath = function(request, paths, isMain) {
  const absolute = path.isAbsolute(request);
  if (absolute) paths = [''];
  else if (!paths || paths.length === 0) return false;
  return handleNative(native.findPath(request, paths, !!isMain));
};

Module._nodeModulePaths = function(from) {
  return native.nodeModulePaths(path.resolve(from));
};

Module._resolveLookupPaths = function(request, parent) {
  if (BuiltinModule.canBeRequiredByUsers(request)) return null;
  if (request[0] !== '.' || (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
    let paths;
    if (parent?.paths?.length) paths = [...parent.paths, ...modulePaths];
    else paths = modulePaths;
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

function requireStackOf(parent) {
  const stack = [];
  for (let cursor = parent; cursor; cursor = moduleParentCache.get(cursor)) {
    stack.push(cursor.filename || cursor.id);
  }
  return stack;
}

Module._resolveFilename = function(request, parent, isMain, options) {
  if (BuiltinModule.canBeRequiredWithoutScheme(request)) return request;
  const missing = BuiltinModule.missingPluginError(request);
  if (missing !== null) throw missing;
  let paths;
  if (typeof options === 'object' && options !== null) {
    if (Array.isArray(options.paths)) {
      const isRelative = request.startsWith('./') || request.startsWith('../');
      if (isRelative) {
        paths = options.paths;
      } else {
        const fakeParent = new Module('', null);
        paths = [];
        for (const p of options.paths) {
          fakeParent.paths = Module._nodeModulePaths(p);
          const lookupPaths = Module._resolveLookupPaths(request, fakeParent);
          for (const lp of lookupPaths || []) {
            if (!paths.includes(lp)) paths.push(lp);
          }
        }
      }
    } else if (options.paths === undefined) {
      paths = Module._resolveLookupPaths(request, parent);
    } else {
      const { ERR_INVALID_ARG_VALUE } = lazyErrors().codes;
      throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }

  if (request[0] === '#' && parent?.filename) {
    const r = native.resolveImports(request, parent.filename);
    if (Array.isArray(r)) throwResolveError(r);
    if (r) return r;
  }

  const parentPath = parent?.filename || (parent?.id === '<repl>' || parent?.id === '[eval]' ? path.join(process.cwd(), '[eval]') : undefined);
  if (parentPath && request[0] !== '.' && request[0] !== '/') {
    const r = native.resolveSelf(request, parentPath);
    if (Array.isArray(r)) throwResolveError(r);
    if (r) return r;
  }

  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = requireStackOf(parent);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let currentExtension;
  let index;
  let startIndex = 0;
  while ((index = name.indexOf('.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue;
    currentExtension = name.slice(index);
    if (Module._extensions[currentExtension]) return currentExtension;
  }
  return '.js';
}

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  if (filename.endsWith('.mjs') && !Module._extensions['.mjs']) {
    loadESM(this, filename);
    this.loaded = true;
    return;
  }
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

Module.prototype.require = function(id) {
  if (typeof id !== 'string') {
    const { ERR_INVALID_ARG_TYPE } = lazyErrors().codes;
    throw new ERR_INVALID_ARG_TYPE('id', 'string', id);
  }
  if (id === '') {
    const { ERR_INVALID_ARG_VALUE } = lazyErrors().codes;
    throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  requireDepth++;
  try {
    return Module._load(id, this, false);
  } finally {
    requireDepth--;
  }
};

function readSource(filename) {
  const r = native.readFile(filename);
  if (typeof r === 'number') {
    const e = lazyErrors();
    if (typeof e.uvException === 'function') throw e.uvException({ errno: r, syscall: 'open', path: filename });
    const err = new Error(`Cannot read ${filename} (${r})`);
    err.errno = r;
    throw err;
  }
  return r;
}

// Module syntax detection (Node 20.19+): a file of no declared type ("type" absent from its
// package.json, or none) that fails to compile as CommonJS only because of import/export,
// import.meta or top-level await is an ES module.
const kModuleSyntaxErrors = new Set([
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
  'await is only valid in async functions and the top level bodies of modules',
  'for await is only valid in async functions and the top level bodies of modules',
]);
// `err` came from compiling `source` as CommonJS. Top-level await can also fail with other
// messages ("missing ) after argument list" for `f(await x)`): the source compiling inside an
// async function then shows that await was the reason.
function isModuleSyntaxError(err, source) {
  if (!(err instanceof SyntaxError)) return false;
  if (kModuleSyntaxErrors.has(err.message)) return true;
  if (typeof source !== 'string' || !source.includes('await')) return false;
  try {
    native.compileFunction(`(async function () {${source}\n})`, '[detect]', []);
    return true;
  } catch {
    return false;
  }
}

function isTypeless(filename) {
  if (!filename.endsWith('.js') && path.extname(filename) !== '') return false;
  const pkg = native.packageScope(filename);
  return !pkg || pkg.type === undefined;
}

// Whether `source` of a typeless file is an ES module (for the ES module loader's format).
function detectModuleSyntax(source, filename) {
  try {
    wrapSafe(filename, source);
    return false;
  } catch (err) {
    return isModuleSyntaxError(err, source);
  }
}

// Node warns when a package.json of the user's own (not under node_modules) leaves the type out.
function warnTypeless(filename) {
  const pkg = native.packageScope(filename);
  if (!pkg || filename.includes('/node_modules/')) return;
  const url = require('internal/url').pathToFileURL(filename).href;
  process.emitWarning(`Module type of ${url} is not specified and it doesn't parse as CommonJS.\n` +
    'Reparsing as ES module because module syntax was detected. This incurs a performance overhead.\n' +
    `To eliminate this warning, add "type": "module" to ${pkg.path}.`, 'Warning', 'MODULE_TYPELESS_PACKAGE_JSON');
}

function wrapSafe(filename, content) {
  if (patched) {
    const wrapped = Module.wrap(content);
    return native.runScript(wrapped, filename);
  }
  // A hashbang line is a comment only at the start of a script, not of a function body.
  if (content.charCodeAt(0) === 35 /* # */ && content.charCodeAt(1) === 33 /* ! */) {
    content = `//${content.slice(2)}`;
  }
  // import(x, { with: ... }) needs V8 10.2's spelling, `assert` (see esm/loader).
  if (content.includes('import') && content.includes('with')) {
    content = require('internal/modules/esm/loader').rewriteImportAttributes(content);
  }
  return native.compileFunction(content, filename, ['exports', 'require', 'module', '__filename', '__dirname']);
}

function makeRequireFunction(mod) {
  const require = function require(id) {
    return mod.require(id);
  };
  function resolve(request, options) {
    if (typeof request !== 'string') {
      const { ERR_INVALID_ARG_TYPE } = lazyErrors().codes;
      throw new ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    return Module._resolveFilename(request, mod, false, options);
  }
  require.resolve = resolve;
  function paths(request) {
    if (typeof request !== 'string') {
      const { ERR_INVALID_ARG_TYPE } = lazyErrors().codes;
      throw new ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    return Module._resolveLookupPaths(request, mod);
  }
  resolve.paths = paths;
  setOwn(require, 'main', process.mainModule);
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.prototype._compile = function(content, filename) {
  return runCompiled(this, wrapSafe(filename, content), filename);
};
const originalCompile = Module.prototype._compile;

function runCompiled(module, compiledWrapper, filename) {
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(module);
  const exports = module.exports;
  // --inspect-brk: the main module's first statement is where the debugger pauses.
  if (module.id === '.' && internalBinding('process').options.inspectBrk) {
    return internalBinding('inspector').callAndPauseOnStart(compiledWrapper, exports, exports, require, module,
      filename, dirname);
  }
  return Reflect.apply(compiledWrapper, exports, [exports, require, module, filename, dirname]);
}

Module._extensions['.js'] = function(module, filename) {
  const content = readSource(filename);
  if (filename.endsWith('.js')) {
    const pkg = native.packageScope(filename);
    if (pkg && pkg.type === 'module') {
      loadESM(module, filename);
      return;
    }
  }
  if (module._compile !== originalCompile || !isTypeless(filename)) {
    module._compile(content, filename);
    return;
  }
  let compiled;
  try {
    compiled = wrapSafe(filename, content);
  } catch (err) {
    if (!isModuleSyntaxError(err, content)) throw err;
    if (module.id === '.') warnTypeless(filename);
    loadESM(module, filename);
    return;
  }
  runCompiled(module, compiled, filename);
};

// require() of an ES module: the synchronous graph is evaluated and its namespace returned. The
// entry point found to be one by syntax detection runs as an ES module entry (top-level await).
function loadESM(module, filename) {
  if (module.id === '.') {
    require('internal/modules/esm/loader').runEntry(filename);
    return;
  }
  const parent = moduleParentCache.get(module);
  setOwn(module, 'exports', require('internal/modules/esm/loader').requireESM(filename, parent?.filename));
}

Module._extensions['.json'] = function(module, filename) {
  const content = readSource(filename);
  try {
    setOwn(module, 'exports', JSON.parse(content));
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  return process.dlopen(module, path.toNamespacedPath(filename));
};

Module._initPaths = function() {
  const homeDir = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefixDir = path.resolve(process.execPath, '..', '..');
  const paths = [path.resolve(prefixDir, 'lib', 'node')];
  if (homeDir) {
    paths.unshift(path.resolve(homeDir, '.node_libraries'));
    paths.unshift(path.resolve(homeDir, '.node_modules'));
  }
  if (nodePath) {
    paths.unshift(...nodePath.split(path.delimiter).filter((p) => !!p));
  }
  modulePaths = paths;
  Module.globalPaths = [...paths];
};

Module.createRequire = function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    const { ERR_INVALID_ARG_VALUE } = lazyErrors().codes;
    throw new ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  } else {
    filepath = filename;
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

Module.runMain = function(main = process.argv[1]) {
  const resolved = Module._findPath(path.resolve(main), null, true);
  if (resolved && shouldUseESMLoader(resolved)) {
    require('internal/modules/esm/loader').runEntry(resolved);
    return;
  }
  Module._load(main, null, true);
};

function shouldUseESMLoader(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  const pkg = native.packageScope(filename);
  return !!(pkg && pkg.type === 'module') && (filename.endsWith('.js') || path.extname(filename) === '');
}

Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  require('internal/modules/esm/loader').syncBuiltinESMExports();
};
Module.findSourceMap = function findSourceMap() { return undefined; };
Module.register = function register() {
  const err = new Error('module.register() needs ES module support, which nodus does not have yet');
  err.code = 'ERR_METHOD_NOT_IMPLEMENTED';
  throw err;
};
Module.Module = Module;
Module._initPaths();

module.exports = { Module, makeRequireFunction, wrapSafe, isTypeless, detectModuleSyntax, isModuleSyntaxError, warnTypeless };
