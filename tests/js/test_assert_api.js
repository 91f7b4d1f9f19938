'use strict';
// assert: passing and failing cases of every function, AssertionError's properties, strict mode.
const assert = require('assert');
const strict = require('assert/strict');

function fails(fn, check) {
  let caught;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  if (!caught) throw new Error('expected a throw');
  if (check) check(caught);
  return caught;
}

assert(true);
assert.ok(1);
assert.equal(1, '1');
assert.notEqual(1, 2);
assert.strictEqual(NaN, NaN);
assert.notStrictEqual(0, -0);
assert.deepEqual({ a: [1, { b: '2' }] }, { a: ['1', { b: 2 }] });
assert.deepStrictEqual(new Map([[{ k: 1 }, new Set([1])]]), new Map([[{ k: 1 }, new Set([1])]]));
assert.notDeepStrictEqual({ a: 1 }, { a: '1' });
assert.notDeepEqual({ a: 1 }, { a: 2 });
assert.match('abc', /b/);
assert.doesNotMatch('abc', /x/);
assert.throws(() => { throw new TypeError('bad'); }, TypeError);
assert.throws(() => { throw new TypeError('bad'); }, /bad/);
assert.throws(() => { throw new TypeError('bad'); }, { name: 'TypeError', message: 'bad' });
assert.doesNotThrow(() => {});
assert.ifError(null);
assert.ifError(undefined);

const err = fails(() => assert.strictEqual(1, 2, undefined), (e) => {
  assert.ok(e instanceof assert.AssertionError);
  assert.strictEqual(e.name, 'AssertionError');
  assert.strictEqual(e.code, 'ERR_ASSERTION');
  assert.strictEqual(e.actual, 1);
  assert.strictEqual(e.expected, 2);
  assert.strictEqual(e.operator, 'strictEqual');
  assert.strictEqual(e.generatedMessage, true);
  assert.strictEqual(e.message, 'Expected values to be strictly equal:\n\n1 !== 2\n');
});
assert.ok(err.stack.startsWith('AssertionError [ERR_ASSERTION]: Expected values'));
fails(() => assert.equal(1, 2, 'custom'), (e) => {
  assert.strictEqual(e.message, 'custom');
  assert.strictEqual(e.generatedMessage, false);
});
const own = new RangeError('mine');
fails(() => assert.ok(false, own), (e) => assert.strictEqual(e, own));
fails(() => assert.ok(0), (e) => {
  assert.strictEqual(e.message, 'The expression evaluated to a falsy value:\n\n  assert.ok(0)\n');
});
fails(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }), (e) => {
  assert.strictEqual(e.message,
                     'Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n+   a: 1\n-   a: 2\n  }');
});
fails(() => assert.throws(() => {}), (e) => assert.strictEqual(e.message, 'Missing expected exception.'));
fails(() => assert.throws(() => { throw new Error('x'); }, RangeError), (e) => {
  assert.strictEqual(e.message, 'The error is expected to be an instance of "RangeError". Received "Error"\n\nError message:\n\nx');
});
fails(() => assert.fail('boom'), (e) => {
  assert.strictEqual(e.message, 'boom');
  assert.strictEqual(e.operator, 'fail');
});
fails(() => assert.ifError(new Error('inner')), (e) => {
  assert.strictEqual(e.message, 'ifError got unwanted exception: inner');
});
fails(() => assert.strictEqual(1), (e) => assert.strictEqual(e.code, 'ERR_MISSING_ARGS'));
fails(() => assert.match(1, /x/), (e) => {
  assert.strictEqual(e.message, 'The "string" argument must be of type string. Received type number (1)');
});

// Strict mode: equal is strictEqual and so on.
assert.strictEqual(strict, assert.strict);
assert.strictEqual(strict.equal, assert.strictEqual);
assert.strictEqual(strict.deepEqual, assert.deepStrictEqual);
fails(() => strict.equal(1, '1'));
fails(() => strict.deepEqual([1], ['1']));
strict.notEqual(1, '1');

// CallTracker
const tracker = new assert.CallTracker();
const fn = tracker.calls(() => 5, 2);
assert.strictEqual(fn(), 5);
fails(() => tracker.verify(), (e) => {
  assert.strictEqual(e.message, 'Expected the calls function to be executed 2 time(s) but was executed 1 time(s).');
});
fn();
tracker.verify();

(async () => {
  await assert.rejects(Promise.reject(new Error('r')), { message: 'r' });
  await assert.rejects(async () => { throw new TypeError('t'); }, TypeError);
  await assert.doesNotReject(Promise.resolve(1));
  await assert.rejects(assert.rejects(Promise.resolve()), { message: 'Missing expected rejection.' });
})().then(() => {}, (e) => {
  console.error(e);
  process.exit(1);
});
