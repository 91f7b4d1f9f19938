'use strict';
// structuredClone(value, { transfer }) through V8's serializer (internalBinding('serdes')).

const binding = internalBinding('serdes');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

let DOMException;
function makeCloneError(message) {
  if (DOMException === undefined) DOMException = require('internal/dom_exception');
  return new DOMException(message, 'DataCloneError');
}

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) {
    // Node's message for this one has no quotes around the name.
    const err = new TypeError('The value argument must be specified');
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  let transfer;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    if (options.transfer !== undefined) {
      if (options.transfer === null || typeof options.transfer[Symbol.iterator] !== 'function') {
        throw new ERR_INVALID_ARG_TYPE('options.transfer', 'Array', options.transfer);
      }
      transfer = [...options.transfer];
    }
  }
  return binding.structuredClone(value, transfer, makeCloneError);
}

// v8.serialize/deserialize build on these (V8's wire format with its header).
function serialize(value) {
  return binding.serialize(value, makeCloneError);
}

function deserialize(bytes) {
  return binding.deserialize(bytes);
}

module.exports = { structuredClone, serialize, deserialize };
