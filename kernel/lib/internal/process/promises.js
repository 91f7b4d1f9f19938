'use strict';
// Unhandled promise rejections, Node 20's default mode ("throw"): a rejection still unhandled
// after the microtask queue drains emits 'unhandledRejection'; with no listener it becomes an
// uncaught exception. A late handler emits 'rejectionHandled'.

const { setHasRejectionToWarn, setPromiseRejectionProcessor } = require('internal/process/task_queues');
const { triggerUncaughtException } = internalBinding('process');

// v8::PromiseRejectEvent
const kPromiseRejectWithNoHandler = 0;
const kPromiseHandlerAddedAfterReject = 1;

const maybeUnhandled = new WeakMap();
const pending = [];
const asyncHandledRejections = [];

function promiseRejectHandler(type, promise, reason) {
  if (type === kPromiseRejectWithNoHandler) {
    maybeUnhandled.set(promise, { reason, warned: false });
    pending.push(promise);
    setHasRejectionToWarn(true);
  } else if (type === kPromiseHandlerAddedAfterReject) {
    const info = maybeUnhandled.get(promise);
    if (info !== undefined) {
      maybeUnhandled.delete(promise);
      if (info.warned) {
        asyncHandledRejections.push(promise);
        setHasRejectionToWarn(true);
      }
    }
  }
}

function unhandledRejectionError(reason) {
  const err = new Error('This error originated either by throwing inside of an async function ' +
    'without a catch block, or by rejecting a promise which was not handled with .catch(). The ' +
    `promise rejected with the reason "${safeToString(reason)}".`);
  err.code = 'ERR_UNHANDLED_REJECTION';
  err.name = 'UnhandledPromiseRejection';
  return err;
}

function safeToString(v) {
  try {
    return require('internal/util/inspect').inspect(v);
  } catch {
    try { return String(v); } catch { return '[object]'; }
  }
}

// Returns true when it did something that may have queued more ticks.
function processPromiseRejections() {
  let maybeScheduledTicksOrMicrotasks = asyncHandledRejections.length > 0;
  while (asyncHandledRejections.length > 0) {
    const promise = asyncHandledRejections.shift();
    process.emit('rejectionHandled', promise);
  }
  let len = pending.length;
  while (len--) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason } = info;
    if (!process.emit('unhandledRejection', reason, promise)) {
      const err = reason instanceof Error ? reason : unhandledRejectionError(reason);
      triggerUncaughtException(err, true);
    }
    maybeScheduledTicksOrMicrotasks = true;
  }
  return maybeScheduledTicksOrMicrotasks || pending.length !== 0;
}

setPromiseRejectionProcessor(processPromiseRejections);

module.exports = { promiseRejectHandler, processPromiseRejections };
