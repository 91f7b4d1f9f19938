'use strict';
// Argument validation shared by the library, throwing Node's exact errors.

const {
  hideStackFrames,
  restackFrom: hidden,
  codes: {
    ERR_SOCKET_BAD_PORT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_SIGNAL,
  },
} = require('internal/errors');

function isInt32(value) {
  return value === (value | 0);
}

function isUint32(value) {
  return value === (value >>> 0);
}

const octalReg = /^[0-7]+$/;
const modeDesc = 'must be a 32-bit unsigned integer or an octal string';

const parseFileMode = hideStackFrames(function parseFileMode(value, name, def) {
  if (value == null) value = def;
  if (typeof value === 'string') {
    if (!octalReg.test(value)) throw hidden(new ERR_INVALID_ARG_VALUE(name, value, modeDesc), parseFileMode);
    value = Number.parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
});

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value), validateInteger);
  if (!Number.isInteger(value)) throw hidden(new ERR_OUT_OF_RANGE(name, 'an integer', value), validateInteger);
  if (value < min || value > max) throw hidden(new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value), validateInteger);
  }

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value), validateInt32);
  if (!Number.isInteger(value)) throw hidden(new ERR_OUT_OF_RANGE(name, 'an integer', value), validateInt32);
  if (value < min || value > max) throw hidden(new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value), validateInt32);
  }

function validateUint32(value, name, positive = false) {
  if (typeof value !== 'number') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value), validateUint32);
  if (!Number.isInteger(value)) throw hidden(new ERR_OUT_OF_RANGE(name, 'an integer', value), validateUint32);
  const min = positive ? 1 : 0;
  const max = 4294967295;
  if (value < min || value > max) throw hidden(new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value), validateUint32);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'string', value), validateString);
}

function validateNumber(value, name, min = undefined, max) {
  if (typeof value !== 'number') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'number', value), validateNumber);
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && Number.isNaN(value))) {
    throw hidden(new ERR_OUT_OF_RANGE(
      name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${
        max != null ? `<= ${max}` : ''}`,
      value), validateNumber);
  }
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    const reason = 'must be one of: ' + allowed;
    throw hidden(new ERR_INVALID_ARG_VALUE(name, value, reason), validateOneOf);
  }
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'boolean', value), validateBoolean);
}

const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1 << 0;
const kValidateObjectAllowArray = 1 << 1;
const kValidateObjectAllowFunction = 1 << 2;

// options: a kValidateObject* bit set, or the older { nullable, allowArray, allowFunction }.
function validateObject(value, name, options = kValidateObjectNone) {
  let flags = options;
  if (options !== null && typeof options === 'object') {
    flags = (options.nullable ? kValidateObjectAllowNullable : 0) |
      (options.allowArray ? kValidateObjectAllowArray : 0) |
      (options.allowFunction ? kValidateObjectAllowFunction : 0);
  }
  if (flags === kValidateObjectNone) {
    if (value === null || Array.isArray(value) || typeof value !== 'object') {
      throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value), validateObject);
    }
    return;
  }
  if ((flags & kValidateObjectAllowNullable) === 0 && value === null) {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value), validateObject);
  }
  if ((flags & kValidateObjectAllowArray) === 0 && Array.isArray(value)) {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value), validateObject);
  }
  const type = typeof value;
  if (type !== 'object' && ((flags & kValidateObjectAllowFunction) === 0 || type !== 'function')) {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Object', value), validateObject);
  }
}

function validateDictionary(value, name) {
  if (value != null && typeof value !== 'object' && typeof value !== 'function') {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'a dictionary', value), validateDictionary);
  }
}

function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Array', value), validateArray);
  if (value.length < minLength) {
    throw hidden(new ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`), validateArray);
  }
}

const validateStringArray = hideStackFrames(function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; ++i) validateString(value[i], `${name}[${i}]`);
});

const validateBooleanArray = hideStackFrames(function validateBooleanArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; ++i) validateBoolean(value[i], `${name}[${i}]`);
});

const validateAbortSignalArray = hideStackFrames(function validateAbortSignalArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) validateAbortSignal(value[i], `${name}[${i}]`);
});

let signalsCache;
function getSignals() {
  if (signalsCache === undefined) signalsCache = require('os').constants.signals;
  return signalsCache;
}

const validateSignalName = hideStackFrames(function validateSignalName(signal, name = 'signal') {
  validateString(signal, name);
  const signals = getSignals();
  if (signals[signal] === undefined) {
    if (signals[signal.toUpperCase()] !== undefined) {
      throw hidden(new ERR_UNKNOWN_SIGNAL(signal + ' (signals must use all capital letters)'), validateSignalName);
    }
    throw hidden(new ERR_UNKNOWN_SIGNAL(signal), validateSignalName);
  }
});

function validateBuffer(buffer, name = 'buffer') {
  if (!ArrayBuffer.isView(buffer)) {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer), validateBuffer);
  }
}

function validateEncoding(data, encoding) {
  const { normalizeEncoding } = require('internal/util');
  const normalizedEncoding = normalizeEncoding(encoding);
  const length = data.length;
  if (normalizedEncoding === 'hex' && length % 2 !== 0) {
    throw hidden(new ERR_INVALID_ARG_VALUE('encoding', encoding,
                                    `is invalid for data of length ${length}`), validateEncoding);
  }
}

function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) ||
      port > 0xFFFF ||
      (port === 0 && !allowZero)) {
    throw hidden(new ERR_SOCKET_BAD_PORT(name, port, allowZero), validatePort);
  }
  return port | 0;
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal), validateAbortSignal);
  }
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Function', value), validateFunction);
}

function validatePlainFunction(value, name) {
  if (typeof value !== 'function' || value.constructor.name === 'AsyncFunction') {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, 'Function', value), validatePlainFunction);
  }
}

function validateUndefined(value, name) {
  if (value !== undefined) throw hidden(new ERR_INVALID_ARG_TYPE(name, 'undefined', value), validateUndefined);
}

function validateUnion(value, name, union) {
  if (!union.includes(value)) {
    throw hidden(new ERR_INVALID_ARG_TYPE(name, `('${union.join('|')}')`, value), validateUnion);
  }
}

module.exports = {
  isInt32,
  isUint32,
  parseFileMode,
  validateArray,
  validateStringArray,
  validateBooleanArray,
  validateAbortSignalArray,
  validateBoolean,
  validateBuffer,
  validateDictionary,
  validateEncoding,
  validateFunction,
  validateInt32,
  validateInteger,
  validateNumber,
  validateObject,
  kValidateObjectNone,
  kValidateObjectAllowNullable,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
  validateOneOf,
  validatePlainFunction,
  validatePort,
  validateSignalName,
  validateString,
  validateUint32,
  validateUndefined,
  validateUnion,
  validateAbortSignal,
};
