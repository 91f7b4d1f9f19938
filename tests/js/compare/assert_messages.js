'use strict';
// AssertionError messages and properties for failing assertions; compared against Node.
const assert = require('assert');

function show(fn) {
  try {
    fn();
    console.log('no throw');
  } catch (e) {
    console.log(`${e.name} | ${e.code} | ${e.operator} | ${e.generatedMessage}`);
    console.log(e.message);
    console.log('--');
  }
}

show(() => assert.strictEqual(1, 2));
show(() => assert.strictEqual('a'.repeat(20), 'a'.repeat(19) + 'b'));
show(() => assert.strictEqual({ a: 1 }, { a: 1 }));
show(() => assert.deepStrictEqual({ a: 1, b: [1, 2, 3] }, { a: 1, b: [1, 2, 4] }));
show(() => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 11]));
show(() => assert.deepStrictEqual({ x: { y: { z: 1 } }, k: 'v' }, { x: { y: { z: 2 } }, k: 'v' }));
show(() => assert.deepStrictEqual(Array.from({ length: 30 }, (_, i) => ({ i })), Array.from({ length: 30 }, (_, i) => ({ i: i === 15 ? -1 : i }))));
show(() => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])));
show(() => assert.deepStrictEqual([1], ['1']));
show(() => assert.deepStrictEqual({ a: Symbol.for('x') }, { a: Symbol.for('x') }));
show(() => assert.deepEqual({ a: 1 }, { a: 2 }));
show(() => assert.deepEqual({ a: 1 }, { a: '1' }));
show(() => assert.notDeepEqual({ a: 1 }, { a: '1' }));
show(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
show(() => assert.notStrictEqual(5, 5));
show(() => assert.notStrictEqual('hello world', 'hello world'));
show(() => assert.equal(1, 2));
show(() => assert.notEqual(1, '1'));
show(() => assert.equal(NaN, NaN));
show(() => assert.ok(false, 'custom message'));
show(() => assert.ok(0));
show(() => assert(null, new TypeError('own error')));
show(() => assert.ok());
show(() => assert.fail());
show(() => assert.fail('boom'));
show(() => assert.throws(() => {}));
show(() => assert.throws(() => {}, TypeError, 'msg'));
show(() => assert.throws(() => { throw new Error('x'); }, TypeError));
show(() => assert.throws(() => { throw new Error('x'); }, /y/));
show(() => assert.throws(() => { throw new Error('wrong'); }, { message: 'right' }));
show(() => assert.throws(() => { throw new TypeError('x'); }, { name: 'TypeError', message: /x/ }));
show(() => assert.throws(() => { throw new Error('e'); }, (e) => e.message === 'f'));
show(() => assert.doesNotThrow(() => { throw new Error('inner'); }));
show(() => assert.doesNotThrow(() => { throw new Error('inner'); }, 'with msg'));
show(() => assert.match('abc', /x/));
show(() => assert.doesNotMatch('abc', /b/));
show(() => assert.match(1, /x/));
show(() => assert.ifError(new Error('if error')));
show(() => assert.ifError('str'));
show(() => assert.ifError(null));
show(() => assert.strict.equal(1, '1'));
show(() => assert.strictEqual(-0, 0));
show(() => assert.deepStrictEqual(new Set([1, { a: 1 }]), new Set([1, { a: 2 }])));
show(() => assert.deepStrictEqual([1, 2, 3], [1, 2, 3, 4]));
show(() => assert.deepStrictEqual('a\nb\nc', 'a\nb\nd'));
show(() => assert.strictEqual(1));
show(() => new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' }) && assert.fail(new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' })));

// Deep-equality truth table.
const { isDeepStrictEqual } = require('util');
const pairs = [
  [1, 1], [1, '1'], [NaN, NaN], [0, -0], [{}, {}], [[], {}], [[1, , 3], [1, undefined, 3]], [new Date(0), new Date(0)],
  [/a/g, /a/g], [/a/g, /a/i], [new Set([1, 2]), new Set([2, 1])], [new Map([[{}, 1]]), new Map([[{}, 1]])],
  [Object.create(null), {}], [new Number(1), new Number(1)], [new Number(1), 1], [new Uint8Array([1]), new Uint8Array([1])],
  [new Uint8Array([1]), new Int8Array([1])], [{ [Symbol.for('s')]: 1 }, {}], [new Error('a'), new Error('a')], [new Error('a'), new TypeError('a')],
  [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])], [{ a: undefined }, {}], [new Float64Array([-0]), new Float64Array([0])],
];
const c1 = { a: 1 }; c1.self = c1; const c2 = { a: 1 }; c2.self = c2;
pairs.push([c1, c2]);
for (const [a, b] of pairs) {
  let loose;
  try { assert.deepEqual(a, b); loose = true; } catch { loose = false; }
  console.log(isDeepStrictEqual(a, b), loose);
}

// A caller's message heads the diff of the strict comparisons; an empty one counts as none.
for (const [fn, message] of [
  [() => assert.strictEqual(1, 2, 'm'), 'm'], [() => assert.strictEqual([1, 2], [1, 3], 'arr'), 'arr'],
  [() => assert.strictEqual({ a: 1 }, { a: 1 }, 'same shape'), 'same shape'],
  [() => assert.strictEqual(null, undefined, 5), 5], [() => assert.strictEqual(1, 2, ''), ''],
  [() => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'deep'), 'deep'],
  [() => assert.deepStrictEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 7 }, 'big'), 'big'],
  [() => assert.strict.equal('a\nb', 'a\nc', 'multi\nline'), 'multi\nline'],
  [() => assert.notStrictEqual(1, 1, 'not'), 'not'], [() => assert.equal(1, 2, 'loose'), 'loose'],
]) {
  try { fn(); } catch (e) { console.log(JSON.stringify(message), JSON.stringify(e.message), e.generatedMessage); }
}

(async () => {
  await assert.rejects(Promise.reject(new Error('r')), /r/);
  try { await assert.rejects(Promise.resolve(1)); } catch (e) { console.log(e.message); }
  try { await assert.doesNotReject(Promise.reject(new Error('dnr'))); } catch (e) { console.log(e.message); }
  try { await assert.rejects(() => 1); } catch (e) { console.log(e.code, e.message); }
})();
