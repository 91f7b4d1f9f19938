// Differential check against the machine's Node: node --expose-internals fuzz_legacy.js [seed]
const load = require('./load.js');
const mine = load('url');
const mineQs = load('querystring');
const ref = require('url');
const refQs = require('querystring');
let seed = +process.argv[2] || 1;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const schemes = ['http:', 'https:', 'file:', 'ftp:', 'foo:', 'mailto:', 'javascript:', '', 'HTTP:', 'xmpp:'];
const parts = ['//', '/', '\\', 'host', 'HOST.com', 'user:pass@', '@', ':80', ':', ':x', '[::1]', '1.2.3.4', '..', '.', '?', '#', 'a b', '%', '%41', 'é', ' ', '\t', 'C:', '|', '^', '`', '{', '"', "'", '<', '>', ';', '=', '&', '+', 'q=1', 'a=b&c=d'];
function gen() { let s = schemes[rnd(schemes.length)]; const n = rnd(8); for (let i = 0; i < n; i++) s += parts[rnd(parts.length)]; return s; }
let fails = 0;
function snap(m, ...a) { try { return JSON.stringify(m.parse(...a)); } catch (e) { return 'THROW ' + e.code; } }
for (let i = 0; i < 30000; i++) {
  const input = gen(); const pq = rnd(2) === 0; const sdh = rnd(3) === 0;
  const a = snap(ref, input, pq, sdh); const b = snap(mine, input, pq, sdh);
  if (a !== b) { if (++fails <= 6) console.log('PARSE', JSON.stringify([input, pq, sdh]), '\n  NODE', a, '\n  MINE', b); }
  const rel = gen();
  let c, d;
  try { c = ref.resolve(input, rel); } catch (e) { c = 'THROW ' + e.code; }
  try { d = mine.resolve(input, rel); } catch (e) { d = 'THROW ' + e.code; }
  if (c !== d) { if (++fails <= 12) console.log('RESOLVE', JSON.stringify([input, rel]), '\n  NODE', c, '\n  MINE', d); }
  const qs = parts.slice(20).map(() => parts[rnd(parts.length)]).join('');
  const e1 = JSON.stringify(refQs.parse(qs)); const e2 = JSON.stringify(mineQs.parse(qs));
  if (e1 !== e2) { if (++fails <= 18) console.log('QS', JSON.stringify(qs), '\n  NODE', e1, '\n  MINE', e2); }
}
console.log('fails', fails);
