'use strict';
// Prints util.inspect / util.format output for many kinds of values; compared against Node.
const util = require('util');

const cases = [];
function add(label, value, opts) { cases.push([label, value, opts]); }

add('primitives', [1, -0, 0, 1.5, NaN, Infinity, -Infinity, 10n, true, false, null, undefined, 'str', Symbol('s'), Symbol(), Symbol.iterator]);
add('strings', ["it's", 'say "hi"', 'both \'"', 'all \'"`', 'ctl \x00\x01\n\t\x7f\x9f', 'lone \ud800 x', '\\back', 'ünïcödé ✓']);
add('long string', 'x'.repeat(200));
add('multiline', 'line one is long enough to be split\nline two is here as well\nand three'.repeat(3));
add('nested', { a: { b: { c: { d: { e: 1 } } } }, arr: [[[[1]]]] });
add('depth0', { a: { b: 1 } }, { depth: 0 });
add('depth inf', { a: { b: { c: { d: { e: 1 } } } } }, { depth: Infinity });
const circ = { name: 'c' }; circ.self = circ; circ.list = [circ, { back: circ }];
add('circular', circ);
const c2 = { a: {} }; c2.a.b = c2.a; c2.x = c2;
add('circular2', c2);
class Foo { constructor() { this.x = 1; } }
class Bar extends Foo { get y() { return 2; } }
add('class instance', [new Foo(), new Bar()]);
add('classes', [Foo, Bar, class {}, class extends Foo {}]);
add('functions', [function named() {}, () => {}, async function af() {}, function* gen() {}, async function* ag() {}, Math.max]);
const fnp = function withProps() {}; fnp.prop = 1;
add('function props', fnp);
add('null proto', Object.create(null));
const np = Object.create(null); np.a = 1;
add('null proto keys', np);
add('empty', [{}, [], new Map(), new Set()]);
add('map', new Map([[1, 'a'], ['b', { c: 2 }], [{ k: 1 }, [1, 2]]]));
add('set', new Set([1, 'two', [3], { four: 4 }]));
add('map iter', [new Map([[1, 2], [3, 4]]).entries(), new Map([[1, 2]]).keys(), new Set([1, 2]).values(), new Set([5]).entries()]);
add('typed', [new Uint8Array([1, 2, 3]), new Float64Array([1.5, -0]), new BigInt64Array([1n, -2n]), new Uint8Array(0)]);
add('arraybuffer', [new ArrayBuffer(4), new Uint8Array([1, 2, 3, 255]).buffer, new DataView(new ArrayBuffer(2))]);
add('sparse', [[1, , 3], [, , ], new Array(5), [1, , , , 5, , ]]);
const arrx = [1, 2, 3]; arrx.extra = 'x'; arrx[Symbol('s')] = 1;
add('array props', arrx);
add('numbers grouping', Array.from({ length: 30 }, (_, i) => i * 7));
add('numbers grouping2', Array.from({ length: 120 }, (_, i) => i ** 2));
add('strings grouping', Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1)));
add('mixed grouping', Array.from({ length: 12 }, (_, i) => (i % 2 ? i : `s${i}`)));
add('maxArrayLength', Array.from({ length: 10 }, (_, i) => i), { maxArrayLength: 3 });
add('maxStringLength', 'abcdefghij', { maxStringLength: 4 });
add('sorted', { c: 1, a: 2, b: 3 }, { sorted: true });
add('compact false', { a: 1, b: [1, 2], c: { d: 1 } }, { compact: false });
add('compact true', { a: 1, b: [1, 2], c: { d: 1 } }, { compact: true });
add('breakLength', { aaaa: 'x'.repeat(20), bbbb: 'y'.repeat(20), cccc: 'z'.repeat(20) }, { breakLength: 40 });
add('long object', { alpha: 'a'.repeat(30), beta: 'b'.repeat(30), gamma: 'c'.repeat(30), delta: 1 });
add('keys quoting', { 'a-b': 1, 'valid_id': 2, '0': 3, '': 4, "it's": 5, [Symbol('sym')]: 6, __proto__x: 7 });
add('getters', { get g() { return 1; }, set s(v) {}, get gs() { return 2; }, set gs(v) {} });
add('getters on', { get g() { return { x: 1 }; }, get p() { return 'str'; }, get t() { throw new Error('boom'); } }, { getters: true });
add('dates', [new Date(0), new Date(NaN)]);
add('regexps', [/abc/g, new RegExp('a/b', 'iu')]);
add('boxed', [new Number(1), new String('ab'), new Boolean(false), Object(1n), Object(Symbol('x'))]);
add('promises', [Promise.resolve(1), Promise.reject(new Error('no')).catch(() => {}) && Promise.resolve({ a: [1] }), new Promise(() => {})]);
const rejected = Promise.reject(3); rejected.catch(() => {});
add('rejected', rejected);
add('proxy', new Proxy({ a: 1 }, {}));
add('proxy showProxy', new Proxy({ a: 1 }, { get() { return 1; } }), { showProxy: true });
add('weak', [new WeakMap(), new WeakSet()]);
add('symbol tag', { [Symbol.toStringTag]: 'Custom', a: 1 });
class Tagged { get [Symbol.toStringTag]() { return 'TG'; } }
add('class tag', new Tagged());
add('custom inspect', { [util.inspect.custom]() { return 'CUSTOM!'; } });
add('custom inspect obj', { inner: { [util.inspect.custom](d, o) { return { depth: d, colors: o.colors }; } } });
add('arguments', (function() { return arguments; })(1, 'a'));
add('numericSeparator', [1234567, 1234.5678, 123456789n, -1234567.891], { numericSeparator: true });
add('showHidden', [1, 2], { showHidden: true });
add('showHidden obj', Object.defineProperty({ a: 1 }, 'hid', { value: 2, enumerable: false }), { showHidden: true });
add('nested arrays', [[1, 2, [3, 4, [5, [6]]]], { x: [{ y: [{ z: 1 }] }] }]);
add('deep line', { level1: { level2: { level3: 'value value value value value value value value value' } } });
add('many keys', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, i])));
add('obj in arr', [{ a: 1, b: 2 }, { a: 3, b: 4 }]);
add('colors', { n: 1, s: 'x', b: true, u: undefined, nl: null, sy: Symbol('q'), d: new Date(0), r: /x/, f() {} }, { colors: true });
add('colors arr', Array.from({ length: 10 }, (_, i) => i * 100), { colors: true });
add('error plain', new Error('plain').message);
add('boxed with props', Object.assign(new Number(3), { extra: 1 }));
add('Object.create(Foo)', Object.create(Foo.prototype));
add('anonymous class inst', new (class {})());
add('null proto array', Object.setPrototypeOf([1, 2], null));
add('null proto map', Object.setPrototypeOf(new Map([[1, 2]]), null));
add('Map in Map', new Map([['m', new Map([['n', new Set([1])]])]]));
add('long array of objects', Array.from({ length: 8 }, (_, i) => ({ id: i, name: `item${i}` })));
add('array 101', Array.from({ length: 101 }, (_, i) => i));
add('array of strings long', ['aaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccccccc', 'dddddddddddddddddddd', 'e', 'f', 'g']);
add('globalThis-ish', { process: typeof process, Math });
add('symbol keys', { [Symbol.for('reg')]: 1, [Symbol('a\nb')]: 2 });
add('unicode keys', { 'ключ': 1, 'a b': 2 });

for (const [label, value, opts] of cases) {
  console.log(`--- ${label}`);
  console.log(opts ? util.inspect(value, opts) : util.inspect(value));
}

console.log('--- format');
const fmts = [
  ['%s %s', 'a', 'b'], ['%d', '42'], ['%i', 42.9], ['%f', '1.5x'], ['%j', { a: 1 }], ['%o', [1, { a: 2 }]], ['%O', { a: { b: { c: { d: 1 } } } }],
  ['%s', { a: 1 }], ['%s', new Error('e').message], ['%s', 1n], ['%s', -0], ['%s', Symbol('s')], ['%d', 1n], ['%i', 'x'], ['%c', 'color: red'],
  ['100%', 1], ['%% %s', 'x'], ['%s'], ['%x %s', 1, 2], ['no format', 1, 'a', { b: 2 }], [1, 2, 3], ['%s', null], ['%s', undefined], ['%s', [1, [2, [3]]]],
  ['%s', new Date(0)], ['%s', class A {}], ['%s', function f() {}], ['%j', (() => { const a = {}; a.a = a; return a; })()], ['a%', 'b'], ['%s:%s', 'only'],
  ['%s', { toString() { return 'custom'; } }], ['%s', new (class B { toString() { return 'B!'; } })()],
];
for (const args of fmts) console.log(util.format(...args));
console.log(util.formatWithOptions({ colors: true }, '%O', { a: 1 }));
