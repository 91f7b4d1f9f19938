// Differential check against the machine's Node: node --expose-internals fuzz_path.js [seed]
const load = require('./load.js');
const mine = load('path');
const ref = require('path');
const parts = ['\\\\?\\', '\\\\.\\', 'UNC', 'a', 'b', 'c.js', '.', '..', '...', '/', '\\', '//', '\\\\', 'C:', 'c:', 'd:', ':', '.x', 'x.', '', 'srv', 'CON', 'aux', '?', '.git', 'a.b.c', 'Z:\\', '///'];
let seed = +process.argv[2] || 1;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
function gen() { let s = ''; const n = rnd(6); for (let i = 0; i < n; i++) s += parts[rnd(parts.length)]; return s; }
const fails = {};
for (let iter = 0; iter < 200000; iter++) {
  const flavour = rnd(2) ? 'posix' : 'win32';
  const fns = ['resolve', 'normalize', 'isAbsolute', 'join', 'relative', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath', 'basename2'];
  let fn = fns[rnd(fns.length)];
  let args = [gen(), gen(), gen()].slice(0, fn === 'join' || fn === 'resolve' ? 1 + rnd(3) : (fn === 'relative' || fn === 'basename2') ? 2 : 1);
  if (fn === 'basename2') { fn = 'basename'; }
  const a = JSON.stringify(mine[flavour][fn](...args));
  const b = JSON.stringify(ref[flavour][fn](...args));
  if (a !== b) {
    const k = flavour + '.' + fn;
    fails[k] = (fails[k] || 0) + 1;
    if (fails[k] <= 4) console.log(`${k}(${args.map(x => JSON.stringify(x)).join(', ')}) mine=${a} node=${b}`);
  }
}
console.log(fails);
