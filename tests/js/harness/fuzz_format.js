// Differential check against the machine's Node: node --expose-internals fuzz_format.js [seed]
const load = require('./load.js');
const mine = load('internal/util/inspect');
const util = require('util');
let seed = +process.argv[2] || 1;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const specs = ['%s', '%d', '%i', '%f', '%j', '%o', '%O', '%c', '%%', '%x', '%', 'text ', ' ', '%s%s'];
const vals = [1, -0, 1.5, '42abc', 'str', null, undefined, {}, { a: { b: { c: 1 } } }, [1, [2]], 10n, Symbol('s'), true, new Date(0), () => {}, class Q {}, new Error('e'), NaN, Infinity, { toString() { return 'ts'; } }, Object.create(null), new Map([[1, 2]])];
let fails = 0;
for (let i = 0; i < 20000; i++) {
  const args = [];
  if (rnd(4)) { let f = ''; for (let k = rnd(5); k >= 0; k--) f += specs[rnd(specs.length)]; args.push(f); }
  for (let k = rnd(5); k > 0; k--) args.push(vals[rnd(vals.length)]);
  let a, b;
  try { a = util.format(...args); } catch (e) { a = 'THROW ' + e.message; }
  try { b = mine.format(...args); } catch (e) { b = 'THROW ' + e.message; }
  if (a !== b) { if (++fails <= 5) console.log(JSON.stringify(args.map(String)), '\nNODE', JSON.stringify(a), '\nMINE', JSON.stringify(b)); }
}
console.log('fails', fails);
