'use strict';
// Runs unchanged on nodus and on Node.js, against the same async_hash.node.
const assert = require('assert');
const path = require('path');
const { hash } = require(path.join(process.env.EXAMPLE_ADDON_DIR || path.join(__dirname, 'build'), 'async_hash.node'));

// Reference FNV-1a 64 in JS.
function fnv1a(bytes, rounds = 1) {
  let h = 0xcbf29ce484222325n;
  for (let r = 0; r < rounds; r++) {
    for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

(async () => {
  assert.strictEqual(await hash(Buffer.from('')), 'cbf29ce484222325');
  assert.strictEqual(await hash(Buffer.from('hello')), fnv1a(Buffer.from('hello')));
  const data = new Uint8Array(1000).map((_, i) => i * 7);
  assert.strictEqual(await hash(data, 3), fnv1a(data, 3));

  // Many at once: the loop keeps running while the pool works.
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const big = Buffer.alloc(1 << 20, 0xab);
  const results = await Promise.all([1, 2, 3, 4].map(() => hash(big, 20)));
  clearInterval(timer);
  assert.ok(results.every((r) => r === results[0]));
  assert.throws(() => hash('not a buffer'), { code: 'ERR_INVALID_ARG_TYPE' });
})().catch((err) => { process.exitCode = 1; throw err; });
