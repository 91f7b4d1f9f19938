// Differential check against the machine's Node: node --expose-internals fuzz_url.js [seed]
const load = require('./load.js');
const mine = load('internal/url');
let seed = +process.argv[2] || 1;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const schemes = ['http:', 'https:', 'file:', 'ftp:', 'ws:', 'foo:', 'mailto:', 'blob:', 'data:', '', 'HTTP:', 'a+b:'];
const parts = ['//', '/', '\\', 'host', 'HOST.com', 'user:pass@', '@', ':80', ':0', ':65536', ':x', '[::1]', '[1:2::3]', '[::ffff:1.2.3.4]', '1.2.3.4', '0x10.0', '256', '..', '.', '%2e', '%2E%2e', '?', '#', 'a b', '%', '%zz', '%41', 'é', '😀', '\t', '\n', ' ', 'C:', 'c|', '|', '^', '`', '{', '"', "'", '<', '>', ';', '=', '&', '+', 'xn--', 'xn--nxasmq6b', 'ß', 'ＡＢ', 'a.b.', '.'];
function gen() { let s = schemes[rnd(schemes.length)]; const n = rnd(8); for (let i = 0; i < n; i++) s += parts[rnd(parts.length)]; return s; }
const bases = [undefined, 'http://base.com/a/b?q#f', 'file:///C:/dir/file', 'foo://x/y', 'mailto:z', 'https://u:p@h:81/'];
let fails = 0;
const props = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
function snap(U, input, base) {
  try { const u = base === undefined ? new U(input) : new U(input, base); return props.map((p) => u[p]).join(' | '); } catch (e) { return 'THROW ' + e.code; }
}
for (let i = 0; i < 30000; i++) {
  const input = gen();
  const base = bases[rnd(bases.length)];
  const a = snap(URL, input, base);
  const b = snap(mine.URL, input, base);
  if (a !== b) { if (++fails <= 8) console.log(JSON.stringify([input, base]), '\n  NODE', a, '\n  MINE', b); }
}
// setters
for (let i = 0; i < 20000; i++) {
  const start = gen();
  const prop = ['protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash', 'href'][rnd(10)];
  const value = gen().slice(0, 12);
  let a, b;
  try { const u = new URL(start, 'http://b/'); try { u[prop] = value; } catch (e) { } a = u.href; } catch { a = 'X'; }
  try { const u = new mine.URL(start, 'http://b/'); try { u[prop] = value; } catch (e) { } b = u.href; } catch { b = 'X'; }
  if (a !== b) { if (++fails <= 16) console.log('SET', JSON.stringify([start, prop, value]), '\n  NODE', a, '\n  MINE', b); }
}
console.log('fails', fails);
