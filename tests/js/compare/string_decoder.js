'use strict';
// StringDecoder chunk by chunk: partial characters, invalid bytes, end(), every encoding.
const { StringDecoder } = require('string_decoder');
const j = JSON.stringify;

function run(enc, chunks) {
  const d = new StringDecoder(enc);
  const out = chunks.map((c) => d.write(Buffer.from(c)));
  out.push(d.end());
  console.log(enc, j(chunks), '->', j(out));
}

const utf8Cases = [
  [[0xe2], [0x41], []],
  [[0xe2, 0x82]],
  [[0xe0, 0x80], [0x80]],
  [[0xf0, 0x9f], [0x98, 0x80, 0x41]],
  [[0x80, 0x41, 0xc3], [0xa9]],
  [[0xff], [0xc3], [0xc3]],
  [[0xf0], [0x9f], [0x98], [0x80]],
  [[0xe2, 0x82, 0xac, 0xe2], [0x82, 0xac]],
  [[0x61, 0x62, 0xf0, 0x9f, 0x98]],
  [[0xc3, 0x28]],
  [[0xed, 0xa0], [0x80]],
  [[0xf8, 0x88, 0x80, 0x80, 0x80]],
  [[0xc0, 0xaf], [0x41]],
];
for (const c of utf8Cases) run('utf8', c);
const u16 = [
  [[0x3d], [0xd8, 0x00], [0xde]],
  [[0x3d, 0xd8]],
  [[0x41, 0x00, 0x42]],
  [[0x3d, 0xd8, 0x00, 0xde, 0x41]],
  [[0x00, 0xdc, 0x41, 0x00]],
];
for (const c of u16) {
  run('utf16le', c);
  run('ucs2', c);
}
run('base64', [[0x61, 0x62, 0x63, 0x64], [0x65], []]);
run('base64', [[0x61], [0x62], [0x63], [0x64]]);
run('base64url', [[0xfb, 0xff], [0xfe]]);
run('hex', [[0xab, 0xcd], [0x01]]);
run('latin1', [[0xe9, 0xff]]);
run('ascii', [[0xe9, 0x41]]);

const d = new StringDecoder();
d.write(Buffer.from([0xe2]));
console.log(d.lastChar, d.lastNeed, d.lastTotal, d.encoding, Object.keys(d));
console.log(d.write('a string'), j(d.end(Buffer.from([0x82, 0xac]))));
console.log(new StringDecoder('binary').encoding, new StringDecoder('UCS-2').encoding,
  new StringDecoder('UTF-8').encoding, new StringDecoder().encoding, new StringDecoder(null).encoding);
for (const bad of ['foo', 5, {}]) {
  try {
    new StringDecoder(bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
try {
  new StringDecoder().write(5);
} catch (e) {
  console.log(e.code, e.message);
}
console.log(j(new StringDecoder().write(new Uint16Array([0x6968]))));
console.log(j(new StringDecoder('hex').end()));
