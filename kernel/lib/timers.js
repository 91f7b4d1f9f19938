'use strict';

const {
  Timeout, Immediate, insert, active, unrefActive, unenroll, clearTimeoutImpl, clearImmediateImpl,
} = require('internal/timers');

let validateFunction;
function checkCallback(callback) {
  if (typeof callback !== 'function') {
    validateFunction ??= require('internal/validators').validateFunction;
    validateFunction(callback, 'callback');
  }
}

function argsFrom(args, start) {
  if (args.length <= start) return undefined;
  return Array.prototype.slice.call(args, start);
}

function setTimeout(callback, after, arg1, arg2, arg3) {
  checkCallback(callback);
  const args = argsFrom(arguments, 2);
  const timeout = new Timeout(callback, after, args, false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function setInterval(callback, repeat, arg1, arg2, arg3) {
  checkCallback(callback);
  const args = argsFrom(arguments, 2);
  const timeout = new Timeout(callback, repeat, args, true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearTimeout(timer) { clearTimeoutImpl(timer); }
function clearInterval(timer) { clearTimeoutImpl(timer); }

function setImmediate(callback, arg1, arg2, arg3) {
  checkCallback(callback);
  return new Immediate(callback, argsFrom(arguments, 1));
}

function clearImmediate(immediate) { clearImmediateImpl(immediate); }

// Legacy (deprecated in Node, still used by old packages).
function enroll(item, msecs) {
  item._idleTimeout = msecs;
}

Object.defineProperty(setTimeout, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return require('timers/promises').setTimeout; },
});
Object.defineProperty(setImmediate, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return require('timers/promises').setImmediate; },
});

module.exports = {
  setTimeout, clearTimeout, setImmediate, clearImmediate, setInterval, clearInterval,
  _unrefActive: unrefActive, active, unenroll, enroll,
  get promises() { return require('timers/promises'); },
};
