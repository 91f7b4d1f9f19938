'use strict';
// ES module resolution (Node's ESM_RESOLVE): URLs, relative and absolute paths, "#imports",
// builtins and packages (exports with the "import" condition, or legacy "main"), then the format.

const path = require('path');
const native = internalBinding('modules');
const { BuiltinModule } = require('internal/bootstrap/realm');

function lazyUrl() { return require('internal/url'); }
function codes() { return require('internal/errors').codes; }

// The native resolver's error, as ESM reports it: naming the importing file.
function throwNative(result, parentPath) {
  const [code, native, kind] = result;
  let message = native;
  if (!message.includes(' imported from ') && (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' ||
      code === 'ERR_PACKAGE_PATH_NOT_EXPORTED')) {
    message += ` imported from ${parentPath}`;
  }
  if (code === 'MODULE_NOT_FOUND') {
    const err = new Error(message);
    err.code = 'ERR_MODULE_NOT_FOUND';
    throw err;
  }
  const Ctor = codes()[code];
  const err = kind === 'TypeError' ? new TypeError(message) : new Error(message);
  err.code = code;
  if (Ctor) Object.defineProperty(err, 'name', { value: `${err.name}`, configurable: true, writable: true, enumerable: false });
  throw err;
}

function parentPathOf(parentURL) {
  if (typeof parentURL === 'string' && parentURL.startsWith('file:')) return lazyUrl().fileURLToPath(parentURL);
  return path.join(process.cwd(), '[eval]');
}

// Checks that a resolved file exists and is not a folder.
function finalize(filename, specifier, parentURL) {
  const kind = native.stat(filename);
  const base = parentURL && parentURL.startsWith('file:') ? lazyUrl().fileURLToPath(parentURL) : parentURL;
  if (kind === 1) {
    const { ERR_UNSUPPORTED_DIR_IMPORT } = codes();
    const err = new ERR_UNSUPPORTED_DIR_IMPORT(filename, base);
    err.url = lazyUrl().pathToFileURL(filename).href;
    throw err;
  }
  if (kind !== 0) {
    const { ERR_MODULE_NOT_FOUND } = codes();
    throw new ERR_MODULE_NOT_FOUND(filename, base, lazyUrl().pathToFileURL(filename).href);
  }
  return lazyUrl().pathToFileURL(native.realpath(filename)).href;
}

// A file: URL: the real path of an existing file, keeping the specifier's ?query and #hash (each
// distinct URL is a module instance of its own, as in Node).
function resolveFileURL(url, specifier, parentURL) {
  const finalUrl = finalize(lazyUrl().fileURLToPath(url), specifier, parentURL);
  return { url: `${finalUrl}${url.search}${url.hash}`, format: formatOf(lazyUrl().fileURLToPath(finalUrl)) };
}

function isRelativeOrAbsolute(s) {
  return s.startsWith('/') || s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..';
}

function resolve(specifier, parentURL) {
  if (specifier.startsWith('node:')) {
    const id = specifier.slice(5);
    const missing = BuiltinModule.missingPluginError(id);
    if (missing !== null) throw missing;
    if (!BuiltinModule.exists(id) || id.startsWith('internal/')) {
      const { ERR_UNKNOWN_BUILTIN_MODULE } = codes();
      throw new ERR_UNKNOWN_BUILTIN_MODULE(specifier);
    }
    return { url: specifier, format: 'builtin' };
  }
  if (specifier.startsWith('data:')) return { url: specifier, format: dataFormat(specifier) };
  if (isRelativeOrAbsolute(specifier)) {
    const { URL } = lazyUrl();
    const base = parentURL && /^[a-z][a-z0-9+.-]*:/i.test(parentURL) ? parentURL : lazyUrl().pathToFileURL(parentPathOf(parentURL)).href;
    const url = new URL(specifier, base);
    if (url.protocol !== 'file:') return { url: url.href, format: undefined };
    return resolveFileURL(url, specifier, parentURL);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(specifier)) {
    const { URL } = lazyUrl();
    const url = new URL(specifier);
    if (url.protocol === 'file:') return resolveFileURL(url, specifier, parentURL);
    const { ERR_UNSUPPORTED_ESM_URL_SCHEME } = codes();
    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(url, ['file', 'data', 'node']);
  }
  const parentPath = parentPathOf(parentURL);
  if (specifier.startsWith('#')) {
    const r = native.esmResolveImports(specifier, parentPath);
    if (Array.isArray(r)) throwNative(r, parentPath);
    if (!r) {
      const { ERR_MODULE_NOT_FOUND } = codes();
      throw new ERR_MODULE_NOT_FOUND(specifier, parentPath);
    }
    return { url: lazyUrl().pathToFileURL(r).href, format: formatOf(r) };
  }
  if (BuiltinModule.canBeRequiredByUsers(specifier)) return { url: `node:${specifier}`, format: 'builtin' };
  const missing = BuiltinModule.missingPluginError(specifier);
  if (missing !== null) throw missing;
  const r = native.esmResolvePackage(specifier, parentPath);
  if (Array.isArray(r)) throwNative(r, parentPath);
  if (!r) {
    const { ERR_MODULE_NOT_FOUND } = codes();
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    throw new ERR_MODULE_NOT_FOUND(name, parentPath);
  }
  const finalUrl = finalize(r, specifier, parentURL);
  return { url: finalUrl, format: formatOf(lazyUrl().fileURLToPath(finalUrl)) };
}

function dataFormat(url) {
  const m = /^data:([^,;]*)/.exec(url);
  const mime = m ? m[1] : '';
  if (mime === 'text/javascript' || mime === 'application/javascript') return 'module';
  if (mime === 'application/json') return 'json';
  const { ERR_UNKNOWN_MODULE_FORMAT } = codes();
  if (ERR_UNKNOWN_MODULE_FORMAT) throw new ERR_UNKNOWN_MODULE_FORMAT(mime, url);
  const err = new TypeError(`Unknown module format: ${mime} for URL ${url}`);
  err.code = 'ERR_UNKNOWN_MODULE_FORMAT';
  throw err;
}

// ESM_FILE_FORMAT: by extension, and the package scope's "type" for .js and extensionless files.
function formatOf(filename) {
  const ext = path.extname(filename);
  if (ext === '.mjs') return 'module';
  if (ext === '.cjs') return 'commonjs';
  if (ext === '.json') return 'json';
  if (ext === '.node') return 'addon';
  if (ext === '.js' || ext === '') {
    const pkg = native.packageScope(filename);
    return pkg && pkg.type === 'module' ? 'module' : 'commonjs';
  }
  const { ERR_UNKNOWN_FILE_EXTENSION } = codes();
  throw new ERR_UNKNOWN_FILE_EXTENSION(ext, filename);
}

module.exports = { resolve, formatOf };
