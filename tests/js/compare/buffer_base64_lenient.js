'use strict';
// Lenient base64 decoding of inputs with whitespace, '=' inside, non-alphabet characters, both
// alphabets (vector and scalar paths and their hand-overs).
let seed = 7; const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const out = [];
for (let t = 0; t < 400; t++) {
  const b = Buffer.alloc(rnd(200)); for (let i = 0; i < b.length; i++) b[i] = rnd(256);
  let s = b.toString(rnd(2) ? 'base64' : 'base64url');
  const k = rnd(4);
  if (k === 1 && s.length) { const p = rnd(s.length); s = s.slice(0, p) + ' \n'[rnd(2)] + s.slice(p); }
  if (k === 2 && s.length) { const p = rnd(s.length); s = s.slice(0, p) + '=' + s.slice(p); }
  if (k === 3 && s.length) { const p = rnd(s.length); s = s.slice(0, p) + '*é'[rnd(2)] + s.slice(p); }
  out.push(Buffer.from(s, 'base64').toString('hex').length + ':' + Buffer.from(s, 'base64').toString('base64').slice(0, 12));
}
console.log(out.join(' '));
