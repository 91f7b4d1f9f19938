'use strict';
// util.inspect of 400 pseudo-random values with random options (fixed seed); compared against Node.
const util = require('util');
let seed = 7;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const strs = ['', 'a', 'hello world', "it's", 'x'.repeat(30), 'line\nbreak', 'tab\there', '😀', 'ünï', 'a"b\'c`d', 'y'.repeat(90)];
function prim() {
  switch (rnd(10)) {
    case 0: return rnd(1000) - 500; case 1: return rnd(100) / 7; case 2: return strs[rnd(strs.length)];
    case 3: return null; case 4: return undefined; case 5: return rnd(2) === 0; case 6: return BigInt(rnd(1e6));
    case 7: return Symbol('s' + rnd(3)); case 8: return -0; default: return NaN;
  }
}
function gen(d) {
  if (d > 4 || rnd(3) === 0) return prim();
  switch (rnd(15)) {
    case 0: case 1: { const n = rnd(12); const a = []; for (let i = 0; i < n; i++) a.push(gen(d + 1)); return a; }
    case 2: case 3: { const n = rnd(8); const o = {}; for (let i = 0; i < n; i++) o[['a', 'bb', 'key_' + i, 'with space', '0', 'ünicode', String(i)][rnd(7)] + (rnd(2) ? i : '')] = gen(d + 1); return o; }
    case 4: { const m = new Map(); const n = rnd(5); for (let i = 0; i < n; i++) m.set(gen(d + 1), gen(d + 1)); return m; }
    case 5: { const s = new Set(); const n = rnd(6); for (let i = 0; i < n; i++) s.add(gen(d + 1)); return s; }
    case 6: return Array.from({ length: rnd(40) }, () => rnd(2000) - 1000);
    case 7: return new Uint8Array(rnd(30)).map(() => rnd(256));
    case 8: { class K { constructor() { this.v = gen(d + 1); } } return new K(); }
    case 9: { const a = [1, 2, 3]; a.length = 3 + rnd(5); a[6] = gen(d + 1); return a; }
    case 10: { const o = Object.create(null); o.x = gen(d + 1); return o; }
    case 11: { const e = new Error('msg' + rnd(3)); e.stack = `Error: msg\n    at f (/x.js:${rnd(9)}:1)`; if (rnd(2)) e.extra = gen(d + 1); return e; }
    case 12: return Array.from({ length: rnd(30) }, () => strs[rnd(strs.length)]);
    case 13: { const o = { a: gen(d + 1) }; if (rnd(2)) o.self = o; return o; }
    default: switch (rnd(16)) {
      case 0: { class G { constructor() { this.x = 1; } get g() { return 2; } static s() {} } G.prototype.pv = 3; return new G(); }
      case 1: return new Proxy({ t: gen(d + 1) }, {});
      case 2: { const f = function fx() {}; f.p = gen(d + 1); return f; }
      case 3: return { [Symbol.toStringTag]: 'Tg', v: gen(d + 1) };
      case 4: return [new Number(rnd(9)), new String('bx'), new Boolean(true), Object(Symbol('q'))];
      case 5: return new Date(rnd(2) ? 86400000 * rnd(1000) : NaN);
      case 6: return [/re+/gi, new RegExp('a/b')];
      case 7: return [new Float32Array([1.5, -0, NaN]), new BigUint64Array([1n]), new Int16Array(rnd(20))];
      case 8: return [new ArrayBuffer(rnd(8)), new DataView(new ArrayBuffer(3))];
      case 9: return [new WeakMap(), new WeakSet(), Promise.resolve(gen(d + 1)), new Promise(() => {})];
      case 10: return Object.defineProperties({}, { ro: { value: gen(d + 1), enumerable: false }, acc: { get() { return 1; }, set(v) {}, enumerable: true } });
      case 11: return new Map([[{ k: 1 }, [1, 2]], ['s', new Set([1])]]).entries();
      case 12: return (function () { return arguments; })(1, gen(d + 1));
      case 13: { const a = [1, 2]; a.prop = gen(d + 1); a[Symbol('as')] = 1; return a; }
      case 14: { class Base {} class Derived extends Base { constructor() { super(); this.z = gen(d + 1); } } return [new Derived(), Derived, class {}, Base]; }
      default: { const e = new TypeError('te'); e.stack = 'TypeError: te\n    at x (/y.js:1:1)'; e.cause = new Error('c'); e.cause.stack = 'Error: c\n    at x (/y.js:1:1)'; return { e }; }
    }
  }
}
for (let i = 0; i < 400; i++) {
  const v = gen(0);
  const opts = {};
  if (rnd(3) === 0) opts.depth = rnd(5);
  if (rnd(4) === 0) opts.compact = [false, true, 1, 2, 3, 5][rnd(6)];
  if (rnd(4) === 0) opts.breakLength = [40, 60, 80, 120, Infinity][rnd(5)];
  if (rnd(5) === 0) opts.sorted = true;
  if (rnd(6) === 0) opts.showHidden = true;
  if (rnd(5) === 0) opts.maxArrayLength = rnd(10);
  if (rnd(6) === 0) opts.colors = true;
  if (rnd(6) === 0) opts.numericSeparator = true;
  console.log(`--- ${i} ${JSON.stringify(opts)}`);
  console.log(util.inspect(v, opts));
}
