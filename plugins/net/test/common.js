'use strict';
// Helpers for the net tests: a watchdog so no test hangs, and a scratch folder for Unix sockets.
const os = require('os');
const path = require('path');

process.setMaxListeners(100);

// Fails the test if it has not finished within `ms`; unref'd so it never keeps it alive.
function watchdog(ms = 20000) {
  const t = setTimeout(() => {
    console.error(`test timed out after ${ms} ms`);
    process.exit(1);
  }, ms);
  t.unref();
  return t;
}

function socketPath(name) {
  return path.join(os.tmpdir(), `nodus-net-${process.pid}-${name}.sock`);
}

// Counts that a callback ran exactly `n` times by exit.
function mustCall(fn = () => {}, n = 1) {
  let calls = 0;
  const stack = new Error().stack;
  process.on('exit', (code) => {
    if (code === 0 && calls !== n) {
      console.error(`expected ${n} call(s), got ${calls}\n${stack}`);
      process.exitCode = 1;
    }
  });
  return function(...args) {
    calls++;
    return fn.apply(this, args);
  };
}

module.exports = { watchdog, socketPath, mustCall };
