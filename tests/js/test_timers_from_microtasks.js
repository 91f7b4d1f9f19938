'use strict';
// A timer set by a promise reaction or a nextTick that a timer callback queued is armed like any
// other: not lost when only unref'd timers remain, and not held back until a later timer's expiry
// (both happened when the expiry computed before the microtasks ran was armed after them).
const assert = require('assert');

const watchdog = setTimeout(() => {
  console.error('timed out');
  process.exit(1);
}, 20000);
watchdog.unref();

const results = {};
process.on('exit', (code) => {
  if (code === 0) assert.deepStrictEqual(Object.keys(results).sort(), ['chain', 'microtask', 'nextTick']);
});

(async () => {
  // Only the unref'd watchdog besides the chain: every link must run and keep the loop alive.
  let links = 0;
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    links++;
  }
  results.chain = links;

  // A ref'd timer 4 s away: 5 ms timers set from a microtask and a nextTick run long before it.
  const late = setTimeout(() => assert.fail('the 5 ms timers waited for the 4 s one'), 4000);
  const set = (name) => {
    const start = Date.now();
    setTimeout(() => {
      results[name] = Date.now() - start;
      assert.ok(results[name] < 2000, `${name}: ${results[name]} ms`);
      if (results.microtask !== undefined && results.nextTick !== undefined) clearTimeout(late);
    }, 5);
  };
  setTimeout(() => {
    Promise.resolve().then(() => set('microtask'));
    process.nextTick(() => set('nextTick'));
  }, 5);
})();
