'use strict';
// Helpers shared by the zlib tests.
const assert = require('assert');

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

// err: Node's shape for a zlib failure.
function assertZlibError(err, code, errno, message) {
  assert.ok(err instanceof Error, `expected an Error, got ${err}`);
  assert.strictEqual(err.code, code);
  assert.strictEqual(err.errno, errno);
  if (message !== undefined) assert.strictEqual(err.message, message);
}

module.exports = { expectCall, assertZlibError };
