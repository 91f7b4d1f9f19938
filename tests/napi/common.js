'use strict';
// Shared by the Node-API JS tests: finds the built test addons (NODUS_TEST_ADDON_DIR from ctest,
// else the default build folder) so the same files run under nodus and under Node.js.
const path = require('path');

let assert;
try {
  assert = require('assert');
} catch {
  // Until the runtime ships `assert`, the few checks the tests use.
  const fail = (msg) => { throw new Error(msg); };
  const same = (a, b) => Object.is(a, b);
  const deep = (a, b) => {
    if (same(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => deep(a[k], b[k]));
  };
  assert = (v, m) => { if (!v) fail(m || 'assertion failed'); };
  assert.ok = assert;
  assert.fail = (m) => fail(m || 'failed');
  assert.strictEqual = (a, b, m) => { if (!same(a, b)) fail(m || `${String(a)} !== ${String(b)}`); };
  assert.notStrictEqual = (a, b, m) => { if (same(a, b)) fail(m || `${String(a)} === ${String(b)}`); };
  assert.deepStrictEqual = (a, b, m) => { if (!deep(a, b)) fail(m || 'not deep equal'); };
  const matches = (e, expected) => {
    if (expected === undefined) return true;
    if (typeof expected === 'function') {
      if (expected === Error || expected.prototype instanceof Error) return e instanceof expected;
      return expected(e) === true;
    }
    if (expected instanceof RegExp) return expected.test(String(e && e.message));
    return Object.keys(expected).every((k) => expected[k] instanceof RegExp
      ? expected[k].test(e[k]) : same(e[k], expected[k]));
  };
  assert.throws = (fn, expected, m) => {
    try { fn(); } catch (e) {
      if (!matches(e, expected)) fail(m || `unexpected error: ${e && e.message}`);
      return;
    }
    fail(m || 'missing expected exception');
  };
  assert.rejects = async (p, expected) => {
    try { await (typeof p === 'function' ? p() : p); } catch (e) {
      if (!matches(e, expected)) fail(`unexpected rejection: ${e && e.message}`);
      return;
    }
    fail('missing expected rejection');
  };
}

const addonDir = process.env.NODUS_TEST_ADDON_DIR ||
  path.join(__dirname, '..', '..', 'build', 'tests', 'napi');

function load(name) {
  return require(path.join(addonDir, `${name}.node`));
}

// Full GC, then a turn of the loop so finalizers deferred to a safe point have run.
async function gcAndSettle(rounds = 3) {
  for (let i = 0; i < rounds; i++) {
    global.gc();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

const isNodus = typeof process.versions.nodus === 'string';

module.exports = { assert, addonDir, load, gcAndSettle, isNodus };
