'use strict';
// structuredClone(value, { transfer }) through V8's serializer (internalBinding('serdes')).

const binding = internalBinding('serdes');
// Node's own messages for these are not the usual ERR_INVALID_ARG_TYPE wording.
function typeError(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

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
    if (typeof options !== 'object' && typeof options !== 'function') {
      throw typeError('The options argument must be either an object or undefined');
    }
    if (options.transfer !== undefined && options.transfer !== null) {
      if (typeof options.transfer[Symbol.iterator] !== 'function') {
        throw typeError('Optional transferList argument must be an iterable');
      }
      transfer = [...options.transfer];
      for (const item of transfer) {
        if (!(item instanceof ArrayBuffer)) {
          const err = new TypeError('Found invalid object in transferList');
          err.code = 'ERR_INVALID_TRANSFER_OBJECT';
          throw err;
        }
      }
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
