'use strict';
// Small helpers shared across the library.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_SIGNAL },
} = require('internal/errors');

const kEnumerableProperty = Object.create(null);
kEnumerableProperty.enumerable = true;
Object.freeze(kEnumerableProperty);

const kEmptyObject = Object.freeze(Object.create(null));

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');

const encodings = Object.assign(Object.create(null), {
  'utf8': 'utf8',
  'utf-8': 'utf8',
  'ucs2': 'utf16le',
  'ucs-2': 'utf16le',
  'utf16le': 'utf16le',
  'utf-16le': 'utf16le',
  'latin1': 'latin1',
  'binary': 'latin1',
  'base64': 'base64',
  'base64url': 'base64url',
  'hex': 'hex',
  'ascii': 'ascii',
});

// Canonical name of a Buffer encoding, or undefined when it is not one.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  const direct = encodings[enc];
  if (direct !== undefined) return direct;
  return encodings[`${enc}`.toLowerCase()];
}

const codesWarned = new Set();

// Wraps fn so its first call emits a DeprecationWarning (once per code across the process).
function deprecate(fn, msg, code, useEmitSync) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  if (process.noDeprecation === true) return fn;
  if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          codesWarned.add(code);
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function promisify(original) {
  if (typeof original !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('original', 'Function', original);
  }
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    if (typeof fn !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('util.promisify.custom', 'Function', fn);
    }
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argumentNames = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
  return Object.defineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisifiedSymbol;

function once(callback, { preserveReturnValue = false } = kEmptyObject) {
  let called = false;
  let returnValue;
  return function(...args) {
    if (called) return returnValue;
    called = true;
    const result = Reflect.apply(callback, this, args);
    returnValue = preserveReturnValue ? result : undefined;
    return result;
  };
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  list.pop();
}

function join(output, separator) {
  let str = '';
  if (output.length !== 0) {
    const lastIndex = output.length - 1;
    for (let i = 0; i < lastIndex; i++) {
      str += output[i];
      str += separator;
    }
    str += output[lastIndex];
  }
  return str;
}

function isError(e) {
  const types = require('internal/util/types');
  return types.isNativeError(e) || e instanceof Error;
}

function getConstructorOf(obj) {
  while (obj) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

function cachedResult(fn) {
  let result;
  return () => {
    if (result === undefined) result = fn();
    return result.slice();
  };
}

function getSystemErrorName(err) {
  return require('internal/errors').getSystemErrorName(err);
}

function getSystemErrorMap() {
  return internalBinding('uv').getErrorMap();
}

// Defines getters on `target` that load `id` and pick `keys` from it the first time.
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (const key of keys) {
    let value;
    let set = false;
    descriptors[key] = {
      __proto__: null,
      configurable: true,
      enumerable,
      get: {
        [`get ${key}`]() {
          if (!set) {
            if (mod === undefined) mod = require(id);
            value = mod[key];
            set = true;
          }
          return value;
        },
      }[`get ${key}`],
      set: {
        [`set ${key}`](v) {
          value = v;
          set = true;
        },
      }[`set ${key}`],
    };
  }
  Object.defineProperties(target, descriptors);
}

const experimentalWarnings = new Set();
function emitExperimentalWarning(feature) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  const msg = `${feature} is an experimental feature and might change at any time`;
  process.emitWarning(msg, 'ExperimentalWarning');
}

// Replaces lone surrogates by U+FFFD.
function toUSVString(str) {
  str = `${str}`;
  if (typeof str.toWellFormed === 'function') return str.toWellFormed();
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF) {
      const n = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (n >= 0xDC00 && n <= 0xDFFF) {
        i++;
        continue;
      }
      out += str.slice(last, i) + '\uFFFD';
      last = i + 1;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      out += str.slice(last, i) + '\uFFFD';
      last = i + 1;
    }
  }
  return out + str.slice(last);
}

const colorRegExp = /\u001b\[\d\d?m/g;
function removeColors(str) {
  return String.prototype.replace.call(str, colorRegExp, '');
}

let signalsToNamesMapping;
function getSignalsToNamesMapping() {
  if (signalsToNamesMapping !== undefined) return signalsToNamesMapping;
  const { signals } = require('os').constants;
  signalsToNamesMapping = Object.create(null);
  for (const key in signals) signalsToNamesMapping[signals[key]] = key;
  return signalsToNamesMapping;
}

function convertToValidSignal(signal) {
  if (typeof signal === 'number' && getSignalsToNamesMapping()[signal]) return signal;
  if (typeof signal === 'string') {
    const signalName = require('os').constants.signals[signal.toUpperCase()];
    if (signalName) return signalName;
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

function filterDuplicateStrings(items, low) {
  const map = new Map();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = item.toLowerCase();
    if (low) map.set(key, key);
    else map.set(key, item);
  }
  return Array.from(map.values()).sort();
}

// WebIDL makes a web class's attributes and operations enumerable: `names` become enumerable,
// in this order (the order Node lists them in).
function exposeMembers(target, names) {
  for (const name of names) {
    const desc = Object.getOwnPropertyDescriptor(target, name);
    delete target[name];
    Object.defineProperty(target, name, { ...desc, enumerable: true });
  }
}

module.exports = {
  cachedResult,
  convertToValidSignal,
  createDeferredPromise,
  customInspectSymbol,
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  defineLazyProperties,
  deprecate,
  emitExperimentalWarning,
  exposeMembers,
  filterDuplicateStrings,
  getConstructorOf,
  getSignalsToNamesMapping,
  getSystemErrorMap,
  getSystemErrorName,
  isError,
  join,
  kEmptyObject,
  kEnumerableProperty,
  normalizeEncoding,
  once,
  promisify,
  removeColors,
  spliceOne,
  toUSVString,
};
