'use strict';
// Legacy url.parse/resolve and querystring.parse for pseudo-random inputs (fixed seed); compared
// against Node.
const url = require('url');
const querystring = require('querystring');
let seed = 5;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const schemes = ['http:', 'https:', 'file:', 'ftp:', 'foo:', 'mailto:', 'javascript:', '', 'HTTP:', 'xmpp:'];
const parts = ['//', '/', '\\', 'host', 'HOST.com', 'user:pass@', '@', ':80', ':', ':x', '[::1]', '1.2.3.4', '..', '.', '?', '#', 'a b', '%', '%41', 'é', ' ', '\t', 'C:', '|', '^', '`', '{', '"', "'", '<', '>', ';', '=', '&', '+', 'q=1', 'a=b&c=d'];
function gen() { let s = schemes[rnd(schemes.length)]; const n = rnd(8); for (let i = 0; i < n; i++) s += parts[rnd(parts.length)]; return s; }
for (let i = 0; i < 1000; i++) {
  const input = gen();
  const pq = rnd(2) === 0;
  const sdh = rnd(3) === 0;
  let parsed;
  try { parsed = JSON.stringify(url.parse(input, pq, sdh)); } catch (e) { parsed = `THROW ${e.code}`; }
  console.log(JSON.stringify([input, pq, sdh]), parsed);
  const rel = gen();
  let resolved;
  try { resolved = url.resolve(input, rel); } catch (e) { resolved = `THROW ${e.code}`; }
  console.log('RESOLVE', JSON.stringify([input, rel]), resolved);
  const qs = parts.slice(20).map(() => parts[rnd(parts.length)]).join('');
  console.log('QS', JSON.stringify(qs), JSON.stringify(querystring.parse(qs)));
}
