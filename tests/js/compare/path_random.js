'use strict';
// path.posix/win32 functions on pseudo-random paths (fixed seed); compared against Node.
const path = require('path');
const parts = ['\\\\?\\', '\\\\.\\', 'UNC', 'a', 'b', 'c.js', '.', '..', '...', '/', '\\', '//', '\\\\', 'C:', 'c:', 'd:', ':', '.x', 'x.', '', 'srv', 'CON', 'aux', '?', '.git', 'a.b.c', 'Z:\\', '///'];
let seed = 3;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
function gen() { let s = ''; const n = rnd(6); for (let i = 0; i < n; i++) s += parts[rnd(parts.length)]; return s; }
for (let iter = 0; iter < 3000; iter++) {
  const flavour = rnd(2) ? 'posix' : 'win32';
  const fns = ['resolve', 'normalize', 'isAbsolute', 'join', 'relative', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath', 'basename2'];
  let fn = fns[rnd(fns.length)];
  const args = [gen(), gen(), gen()].slice(0, fn === 'join' || fn === 'resolve' ? 1 + rnd(3) : (fn === 'relative' || fn === 'basename2') ? 2 : 1);
  if (fn === 'basename2') fn = 'basename';
  // resolve/relative depend on the working directory only through its value: use absolute roots.
  if (fn === 'resolve' || fn === 'relative' || fn === 'toNamespacedPath') args[0] = (flavour === 'posix' ? '/r/' : 'C:\\r\\') + args[0];
  console.log(flavour, fn, JSON.stringify(args), JSON.stringify(path[flavour][fn](...args)));
}
