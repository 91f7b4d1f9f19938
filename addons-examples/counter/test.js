'use strict';
// Runs unchanged on nodus and on Node.js (with --expose-gc for the last part).
const assert = require('assert');
const path = require('path');
const { Counter } = require(path.join(process.env.EXAMPLE_ADDON_DIR || path.join(__dirname, 'build'), 'counter.node'));

const c = new Counter(5);
assert.strictEqual(c.value, 5);
assert.strictEqual(c.increment(), 6);
assert.strictEqual(c.increment(4), 10);
assert.strictEqual(c.reset(), c);
assert.strictEqual(c.value, 0);
assert.ok(c instanceof Counter);
assert.throws(() => new Counter('x'), { name: 'TypeError', message: 'start must be a number' });
assert.throws(() => Counter(), TypeError, 'a class constructor needs new');
assert.throws(() => Counter.prototype.increment.call({}), TypeError);

class Sub extends Counter {
  double() { return this.increment(this.value); }
}
const s = new Sub(21);
assert.strictEqual(s.double(), 42);

if (typeof global.gc === 'function') {
  const before = Counter.instances;
  (() => { for (let i = 0; i < 100; i++) new Counter(i); })();
  assert.strictEqual(Counter.instances, before + 100);
  (async () => {
    for (let i = 0; i < 5 && Counter.instances > before; i++) {
      global.gc();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.strictEqual(Counter.instances, before, 'finalizers ran for collected objects');
  })().catch((err) => { process.exitCode = 1; throw err; });
}
