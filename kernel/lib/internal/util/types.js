'use strict';
// Type checks behind util.types: V8's own answers (internalBinding('util')) for the hidden
// internal slots, the typed-array tag getter for typed arrays.

const utilBinding = internalBinding('util');

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedArrayTag =
  Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;

function typedArrayTag(value) {
  return getTypedArrayTag.call(value);
}

function isTypedArray(value) {
  return getTypedArrayTag.call(value) !== undefined;
}

function tagCheck(tag) {
  const name = `is${tag}`;
  return { [name](value) { return getTypedArrayTag.call(value) === tag; } }[name];
}

const isArrayBufferView = ArrayBuffer.isView;

module.exports = {
  isExternal: utilBinding.isExternal,
  isDate: utilBinding.isDate,
  isArgumentsObject: utilBinding.isArgumentsObject,
  isBigIntObject: utilBinding.isBigIntObject,
  isBooleanObject: utilBinding.isBooleanObject,
  isNumberObject: utilBinding.isNumberObject,
  isStringObject: utilBinding.isStringObject,
  isSymbolObject: utilBinding.isSymbolObject,
  isNativeError: utilBinding.isNativeError,
  isRegExp: utilBinding.isRegExp,
  isAsyncFunction: utilBinding.isAsyncFunction,
  isGeneratorFunction: utilBinding.isGeneratorFunction,
  isGeneratorObject: utilBinding.isGeneratorObject,
  isPromise: utilBinding.isPromise,
  isMap: utilBinding.isMap,
  isSet: utilBinding.isSet,
  isMapIterator: utilBinding.isMapIterator,
  isSetIterator: utilBinding.isSetIterator,
  isWeakMap: utilBinding.isWeakMap,
  isWeakSet: utilBinding.isWeakSet,
  isArrayBuffer: utilBinding.isArrayBuffer,
  isDataView: utilBinding.isDataView,
  isSharedArrayBuffer: utilBinding.isSharedArrayBuffer,
  isProxy: utilBinding.isProxy,
  isModuleNamespaceObject: utilBinding.isModuleNamespaceObject,
  isAnyArrayBuffer: utilBinding.isAnyArrayBuffer,
  isBoxedPrimitive: utilBinding.isBoxedPrimitive,
  isArrayBufferView,
  isTypedArray,
  isUint8Array: tagCheck('Uint8Array'),
  isUint8ClampedArray: tagCheck('Uint8ClampedArray'),
  isUint16Array: tagCheck('Uint16Array'),
  isUint32Array: tagCheck('Uint32Array'),
  isInt8Array: tagCheck('Int8Array'),
  isInt16Array: tagCheck('Int16Array'),
  isInt32Array: tagCheck('Int32Array'),
  isFloat32Array: tagCheck('Float32Array'),
  isFloat64Array: tagCheck('Float64Array'),
  isBigInt64Array: tagCheck('BigInt64Array'),
  isBigUint64Array: tagCheck('BigUint64Array'),
  typedArrayTag,
};
