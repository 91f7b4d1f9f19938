'use strict';
// timers/promises: setTimeout, setImmediate and setInterval (an async iterator) as promises,
// with AbortSignal support and the `ref` option.

const { Timeout, Immediate, insert, clearTimeoutImpl, clearImmediateImpl } = require('internal/timers');

function lazyErrors() { return require('internal/errors'); }

function abortError(signal) {
  const { AbortError } = lazyErrors();
  return new AbortError(undefined, { cause: signal.reason });
}

function validateOptions(options) {
  const { validateObject, validateBoolean, validateAbortSignal } = require('internal/validators');
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function setTimeout(after, value, options = {}) {
  let signal, ref;
  try {
    ({ signal, ref } = validateOptions(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const timeout = new Timeout(resolve, after, [value], false, ref);
    insert(timeout, timeout._idleTimeout);
    if (signal) {
      const onAbort = () => {
        clearTimeoutImpl(timeout);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const origResolve = timeout._timerArgs;
      timeout._onTimeout = (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      };
      timeout._timerArgs = origResolve;
    }
  });
}

function setImmediate(value, options = {}) {
  let signal, ref;
  try {
    ({ signal, ref } = validateOptions(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const immediate = new Immediate(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, undefined);
    if (!ref) immediate.unref();
    if (signal) {
      onAbort = () => {
        clearImmediateImpl(immediate);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

async function* setInterval(after, value, options = {}) {
  const { signal, ref } = validateOptions(options);
  if (signal?.aborted) throw abortError(signal);
  let notYielded = 0;
  let callback;
  const interval = new Timeout(() => {
    notYielded++;
    if (callback) {
      callback();
      callback = undefined;
    }
  }, after, undefined, true, ref);
  insert(interval, interval._idleTimeout);
  let onAbort;
  if (signal) {
    onAbort = () => {
      clearTimeoutImpl(interval);
      if (callback) {
        callback();
        callback = undefined;
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    while (!signal?.aborted) {
      if (notYielded === 0) await new Promise((resolve) => { callback = resolve; });
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw abortError(signal);
  } finally {
    clearTimeoutImpl(interval);
    signal?.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait(delay, options) { return setTimeout(delay, undefined, options); },
  yield() { return setImmediate(); },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
