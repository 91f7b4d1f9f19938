'use strict';
// node-addon-api over nodus: the C++ wrapper's main features. Run with --expose-gc.
const { assert, load, gcAndSettle } = require('./common');
const addon = load('addon_api');

async function main() {
  assert.throws(() => addon.throwCpp(), { name: 'RangeError', message: 'thrown from C++' });
  assert.strictEqual(addon.catchJs(() => { throw new Error('from JS'); }), 'caught: from JS');
  assert.strictEqual(addon.catchJs(() => 1), 'nothing thrown');

  assert.strictEqual(await addon.squareAsync(12), 144);
  await assert.rejects(addon.squareAsync(-1), /negative input/);

  const seen = [];
  assert.strictEqual(await addon.countFromThread((i) => seen.push(i), 50), 'done');
  assert.deepStrictEqual(seen, Array.from({ length: 50 }, (_, i) => i));

  const before = addon.freedBuffers();
  (() => {
    const b = addon.externalBuffer('external data');
    assert.ok(Buffer.isBuffer(b));
    assert.strictEqual(b.toString(), 'external data');
  })();
  await gcAndSettle();
  assert.strictEqual(addon.freedBuffers(), before + 1);

  assert.strictEqual(addon.sumFloat64(new Float64Array([1.5, 2.5, 3])), 7);
  const misc = addon.misc({ a: 1, b: 2 });
  assert.strictEqual(misc.big, -(2n ** 40n));
  assert.strictEqual(misc.date.getTime(), 86400000);
  assert.strictEqual(misc.iterator, Symbol.iterator);
  assert.deepStrictEqual(misc.keys, ['a', 'b']);
  assert.strictEqual(misc.strictEq, true);

  addon.setHook((n) => n * 10);
  assert.strictEqual(addon.callHook(), 10);
  assert.strictEqual(addon.callHook(), 20);
}

main().catch((err) => {
  process.exitCode = 1;
  throw err;
});
