'use strict';
// URL parsing and setters for pseudo-random inputs (fixed seed); compared against Node.
let seed = 11;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
const schemes = ['http:', 'https:', 'file:', 'ftp:', 'ws:', 'foo:', 'mailto:', 'blob:', 'data:', '', 'HTTP:', 'a+b:'];
const parts = ['//', '/', '\\', 'host', 'HOST.com', 'user:pass@', '@', ':80', ':0', ':65536', ':x', '[::1]', '[1:2::3]', '[::ffff:1.2.3.4]', '1.2.3.4', '0x10.0', '256', '..', '.', '%2e', '%2E%2e', '?', '#', 'a b', '%', '%zz', '%41', 'é', '😀', '\t', '\n', ' ', 'C:', 'c|', '|', '^', '`', '{', '"', "'", '<', '>', ';', '=', '&', '+', 'xn--', 'xn--nxasmq6b', 'ß', 'ＡＢ', 'a.b.', '.'];
function gen() { let s = schemes[rnd(schemes.length)]; const n = rnd(8); for (let i = 0; i < n; i++) s += parts[rnd(parts.length)]; return s; }
const bases = [undefined, 'http://base.com/a/b?q#f', 'file:///C:/dir/file', 'foo://x/y', 'mailto:z', 'https://u:p@h:81/'];
const props = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
for (let i = 0; i < 1500; i++) {
  const input = gen();
  const base = bases[rnd(bases.length)];
  let line;
  try {
    const u = base === undefined ? new URL(input) : new URL(input, base);
    line = props.map((p) => u[p]).join(' | ');
  } catch (e) {
    line = `THROW ${e.code}`;
  }
  console.log(JSON.stringify([input, base]), line);
}
for (let i = 0; i < 800; i++) {
  const start = gen();
  const prop = ['protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash', 'href'][rnd(10)];
  const value = gen().slice(0, 12);
  let out;
  try {
    const u = new URL(start, 'http://b/');
    try { u[prop] = value; } catch (e) { out = `THROW ${e.code} `; }
    out = (out || '') + u.href;
  } catch { out = 'X'; }
  console.log('SET', JSON.stringify([start, prop, value]), out);
}
