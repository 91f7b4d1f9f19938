'use strict';
// TextDecoder/TextEncoder streaming edge cases compared with Node.
const j = JSON.stringify;
function dec(label, opts, chunks) {
  const d = new TextDecoder(label, opts);
  try {
    const out = chunks.map((c) => d.decode(new Uint8Array(c), { stream: true }));
    out.push(d.decode());
    console.log(label, j(opts), j(chunks), '->', j(out));
  } catch (e) { console.log(label, j(chunks), 'throws', e.code, e.message); }
}
dec('utf-16le', {}, [[0x3d], [0xd8, 0x00], [0xde]]);
dec('utf-16le', {}, [[0x3d, 0xd8], [0x00, 0xde]]);
dec('utf-16le', {}, [[0x00, 0xde, 0x41, 0x00]]);
dec('utf-16le', {}, [[0x3d, 0xd8]]);
dec('utf-16le', { fatal: true }, [[0x3d, 0xd8]]);
dec('utf-16le', { fatal: true }, [[0x41, 0x00], [0x42]]);
dec('utf-16le', {}, [[0xff, 0xfe], [0x41, 0x00]]);
dec('utf-16le', { ignoreBOM: true }, [[0xff, 0xfe, 0x41, 0x00]]);
dec('utf-8', {}, [[0xef, 0xbb], [0xbf, 0x41]]);
dec('utf-8', {}, [[0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf]]);
dec('utf-8', { fatal: true }, [[0xe2, 0x82], [0xac]]);
dec('utf-8', { fatal: true }, [[0xe2, 0x82], [0x41]]);
dec('utf-8', {}, [[0xf0, 0x90], [0x80], [0x80, 0xff]]);
dec('utf-8', {}, [[0xc3], [], [0xa9]]);
dec('latin1', {}, [[0x80, 0xe9], [0xff]]);
const te = new TextEncoder();
console.log(te.encodeInto('\ud800x', new Uint8Array(5)), te.encodeInto('', new Uint8Array(0)), te.encodeInto('abc', new Uint8Array(0)));
console.log(te.encodeInto('😀😀', new Uint8Array(7)), te.encodeInto('é😀', new Uint8Array(5)));
const d = new TextDecoder(); console.log(j(d.decode(new Uint8Array([0xe2]), { stream: true })), j(d.decode(new Uint8Array([0x41]))));
console.log(j(new TextDecoder().decode(new Uint16Array([0x6261]))), j(new TextDecoder().decode(new Uint8Array([0x61, 0x62, 0x63]).subarray(1))));
const w = new TextDecoder('latin1');
const bytes = new Uint8Array(Array.from({ length: 32 }, (_, i) => 0x80 + i));
console.log(j([...w.decode(bytes)].map((c) => c.charCodeAt(0))));
w.decode(new Uint8Array([0x41]), { stream: true });
console.log(j([...w.decode(bytes)].map((c) => c.charCodeAt(0))));
dec('utf-16be', {}, [[0xfe, 0xff, 0, 0x41, 0xd8, 0x3d, 0xde, 0]]);
dec('utf-16be', {}, [[0], [0x42, 0], []]);
dec('utf-16be', {}, [[0xd8, 0x3d], [0xde, 0x00]]);
console.log(new TextDecoder('unicodefffe').encoding);
