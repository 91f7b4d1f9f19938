'use strict';
// Runs unchanged on nodus and on Node.js (--expose-gc for the finalizer part).
const assert = require('assert');
const path = require('path');
const addon = require(path.join(process.env.EXAMPLE_ADDON_DIR || path.join(__dirname, 'build'), 'zero_copy.node'));

const ring = addon.ring(8);
assert.ok(Buffer.isBuffer(ring));
assert.deepStrictEqual([...ring], [0, 0, 0, 0, 0, 0, 0, 0]);
addon.fill(ring, 7);
assert.deepStrictEqual([...ring], [7, 7, 7, 7, 7, 7, 7, 7]);
ring.write('hi', 0);
assert.strictEqual(ring.subarray(0, 2).toString(), 'hi', 'JS and C see the same bytes');
addon.fill(ring.subarray(4), 1);
assert.deepStrictEqual([...ring.subarray(2)], [7, 7, 1, 1, 1, 1]);

const f = new Float64Array([1, 2, 3]);
assert.strictEqual(addon.scale(f, 2.5), f);
assert.deepStrictEqual([...f], [2.5, 5, 7.5]);
assert.throws(() => addon.scale(new Float32Array(2), 2), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => addon.fill({}, 1), { code: 'ERR_INVALID_ARG_TYPE' });

const s = addon.samples(4);
assert.ok(s instanceof Float64Array);
assert.deepStrictEqual([...s], [0, 0.5, 1, 1.5]);
addon.scale(s, 2);
assert.deepStrictEqual([...s], [0, 1, 2, 3]);

if (typeof global.gc === 'function') {
  (async () => {
    const before = addon.freedCount();
    (() => { for (let i = 0; i < 10; i++) { addon.ring(1024); addon.samples(16); } })();
    for (let i = 0; i < 5 && addon.freedCount() < before + 20; i++) {
      global.gc();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.strictEqual(addon.freedCount(), before + 20, 'external memory is freed after GC');
  })().catch((err) => { process.exitCode = 1; throw err; });
}
