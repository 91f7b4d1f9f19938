'use strict';
// process.emitWarning and the default 'warning' printer ("(node:PID) Warning: ...").

let warningListenerInstalled = false;
const onceCodes = new Set();

function writeOut(text) {
  internalBinding('process').writeSync(2, text);
}

function onWarning(warning) {
  if (process.noDeprecation && warning.name === 'DeprecationWarning') return;
  if (process.execArgv.includes('--no-warnings')) return;
  const trace = process.traceProcessWarnings ||
    (warning.name === 'DeprecationWarning' && process.traceDeprecation);
  let msg = `(node:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) msg += `${warning.stack}`;
  else msg += typeof warning.toString === 'function' ? `${warning.toString()}` : `${warning.name}: ${warning.message}`;
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !onceCodes.has('trace-hint')) {
    onceCodes.add('trace-hint');
    msg += `\n(Use \`node --trace-warnings ...\` to show where the warning was created)`;
  }
  writeOut(`${msg}\n`);
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
  }
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (typeof warning === 'string') {
    const err = new Error(warning);
    err.name = String(type || 'Warning');
    if (code !== undefined) err.code = code;
    if (detail !== undefined) err.detail = detail;
    Error.captureStackTrace(err, ctor || process.emitWarning);
    warning = err;
  } else if (!(warning instanceof Error)) {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation || process.execArgv.includes('--no-deprecation')) return;
    if (process.throwDeprecation || process.execArgv.includes('--throw-deprecation')) throw warning;
  }
  if (!warningListenerInstalled) {
    warningListenerInstalled = true;
    process.on('warning', onWarning);
  }
  process.nextTick(() => process.emit('warning', warning));
}

module.exports = { emitWarning };
