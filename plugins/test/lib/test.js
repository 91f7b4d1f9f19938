'use strict';
// node:test — test(), describe()/it() (suite() is describe), the before/after/beforeEach/afterEach
// hooks, `mock`, and the TAP reporter on stdout. The module is the test() function itself, as in Node.

const harness = require('internal/test/harness');

const test = harness.test;

Object.defineProperties(test, {
  test: { value: test, enumerable: true, configurable: true, writable: true },
  describe: { value: harness.describe, enumerable: true, configurable: true, writable: true },
  suite: { value: harness.describe, enumerable: true, configurable: true, writable: true },
  it: { value: harness.it, enumerable: true, configurable: true, writable: true },
  before: { value: harness.before, enumerable: true, configurable: true, writable: true },
  after: { value: harness.after, enumerable: true, configurable: true, writable: true },
  beforeEach: { value: harness.beforeEach, enumerable: true, configurable: true, writable: true },
  afterEach: { value: harness.afterEach, enumerable: true, configurable: true, writable: true },
});

let mock;
Object.defineProperty(test, 'mock', {
  enumerable: true,
  configurable: true,
  get() {
    if (mock === undefined) {
      const { MockTracker } = require('internal/test/mock');
      mock = new MockTracker();
    }
    return mock;
  },
});

module.exports = test;
