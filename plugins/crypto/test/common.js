'use strict';
// Helpers shared by the crypto tests.
const assert = require('assert');

// fn() throws an error with this code (and class, and message when given).
function throwsCode(fn, code, Base, message) {
  assert.throws(fn, (err) => {
    assert.strictEqual(err.code, code, `code: ${err.code} (${err.message})`);
    if (Base) assert.ok(err instanceof Base, `class: ${err.name}`);
    if (message !== undefined) assert.strictEqual(err.message, message);
    return true;
  });
}

const hex = (s) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

// Counts outstanding async checks; the process fails if any did not run.
let pending = 0;
function expectCall(fn) {
  pending++;
  let called = false;
  process.on('exit', () => assert.ok(called, 'an expected callback never ran'));
  return (...args) => {
    called = true;
    pending--;
    return fn(...args);
  };
}

module.exports = { throwsCode, hex, expectCall };
