'use strict';
// AsyncLocalStorage: run/exit/enterWith/disable, and the store following the code into timers,
// immediates, intervals, nextTick, queueMicrotask, promise reactions, await, AsyncResource and
// the callbacks of fs and dns requests.
const assert = require('assert');
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');

const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
assert.strictEqual(als.getStore(), undefined);
assert.strictEqual(als.run(5, (a, b) => a + b + als.getStore(), 1, 2), 8);
assert.strictEqual(als.getStore(), undefined);
assert.throws(() => als.run(1, () => { throw new Error('inside'); }), /inside/);
assert.strictEqual(als.getStore(), undefined, 'a throwing callback leaves the store');

const seen = {};
const expected = {};
function record(name, want) {
  expected[name] = want;
  return () => { seen[name] = [als.getStore(), other.getStore()]; };
}

als.run('A', () => {
  other.run('B', () => {
    record('sync', ['A', 'B'])();
    setTimeout(record('timeout', ['A', 'B']), 1);
    setImmediate(record('immediate', ['A', 'B']));
    process.nextTick(record('nextTick', ['A', 'B']));
    queueMicrotask(record('microtask', ['A', 'B']));
    Promise.resolve().then(record('then', ['A', 'B']));
    Promise.reject(new Error('x')).catch(record('catch', ['A', 'B']));
    // Callbacks of native requests run in the context of the call.
    require('fs').readFile(__filename, record('fs callback', ['A', 'B']));
    require('fs').stat(__dirname, record('fs stat callback', ['A', 'B']));
    require('dns').lookup('localhost', record('dns lookup callback', ['A', 'B']));
    require('fs').promises.readFile(__filename).then(record('fs promise', ['A', 'B']));
    const iv = setInterval(() => {
      record('interval', ['A', 'B'])();
      clearInterval(iv);
    }, 1);
  });
  als.run('A2', record('nested', ['A2', undefined]));
  als.exit(record('exit', [undefined, undefined]));
  record('after nested', ['A', undefined])();
  (async () => {
    await null;
    record('await', ['A', undefined])();
    await new Promise((resolve) => setTimeout(resolve, 5));
    record('await timer', ['A', undefined])();
    await new Promise((resolve) => setImmediate(resolve));
    record('await immediate', ['A', undefined])();
  })();
});
record('outside', [undefined, undefined])();

// A promise chain set up in one context keeps it even when resolved from another.
let resolveLater;
const later = new Promise((resolve) => { resolveLater = resolve; });
als.run('registered', () => later.then(record('resolved elsewhere', ['registered', undefined])));
als.run('resolver', () => setTimeout(() => resolveLater(), 1));

// AsyncResource, bind and snapshot capture the context where they are made.
const resource = als.run('res', () => new AsyncResource('R'));
assert.strictEqual(resource.runInAsyncScope(() => als.getStore()), 'res');
const bound = als.run('bound', () => AsyncLocalStorage.bind(() => als.getStore()));
assert.strictEqual(bound(), 'bound');
const snapshot = als.run('snap', () => AsyncLocalStorage.snapshot());
assert.strictEqual(snapshot((x) => `${als.getStore()}${x}`, '!'), 'snap!');
assert.strictEqual(als.getStore(), undefined);

// Checked once every callback above has run (polled, at most 2000 times 5 ms).
let polls = 0;
function whenAllSeen(fn) {
  if (Object.keys(seen).length === Object.keys(expected).length || ++polls > 2000) fn();
  else setTimeout(whenAllSeen, 5, fn);
}
whenAllSeen(() => {
  assert.deepStrictEqual(seen, expected);
  // enterWith: the rest of this callback and what it schedules.
  als.enterWith('entered');
  assert.strictEqual(als.getStore(), 'entered');
  setTimeout(() => {
    assert.strictEqual(als.getStore(), 'entered');
    als.disable();
    assert.strictEqual(als.getStore(), undefined);
    assert.strictEqual(als.run('again', () => als.getStore()), 'again');
    console.log('ok');
  }, 1);
});
