// Differential check against the machine's Node: node --expose-internals fuzz_deep_equal.js [seed]
const load = require('./load.js');
const mine = load('internal/util/comparisons');
const util = require('util');
const assert = require('assert');
let seed = +process.argv[2] || 1;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
function prim() { return [0, -0, 1, '1', '', null, undefined, NaN, true, false, 1n, 'a'][rnd(12)]; }
function gen(d) {
  if (d > 3 || rnd(3) === 0) return prim();
  switch (rnd(16)) {
    case 0: return Array.from({ length: rnd(4) }, () => gen(d + 1));
    case 1: { const o = {}; for (let i = rnd(4); i > 0; i--) o['k' + rnd(3)] = gen(d + 1); return o; }
    case 2: return new Map(Array.from({ length: rnd(3) }, () => [rnd(2) ? prim() : gen(d + 1), gen(d + 1)]));
    case 3: return new Set(Array.from({ length: rnd(3) }, () => (rnd(2) ? prim() : gen(d + 1))));
    case 4: return new Uint8Array([rnd(3), rnd(3)]);
    case 5: return new Float64Array([[0, -0, NaN][rnd(3)]]);
    case 6: return new Date(rnd(2) * 1000);
    case 7: return rnd(2) ? /a/g : /a/i;
    case 8: return [new Number(rnd(2)), new String('x'.repeat(rnd(2))), new Boolean(rnd(2))][rnd(3)];
    case 9: { const e = new (rnd(2) ? Error : TypeError)('m' + rnd(2)); if (rnd(2)) e.cause = gen(d + 1); return e; }
    case 10: { const a = [1, 2, 3]; if (rnd(2)) delete a[1]; return a; }
    case 11: { const o = Object.create(null); o.x = gen(d + 1); return o; }
    case 12: { const o = { a: 1 }; if (rnd(2)) o[Symbol.for('s')] = gen(d + 1); return o; }
    case 13: { const o = { v: gen(d + 1) }; if (rnd(2)) o.self = o; return o; }
    case 14: { class K { constructor() { this.a = 1; } } return rnd(2) ? new K() : { a: 1 }; }
    default: return Object.defineProperty({ a: 1 }, 'h', { value: gen(d + 1), enumerable: rnd(2) === 0 });
  }
}
function clone(v, d = 0) {
  if (rnd(6) === 0) return gen(d);
  if (Array.isArray(v)) return v.map((x) => clone(x, d + 1));
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, clone(x, d + 1)]));
  if (v instanceof Set) return new Set([...v].map((x) => (typeof x === 'object' && x !== null ? clone(x, d + 1) : x)));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && !Object.getOwnPropertySymbols(v).length && v.self === undefined) { const o = {}; for (const k of Object.keys(v)) o[k] = clone(v[k], d + 1); return o; }
  return v;
}
let fails = 0;
for (let i = 0; i < 30000; i++) {
  const a = gen(0);
  const b = rnd(2) ? clone(a) : gen(0);
  const r1 = util.isDeepStrictEqual(a, b); const m1 = mine.isDeepStrictEqual(a, b);
  let r2; try { assert.deepEqual(a, b); r2 = true; } catch { r2 = false; }
  const m2 = mine.isDeepEqual(a, b);
  if (r1 !== m1 || r2 !== m2) { if (++fails <= 5) console.log(util.inspect(a), '\n vs', util.inspect(b), '\n strict node/mine', r1, m1, ' loose', r2, m2); }
}
console.log('fails', fails);
