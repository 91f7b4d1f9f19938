'use strict';

const {
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
  errnoException,
  exceptionWithHostPort,
} = require('internal/errors');
const {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const {
  validateFunction,
  validateNumber,
  validateString,
  validateAbortSignal,
  validateObject,
} = require('internal/validators');
const internalUtil = require('internal/util');
const types = require('util/types');

function isBoolean(arg) {
  return typeof arg === 'boolean';
}

function isNull(arg) {
  return arg === null;
}

function isNullOrUndefined(arg) {
  return arg === null || arg === undefined;
}

function isNumber(arg) {
  return typeof arg === 'number';
}

function isString(arg) {
  return typeof arg === 'string';
}

function isSymbol(arg) {
  return typeof arg === 'symbol';
}

function isUndefined(arg) {
  return arg === undefined;
}

function isObject(arg) {
  return arg !== null && typeof arg === 'object';
}

function isFunction(arg) {
  return typeof arg === 'function';
}

function isPrimitive(arg) {
  return arg === null || (typeof arg !== 'object' && typeof arg !== 'function');
}

function isBuffer(arg) {
  return require('buffer').Buffer.isBuffer(arg);
}

function isError(e) {
  return types.isNativeError(e) || e instanceof Error;
}

function pad(n) {
  return n.toString().padStart(2, '0');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function timestamp() {
  const d = new Date();
  const t = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}

// util.log: "27 Nov 05:38:13 - message".
function log(...args) {
  process.stdout.write(`${timestamp()} - ${format(...args)}\n`);
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection reason would read as success to a callback: wrap it.
  if (!reason) {
    const newReason = new ERR_FALSY_VALUE_REJECTION(reason);
    reason = newReason;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args)
      .then((ret) => process.nextTick(cb, null, ret),
            (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  return internalUtil.getSystemErrorName(err);
}

function getSystemErrorMap() {
  return internalUtil.getSystemErrorMap();
}

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) {
    return process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false';
  }
  return Boolean(stream && stream.isTTY) &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

// A single style is dropped when the stream would not show colors (Node 20.20 checks the stream
// only for that form); a list of styles is always applied.
function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  const { validateBoolean, validateOneOf } = require('internal/validators');
  validateBoolean(validateStream, 'options.validateStream');
  let skipColorize = false;
  if (validateStream) {
    if (stream === null || typeof stream !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    skipColorize = !shouldColorize(stream);
  }
  const keys = Object.keys(inspect.colors);
  if (Array.isArray(format)) {
    let left = '';
    let right = '';
    for (const key of format) {
      const code = inspect.colors[key];
      if (code == null) validateOneOf(key, 'format', keys);
      left += `\u001b[${code[0]}m`;
      right = `\u001b[${code[1]}m${right}`;
    }
    return `${left}${text}${right}`;
  }
  const code = inspect.colors[format];
  if (code == null) validateOneOf(format, 'format', keys);
  if (skipColorize) return text;
  return `\u001b[${code[0]}m${text}\u001b[${code[1]}m`;
}

// ---- debuglog ----------------------------------------------------------------------------

let debugEnvRegex;
function initDebugEnv() {
  const env = process.env.NODE_DEBUG;
  if (env) {
    const pattern = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/,/g, '$|^');
    debugEnvRegex = new RegExp(`^(${pattern})$`, 'i');
  } else {
    debugEnvRegex = null;
  }
}

function debugEnabled(set) {
  if (debugEnvRegex === undefined) initDebugEnv();
  return debugEnvRegex !== null && debugEnvRegex.test(set);
}

function debuglog(set, cb) {
  let enabled;
  let logger;
  function testEnabled() {
    if (enabled === undefined) {
      set = set.toUpperCase();
      enabled = debugEnabled(set);
    }
    return enabled;
  }
  // The logger is made (and cb told about it) on the first call, as Node does.
  function init() {
    if (testEnabled()) {
      const pid = process.pid;
      logger = (...args) => {
        const colors = shouldColorize(process.stderr);
        const msg = formatWithOptions({ colors }, ...args);
        process.stderr.write(`${set} ${inspect(pid, { colors })}: ${msg}\n`);
      };
    } else {
      logger = () => {};
    }
    if (typeof cb === 'function') cb(logger);
  }
  const debug = (...args) => {
    if (logger === undefined) init();
    logger(...args);
  };
  Object.defineProperty(debug, 'enabled', {
    get() {
      return testEnabled();
    },
    configurable: true,
    enumerable: true,
  });
  return debug;
}

// ---- aborted ------------------------------------------------------------------------------

async function aborted(signal, resource) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', { nullable: false, allowFunction: true, allowArray: true });
  if (signal.aborted) return;
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

// ---- parseEnv -----------------------------------------------------------------------------

// dotenv syntax: KEY=value lines, optional `export `, # comments, quoted values ("..." expands
// \n and may span lines). An unterminated quote takes the rest of its line, except on the last
// line, where the entry is dropped (as Node does).
function parseEnv(content) {
  validateString(content, 'content');
  const result = {};
  const src = content.replace(/\r\n?/g, '\n');
  let pos = 0;
  while (pos < src.length) {
    let eol = src.indexOf('\n', pos);
    if (eol === -1) eol = src.length;
    let line = src.slice(pos, eol).trim();
    if (line === '' || line[0] === '#') {
      pos = eol + 1;
      continue;
    }
    if (line.startsWith('export ')) line = line.slice(7);
    const eq = line.indexOf('=');
    if (eq === -1) {
      pos = eol + 1;
      continue;
    }
    const key = line.slice(0, eq).trimEnd();
    // The value starts after '=' in the source, so quoted values may run past this line.
    const lineStart = src.indexOf(line, pos);
    let valueStart = lineStart + eq + 1;
    while (valueStart < src.length && (src[valueStart] === ' ' || src[valueStart] === '\t')) valueStart++;
    const q = src[valueStart];
    if (q === '"' || q === "'" || q === '`') {
      const close = src.indexOf(q, valueStart + 1);
      if (close !== -1) {
        let value = src.slice(valueStart + 1, close);
        if (q === '"') value = value.replace(/\\n/g, '\n');
        if (key !== '') result[key] = value;
        const after = src.indexOf('\n', close);
        pos = after === -1 ? src.length : after + 1;
        continue;
      }
      if (eol === src.length) break;
      if (key !== '') result[key] = src.slice(valueStart, eol).trim();
      pos = eol + 1;
      continue;
    }
    let value = src.slice(valueStart, eol);
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    if (key !== '') result[key] = value.trim();
    pos = eol + 1;
  }
  return result;
}

function isDeepStrictEqual(a, b) {
  return require('internal/util/comparisons').isDeepStrictEqual(a, b);
}

function _errnoException(...args) {
  return errnoException(...args);
}

function _exceptionWithHostPort(...args) {
  return exceptionWithHostPort(...args);
}

module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate: internalUtil.deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp: types.isRegExp,
  isObject,
  isDate: types.isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify: internalUtil.promisify,
  stripVTControlCharacters,
  toUSVString: internalUtil.toUSVString,
  types,
  parseEnv,
};

// Loaded on first use, like Node's lazy util properties.
function transferableAbortSignal(signal) {
  return signal;
}

function transferableAbortController() {
  return new AbortController();
}

const lazyGetters = { transferableAbortSignal, transferableAbortController, aborted };
for (const name of Object.keys(lazyGetters)) {
  const value = lazyGetters[name];
  Object.defineProperty(module.exports, name, {
    configurable: true,
    enumerable: true,
    get: { [`get ${name}`]() { return value; } }[`get ${name}`],
  });
}
// Node lists these before types/parseEnv.
{
  const tail = ['types', 'parseEnv'];
  for (const key of tail) {
    const desc = Object.getOwnPropertyDescriptor(module.exports, key);
    delete module.exports[key];
    Object.defineProperty(module.exports, key, desc);
  }
}

require('internal/util').defineLazyProperties(module.exports, 'internal/util/parse_args', ['parseArgs']);

for (const name of ['TextDecoder', 'TextEncoder']) {
  let value;
  let set = false;
  Object.defineProperty(module.exports, name, {
    configurable: true,
    enumerable: true,
    get: { [`get ${name}`]() { return set ? value : globalThis[name]; } }[`get ${name}`],
    set: { [`set ${name}`](v) { value = v; set = true; } }[`set ${name}`],
  });
}

require('internal/util').defineLazyProperties(module.exports, 'internal/mime', ['MIMEType', 'MIMEParams']);
