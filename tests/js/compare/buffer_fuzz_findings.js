'use strict';
// Inputs the Buffer codec fuzzer (tests/fuzz/fuzz_encoding.cc) found; compared against Node.
// base64 writes touched the byte after the decoded data (a 4-byte store for 3 bytes, 16 for 12).
for (const [str, offset, length] of [['CgMA', 0, undefined], ['CgMACgMA', 1, undefined],
  ['QUJD', 2, 5], ['QUJDREVG'.repeat(12), 0, undefined], ['QUJDREVG'.repeat(12) + 'QQ', 3, 80]]) {
  for (const enc of ['base64', 'base64url']) {
    const b = Buffer.alloc(100, 0xaa);
    const n = length === undefined ? b.write(str, offset, enc) : b.write(str, offset, length, enc);
    console.log(enc, n, b.toString('hex'));
  }
}
const big = Buffer.alloc(200, 0xaa);
console.log(big.write(Buffer.alloc(90, 7).toString('base64'), 'base64'), big.toString('hex'));
