'use strict';
// Runs unchanged on nodus and on Node.js, against the same ticker.node.
const assert = require('assert');
const path = require('path');
const { start } = require(path.join(process.env.EXAMPLE_ADDON_DIR || path.join(__dirname, 'build'), 'ticker.node'));

(async () => {
  // Runs to the end: every tick arrives in order, then onDone.
  const ticks = [];
  const sent = await new Promise((resolve) => {
    start(10, 2, (n) => ticks.push(n), resolve);
  });
  assert.strictEqual(sent, 10);
  assert.deepStrictEqual(ticks, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

  // Stopped from JS after 3 ticks: the thread sees the function closing and ends.
  const seen = [];
  const sent2 = await new Promise((resolve) => {
    const stop = start(1000, 1, (n) => { seen.push(n); if (n === 3) stop(); }, resolve);
  });
  assert.ok(sent2 >= 3 && sent2 < 1000, `sent ${sent2}`);
  assert.deepStrictEqual(seen.slice(0, 3), [1, 2, 3]);
  assert.ok(seen.length <= 3, 'nothing is delivered after an abort');
})().catch((err) => { process.exitCode = 1; throw err; });
