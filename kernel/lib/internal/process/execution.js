'use strict';
// The uncaught-exception path. The kernel calls onGlobalUncaughtException(err, arrow) for an
// exception nobody caught; it returns true when a listener handled it, or the exit code to use.

let exceptionHandlerState = { captureFn: null };

function printError(err, arrow, fromPromise) {
  let body;
  try {
    const { inspect } = require('internal/util/inspect');
    body = (err instanceof Error || (err && typeof err.stack === 'string')) ? inspect(err) : `Uncaught ${inspect(err)}`;
  } catch {
    try {
      body = err && err.stack ? String(err.stack) : `Uncaught ${String(err)}`;
    } catch {
      body = 'Uncaught exception';
    }
  }
  const parts = [];
  if (arrow && !fromPromise) parts.push(arrow);
  parts.push(body);
  if (!(err instanceof Error)) {
    parts.push('(Use `nodus --trace-uncaught ...` to show where the exception was thrown)');
  }
  parts.push('', `Node.js ${process.version}`, '');
  writeStderr(parts.join('\n'));
}

function writeStderr(text) {
  internalBinding('process').writeSync(2, text);
}

function onGlobalUncaughtException(err, arrow, fromPromise = false) {
  if (exceptionHandlerState.captureFn !== null) {
    exceptionHandlerState.captureFn(err);
    return true;
  }
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  // The listeners run in the async context of the callback that threw (AsyncLocalStorage).
  const asyncContext = require('internal/async_context');
  const frame = asyncContext.takeEscapedFrame();
  const outer = asyncContext.currentFrame();
  if (frame !== null && !fromPromise) asyncContext.restoreFrame(frame);
  try {
    process.emit('uncaughtExceptionMonitor', err, type);
    if (process.listenerCount('uncaughtException') > 0) {
      process.emit('uncaughtException', err, type);
      return true;
    }
  } finally {
    asyncContext.restoreFrame(outer);
  }
  printError(err, arrow, fromPromise);
  // 'exit' still fires, with code 1 (or the code the program set if it is not 0).
  process.exitCode = 1;
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', 1);
    }
  } catch (e) {
    printError(e, '', false);
    return 7;
  }
  return 1;
}

function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    exceptionHandlerState.captureFn = null;
    return;
  }
  if (typeof fn !== 'function') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  }
  if (exceptionHandlerState.captureFn !== null) {
    const err = new Error('`process.setupUncaughtExceptionCapture()` was called while a capture ' +
      'callback was already active');
    err.code = 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET';
    throw err;
  }
  exceptionHandlerState.captureFn = fn;
}

function hasUncaughtExceptionCaptureCallback() {
  return exceptionHandlerState.captureFn !== null;
}

module.exports = {
  onGlobalUncaughtException, setUncaughtExceptionCaptureCallback,
  hasUncaughtExceptionCaptureCallback, printError,
};
