'use strict';
// util.format with pseudo-random format strings and arguments (fixed seed); compared against Node.
const util = require('util');
let seed = 21;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const specs = ['%s', '%d', '%i', '%f', '%j', '%o', '%O', '%c', '%%', '%x', '%', 'text ', ' ', '%s%s'];
const vals = [1, -0, 1.5, '42abc', 'str', null, undefined, {}, { a: { b: { c: 1 } } }, [1, [2]], 10n, Symbol('s'), true, new Date(0), () => {}, class Q {}, NaN, Infinity, { toString() { return 'ts'; } }, Object.create(null), new Map([[1, 2]])];
for (let i = 0; i < 3000; i++) {
  const args = [];
  if (rnd(4)) { let f = ''; for (let k = rnd(5); k >= 0; k--) f += specs[rnd(specs.length)]; args.push(f); }
  for (let k = rnd(5); k > 0; k--) args.push(vals[rnd(vals.length)]);
  let out;
  try { out = util.format(...args); } catch (e) { out = 'THROW ' + e.message; }
  console.log(JSON.stringify(out));
}
