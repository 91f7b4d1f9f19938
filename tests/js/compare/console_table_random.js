'use strict';
// console.table over pseudo-random tabular data (fixed seed); compared against Node.
let seed = 13;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const cells = [1, 'two', null, undefined, true, 3.5, 'ünï', '漢字', { a: 1 }, [1, 2, 3, 4], { a: 1, b: 2, c: 3 }, -0, 10n, Symbol('s')];
function cell() { return cells[rnd(cells.length)]; }
function row() {
  if (rnd(5) === 0) return cell();
  const o = {};
  for (let i = rnd(4); i >= 0; i--) o[['a', 'b', 'c', 'long key', '0'][rnd(5)]] = cell();
  return o;
}
for (let i = 0; i < 60; i++) {
  switch (rnd(6)) {
    case 0: console.table(Array.from({ length: rnd(4) }, row)); break;
    case 1: { const o = {}; for (let k = rnd(4); k >= 0; k--) o[`r${k}`] = row(); console.table(o); break; }
    case 2: console.table(new Map(Array.from({ length: rnd(4) }, (_, k) => [cell(), cell()]))); break;
    case 3: console.table(new Set(Array.from({ length: rnd(4) }, cell))); break;
    case 4: console.table(Array.from({ length: 1 + rnd(3) }, row), ['a', 'c']); break;
    default: console.table(cell()); break;
  }
}
