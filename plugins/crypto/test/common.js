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

// A callback that must run before the process exits (one exit check for all of them).
let uncalled = 0;
process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(uncalled, 0, `${uncalled} expected callback(s) never ran`);
});
function expectCall(fn) {
  uncalled++;
  let called = false;
  return (...args) => {
    if (!called) uncalled--;
    called = true;
    return fn(...args);
  };
}

module.exports = { throwsCode, hex, expectCall };
