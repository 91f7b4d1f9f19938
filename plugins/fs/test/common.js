'use strict';
// Helpers shared by the fs tests: a fresh temporary folder per test file, removed at exit, and a
// check that an error has Node's shape for a failed system call.
const assert = require('assert');
const fs = require('fs');
const os = require('path');

const base = process.env.TMPDIR || '/tmp';
const tmpdir = fs.mkdtempSync(os.join(base, 'nodus-fs-test-'));
process.on('exit', () => {
  fs.rmSync(tmpdir, { recursive: true, force: true });
});

function tmp(...parts) {
  return os.join(tmpdir, ...parts);
}

// err: ENOENT-style error of `syscall` on `path` (and `dest`).
function assertUvError(err, code, syscall, path, dest) {
  assert.ok(err instanceof Error, `expected an Error, got ${err}`);
  assert.strictEqual(err.code, code);
  assert.strictEqual(err.syscall, syscall);
  assert.strictEqual(typeof err.errno, 'number');
  assert.ok(err.errno < 0);
  let message = `${code}: `;
  assert.ok(err.message.startsWith(message), err.message);
  assert.ok(err.message.includes(`, ${syscall}`), err.message);
  if (path !== undefined) {
    assert.strictEqual(err.path, path);
    assert.ok(err.message.includes(`'${path}'`), err.message);
  }
  if (dest !== undefined) {
    assert.strictEqual(err.dest, dest);
    assert.ok(err.message.endsWith(`'${path}' -> '${dest}'`), err.message);
  }
}

// Runs async test steps one after another; a failure fails the process.
function serial(steps) {
  let i = 0;
  const next = () => {
    if (i >= steps.length) return;
    const step = steps[i++];
    Promise.resolve().then(() => new Promise((resolve, reject) => {
      if (step.length > 0) {
        step((err) => (err ? reject(err) : resolve()));
      } else {
        Promise.resolve(step()).then(resolve, reject);
      }
    })).then(next, (err) => {
      process.exitCode = 1;
      throw err;
    });
  };
  next();
}

// Counts that every expected callback ran before exit.
const expectations = [];
process.on('exit', () => {
  for (const e of expectations) {
    if (e.calls !== e.times) {
      process.exitCode = 1;
      console.error(`mustCall: expected ${e.times} call(s), got ${e.calls}\n${e.stack}`);
    }
  }
});

function mustCall(fn = () => {}, times = 1) {
  const e = { calls: 0, times, stack: new Error().stack };
  expectations.push(e);
  return function(...args) {
    e.calls++;
    return fn.apply(this, args);
  };
}

module.exports = { tmpdir, tmp, assertUvError, serial, mustCall };
