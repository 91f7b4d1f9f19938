'use strict';
// Buffer encode/decode throughput: runs under node and nodus alike, prints "<case> <ops/s>".
// Each case runs for about BENCH_MS milliseconds (default 300) after a short warm-up.
const { Buffer } = require('buffer');
const ms = Number(process.env.BENCH_MS || 300);

function bench(name, fn) {
  for (let i = 0; i < 200; i++) fn();
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 50; i++) fn();
    ops += 50;
    now = performance.now();
  }
  console.log(`${name} ${Math.round(ops / ((now - start) / 1000))}`);
}

const ascii64 = 'a'.repeat(64);
const text1k = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(18).slice(0, 1024);
const utf8mixed = 'héllo wörld € 😀 '.repeat(64);
const bin64k = Buffer.alloc(64 * 1024);
for (let i = 0; i < bin64k.length; i++) bin64k[i] = (i * 31) & 255;
const b64 = bin64k.toString('base64');
const hex = bin64k.toString('hex');
const buf1k = Buffer.from(text1k);
const bufMixed = Buffer.from(utf8mixed);
const parts = Array.from({ length: 16 }, (_, i) => Buffer.alloc(256, i));

bench('from-utf8-64B', () => Buffer.from(ascii64));
bench('from-utf8-1KiB', () => Buffer.from(text1k));
bench('from-utf8-mixed', () => Buffer.from(utf8mixed));
bench('toString-utf8-1KiB', () => buf1k.toString());
bench('toString-utf8-mixed', () => bufMixed.toString('utf8'));
bench('toString-latin1-1KiB', () => buf1k.toString('latin1'));
bench('toString-ucs2-1KiB', () => buf1k.toString('ucs2'));
bench('base64-encode-64KiB', () => bin64k.toString('base64'));
bench('base64-decode-64KiB', () => Buffer.from(b64, 'base64'));
bench('hex-encode-64KiB', () => bin64k.toString('hex'));
bench('hex-decode-64KiB', () => Buffer.from(hex, 'hex'));
bench('byteLength-utf8-mixed', () => Buffer.byteLength(utf8mixed));
bench('write-utf8-1KiB', () => bin64k.write(text1k, 100));
bench('concat-16x256B', () => Buffer.concat(parts));
bench('alloc-1KiB', () => Buffer.alloc(1024));
bench('allocUnsafe-1KiB', () => Buffer.allocUnsafe(1024));
bench('indexOf-64KiB', () => bin64k.indexOf('\u00ff\u00fe', 0, 'latin1'));
bench('compare-1KiB', () => Buffer.compare(buf1k, buf1k));
bench('readUInt32LE-x256', () => {
  let s = 0;
  for (let i = 0; i < 1024; i += 4) s += buf1k.readUInt32LE(i);
  return s;
});
bench('TextEncoder-1KiB', () => new TextEncoder().encode(text1k));
bench('TextDecoder-1KiB', () => new TextDecoder().decode(buf1k));
