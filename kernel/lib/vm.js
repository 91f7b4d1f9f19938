'use strict';
// vm: scripts compiled once and run in this context or in contextified objects (each a separate
// V8 context whose globals live on the object). The native half is internalBinding('contextify').

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateInt32,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
  kValidateObjectAllowArray,
  kValidateObjectAllowNullable,
} = require('internal/validators');

const {
  ContextifyScript,
  makeContext,
  isContext: nativeIsContext,
  compileFunction: nativeCompileFunction,
  measureMemory: nativeMeasureMemory,
} = internalBinding('contextify');

const { kVmImportNone, kVmImportMainLoader, kVmImportCallback } = require('internal/vm_import_mode');

const kParsingContext = Symbol('script parsing context');

const constants = Object.freeze(Object.assign(Object.create(null), {
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
}));

// The importModuleDynamically option as the import mode stored with the compiled code.
function importMode(importModuleDynamically, name) {
  if (importModuleDynamically === undefined) return kVmImportNone;
  if (importModuleDynamically === constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) return kVmImportMainLoader;
  if (typeof importModuleDynamically === 'function') return kVmImportCallback;
  throw new ERR_INVALID_ARG_TYPE(name, 'function', importModuleDynamically);
}

function validateCachedData(cachedData, name) {
  if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
}

function isContext(object) {
  validateObject(object, 'object', kValidateObjectAllowArray);
  return nativeIsContext(object);
}

function validateContext(contextifiedObject) {
  if (!isContext(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

// The run options shared by every runIn*: [timeout, displayErrors, breakOnSigint].
function runOptions(options) {
  validateObject(options, 'options');
  const { timeout, displayErrors = true, breakOnSigint = false } = options;
  if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return [timeout, displayErrors, breakOnSigint];
}

class Script extends ContextifyScript {
  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    else validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
      [kParsingContext]: parsingContext,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    validateCachedData(cachedData, 'options.cachedData');
    validateBoolean(produceCachedData, 'options.produceCachedData');
    const mode = importMode(importModuleDynamically, 'options.importModuleDynamically');
    super(code, filename, lineOffset, columnOffset, cachedData, produceCachedData, parsingContext, mode);
  }

  runInThisContext(options = {}) {
    const [timeout, displayErrors, breakOnSigint] = runOptions(options);
    return super.runInContext(null, timeout, displayErrors, breakOnSigint);
  }

  runInContext(contextifiedObject, options = {}) {
    validateContext(contextifiedObject);
    const [timeout, displayErrors, breakOnSigint] = runOptions(options);
    return super.runInContext(contextifiedObject, timeout, displayErrors, breakOnSigint);
  }

  runInNewContext(contextObject, options = {}) {
    const context = createContext(contextObject, contextOptions(options));
    return this.runInContext(context, options);
  }
}

// The runIn*Context options that describe the context to create.
function contextOptions(options) {
  if (options === undefined || options === null || typeof options !== 'object') return {};
  const { contextName: name, contextOrigin: origin, contextCodeGeneration: codeGeneration, microtaskMode } = options;
  if (name !== undefined) validateString(name, 'options.contextName');
  if (origin !== undefined) validateString(origin, 'options.contextOrigin');
  if (codeGeneration !== undefined) validateObject(codeGeneration, 'options.contextCodeGeneration');
  return { name, origin, codeGeneration, microtaskMode };
}

let contextCount = 0;
function createContext(contextObject = {}, options = {}) {
  // DONT_CONTEXTIFY: a plain new context, whose own global object is returned.
  const plain = contextObject === constants.DONT_CONTEXTIFY;
  if (!plain && isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const { name = `VM Context ${++contextCount}`, origin, codeGeneration, microtaskMode } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) validateObject(codeGeneration, 'options.codeGeneration');
  const { strings = true, wasm = true } = codeGeneration || {};
  validateBoolean(strings, 'options.codeGeneration.strings');
  validateBoolean(wasm, 'options.codeGeneration.wasm');
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  return makeContext(plain ? null : contextObject, name, strings, wasm, microtaskMode === 'afterEvaluate');
}

function createScript(code, options) {
  return new Script(code, options);
}

function scriptOptions(options) {
  return typeof options === 'string' ? { filename: options } : options;
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  options = scriptOptions(options);
  return createScript(code, { ...options, [kParsingContext]: contextifiedObject })
    .runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  options = scriptOptions(options);
  const context = createContext(contextObject, contextOptions(options));
  return createScript(code, { ...options, [kParsingContext]: context }).runInContext(context, options);
}

function runInThisContext(code, options) {
  options = scriptOptions(options);
  return createScript(code, options).runInThisContext(options);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  params.forEach((param, i) => validateString(param, `params[${i}]`));
  validateObject(options, 'options');
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData,
    produceCachedData = false,
    parsingContext,
    contextExtensions = [],
    importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateUint32(columnOffset, 'options.columnOffset');
  validateUint32(lineOffset, 'options.lineOffset');
  validateCachedData(cachedData, 'options.cachedData');
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined &&
      (parsingContext === null || typeof parsingContext !== 'object' || !nativeIsContext(parsingContext))) {
    throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((extension, i) =>
    validateObject(extension, `options.contextExtensions[${i}]`, kValidateObjectAllowNullable));
  const mode = importMode(importModuleDynamically, 'options.importModuleDynamically');
  const result = nativeCompileFunction(code, filename, lineOffset, columnOffset, cachedData, produceCachedData,
                                       parsingContext, contextExtensions, params, mode);
  const fn = result.function;
  if (produceCachedData) fn.cachedDataProduced = result.cachedDataProduced === true;
  if (result.cachedData !== undefined) fn.cachedData = result.cachedData;
  if (typeof result.cachedDataRejected === 'boolean') fn.cachedDataRejected = result.cachedDataRejected;
  return fn;
}

function measureMemory(options = {}) {
  require('internal/util').emitExperimentalWarning('vm.measureMemory');
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  const promise = nativeMeasureMemory(mode === 'detailed');
  // V8 measures in tasks of its own, run as the loop turns: keep it turning until the report.
  const poll = setInterval(() => {}, 10);
  const done = () => clearInterval(poll);
  promise.then(done, done);
  return promise;
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
