'use strict';
// AssertionError messages for pseudo-random value pairs (fixed seed); compared against Node.
const assert = require('assert');
let seed = 9;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const strs = ['', 'a', 'hello world', 'x'.repeat(30), 'line\nbreak', 'long string that goes on and on and on'];
function prim() { switch (rnd(7)) { case 0: return rnd(100); case 1: return strs[rnd(strs.length)]; case 2: return null; case 3: return undefined; case 4: return rnd(2) === 0; case 5: return BigInt(rnd(99)); default: return -0; } }
function gen(d) {
  if (d > 3 || rnd(3) === 0) return prim();
  switch (rnd(5)) {
    case 0: { const n = rnd(12); const a = []; for (let i = 0; i < n; i++) a.push(gen(d + 1)); return a; }
    case 1: { const n = rnd(8); const o = {}; for (let i = 0; i < n; i++) o['k' + rnd(10)] = gen(d + 1); return o; }
    case 2: return new Map([[rnd(5), gen(d + 1)]]);
    case 3: return new Set([rnd(5), rnd(5)]);
    default: return Array.from({ length: rnd(60) }, (_, i) => ({ id: i, v: rnd(3) }));
  }
}
function mutate(v, d = 0) {
  if (rnd(4) === 0 || d > 3) return gen(d);
  if (Array.isArray(v)) { const c = v.map((x) => (rnd(5) === 0 ? mutate(x, d + 1) : x)); if (rnd(4) === 0) c.push(prim()); return c; }
  if (v && typeof v === 'object' && !(v instanceof Map) && !(v instanceof Set)) { const c = { ...v }; for (const k of Object.keys(c)) if (rnd(4) === 0) c[k] = mutate(c[k], d + 1); if (rnd(5) === 0) c.extra = prim(); return c; }
  return rnd(2) ? v : gen(d);
}
const ops = ['deepStrictEqual', 'strictEqual', 'notDeepStrictEqual', 'deepEqual', 'notDeepEqual', 'notStrictEqual', 'equal'];
for (let i = 0; i < 600; i++) {
  const a = gen(0);
  const b = rnd(3) === 0 ? structuredClone(a) : mutate(a);
  const op = ops[rnd(ops.length)];
  let m = 'no throw';
  try { assert[op](a, b); } catch (e) { m = e.message; }
  console.log(`--- ${i} ${op}`);
  console.log(m);
}
