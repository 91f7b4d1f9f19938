'use strict';
// base64/base64url/hex of pseudo-random buffers of every size from 0 to 300 and a few large ones
// (the vectorised and scalar paths and their seams), summarised by a checksum per size.
const crc = (s) => {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
};
let seed = 12345;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed & 255;
};
const sizes = [];
for (let n = 0; n <= 300; n++) sizes.push(n);
sizes.push(4095, 4096, 65535, 65536, 100001);
const lines = [];
for (const n of sizes) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rnd();
  const s64 = b.toString('base64');
  const u64 = b.toString('base64url');
  const hx = b.toString('hex');
  const back = Buffer.from(s64, 'base64').equals(b) && Buffer.from(u64, 'base64url').equals(b) &&
    Buffer.from(hx, 'hex').equals(b);
  lines.push(`${n} ${crc(s64)} ${crc(u64)} ${crc(hx)} ${back}`);
}
console.log(lines.join('\n'));
