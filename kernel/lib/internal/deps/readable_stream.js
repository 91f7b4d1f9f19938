'use strict';
// Loads npm's readable-stream (Node's own stream implementation, published by the Node streams
// team; see docs/streams.md) from the sources kernel/deps.cmake embedded. The package's files are
// compiled with the CommonJS wrapper by internalBinding('deps') and get their own `require`:
// relative paths resolve inside the package,
// and its npm dependencies (buffer, events, process, string_decoder, abort-controller) are the
// kernel's builtins. Its error classes and validators are replaced by the kernel's so stream
// errors are the same objects the rest of the library throws.

const depsBinding = internalBinding('deps');
const { lookup } = internalBinding('builtins');
const has = (id) => lookup(id) !== undefined;

const kPrefix = 'internal/deps/readable-stream/';
const cache = new Map();

function errorsAdapter() {
  const errors = require('internal/errors');
  return {
    AbortError: errors.AbortError,
    aggregateTwoErrors: errors.aggregateTwoErrors,
    hideStackFrames: errors.hideStackFrames,
    codes: errors.codes,
  };
}

function utilAdapter(original) {
  const adapted = { ...original };
  if (has('internal/util/inspect')) {
    const inspect = require('internal/util/inspect');
    adapted.format = inspect.format;
    adapted.inspect = inspect.inspect;
  }
  if (has('internal/util')) {
    const util = require('internal/util');
    if (typeof util.deprecate === 'function') adapted.deprecate = util.deprecate;
  }
  return adapted;
}

// The package's primordials, with the symbols the kernel shares across modules (the dispose
// symbols events.addAbortListener uses, EventTarget's resist-stop-propagation option).
function primordialsAdapter(original) {
  return {
    ...original,
    SymbolDispose: Symbol.dispose || Symbol.for('nodejs.dispose'),
    SymbolAsyncDispose: Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose'),
    kResistStopPropagation: Symbol.for('nodus.event.resistStopPropagation'),
  };
}

// Files of the package replaced by kernel modules (package path -> factory).
const replaced = {
  'lib/ours/errors': errorsAdapter,
  'lib/internal/validators': () => require('internal/validators'),
};
if (has('internal/util/inspect')) {
  replaced['lib/ours/util/inspect'] = () => require('internal/util/inspect');
}

// Bare specifiers the package requires.
const external = {
  'buffer': () => require('buffer'),
  'events': () => require('events'),
  'process/': () => process,
  'process': () => process,
  'string_decoder/': () => require('string_decoder'),
  'string_decoder': () => require('string_decoder'),
  'abort-controller': () => require('internal/abort_controller'),
  'stream': () => require('stream'),
};

function resolve(fromDir, spec) {
  const parts = fromDir === '' ? [] : fromDir.split('/');
  for (const seg of spec.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  let id = parts.join('/');
  if (id.endsWith('.js')) id = id.slice(0, -3);
  return id;
}

function makeRequire(id) {
  const dir = id.slice(0, id.lastIndexOf('/'));
  return function requireFromPackage(spec) {
    if (spec.startsWith('./') || spec.startsWith('../')) return load(resolve(dir, spec));
    const f = external[spec];
    if (f !== undefined) return f();
    const err = new Error(`Cannot find module '${spec}' (required by readable-stream/${id})`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  };
}

function load(id) {
  let mod = cache.get(id);
  if (mod !== undefined) return mod.exports;
  mod = { id, exports: {}, loaded: false };
  cache.set(id, mod);
  const replacement = replaced[id];
  if (replacement !== undefined) {
    mod.exports = replacement();
    mod.loaded = true;
    return mod.exports;
  }
  if (depsBinding.count === 0) {
    cache.delete(id);
    const err = new Error('The stream implementation (npm readable-stream) was not embedded in ' +
                          'this build: run tools/bootstrap.sh and rebuild');
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  let fn;
  try {
    fn = depsBinding.compile(kPrefix + id);
  } catch (err) {
    cache.delete(id);
    throw err;
  }
  if (typeof fn !== 'function') {
    cache.delete(id);
    const err = new Error(`readable-stream file '${id}.js' is not embedded`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  fn(mod.exports, makeRequire(id), mod, `${kPrefix}${id}.js`, kPrefix + id.slice(0, id.lastIndexOf('/')));
  if (id === 'lib/ours/util') mod.exports = utilAdapter(mod.exports);
  else if (id === 'lib/ours/primordials') mod.exports = primordialsAdapter(mod.exports);
  mod.loaded = true;
  return mod.exports;
}

module.exports = { load };
