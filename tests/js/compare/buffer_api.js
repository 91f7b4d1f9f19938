'use strict';
// Buffer behaviour printed value by value; run under node and nodus and compared.
const { Buffer, constants, kMaxLength, isUtf8, isAscii, transcode } = require('buffer');
const j = (v) => JSON.stringify(v);
function show(label, fn) {
  let out;
  try {
    const v = fn();
    out = Buffer.isBuffer(v) ? `<${v.toString('hex')}> len=${v.length}` : j(v);
  } catch (e) {
    out = `throws ${e.name} ${e.code} ${e.message}`;
  }
  console.log(`${label}: ${out}`);
}

const encs = ['utf8', 'utf-8', 'UTF8', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'latin1',
  'binary', 'ascii', 'base64', 'base64url', 'hex', 'HEX', 'Base64', 'foo', '', undefined, null, 5];
for (const e of encs) show(`isEncoding ${e}`, () => Buffer.isEncoding(e));

const strings = ['', 'hello', 'héllo wörld', '€uro', '😀 smile', '\ud800 lone', 'a\u0000b',
  'ÿ\u0100\u00ff', 'YWJj', 'YW Jj\n', 'ab=cd', '-_-_', '+/+/', 'abzz12', 'abc', '0xff'];
const allEnc = ['utf8', 'ucs2', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
for (const s of strings) {
  for (const e of allEnc) {
    show(`from(${j(s)}, ${e})`, () => Buffer.from(s, e));
    show(`byteLength(${j(s)}, ${e})`, () => Buffer.byteLength(s, e));
  }
}
const bytes = Buffer.from([0, 1, 0x7f, 0x80, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98,
  0x80, 0xff, 0xed, 0xa0, 0x80, 0x41]);
for (const e of allEnc) {
  show(`toString ${e}`, () => bytes.toString(e));
  show(`toString ${e} 3,9`, () => bytes.toString(e, 3, 9));
  show(`toString ${e} odd`, () => bytes.toString(e, 1, 6));
}
show('toString bad', () => bytes.toString('nope'));
show('toString start>len', () => bytes.toString('hex', 100));
show('toString neg', () => bytes.toString('hex', -5, 3));
show('toString float', () => bytes.toString('hex', 1.7, 4.2));

// alloc / fill
show('alloc 5', () => Buffer.alloc(5));
show('alloc fill a', () => Buffer.alloc(5, 'a'));
show('alloc fill ab ucs2', () => Buffer.alloc(5, 'ab', 'ucs2'));
show('alloc fill hex', () => Buffer.alloc(5, 'abcd', 'hex'));
show('alloc fill bad hex', () => Buffer.alloc(5, 'zz', 'hex'));
show('alloc fill 257', () => Buffer.alloc(3, 257));
show('alloc fill buf', () => Buffer.alloc(7, Buffer.from([1, 2, 3])));
show('alloc fill empty buf', () => Buffer.alloc(3, Buffer.alloc(0)));
show('alloc -1', () => Buffer.alloc(-1));
show('alloc str', () => Buffer.alloc('5'));
show('alloc NaN', () => Buffer.alloc(NaN));
show('alloc 1.5', () => Buffer.alloc(1.5));
show('allocUnsafe len', () => Buffer.allocUnsafe(10).length);
show('allocUnsafeSlow len', () => Buffer.allocUnsafeSlow(10).length);
show('fill offsets', () => Buffer.alloc(6).fill('x', 1, 4));
show('fill enc as offset', () => Buffer.alloc(4).fill('616263', 'hex'));
show('fill enc as end', () => Buffer.alloc(6).fill('ab', 1, 'latin1'));
show('fill bad enc', () => Buffer.alloc(4).fill('a', 0, 4, 'bogus'));
show('fill enc number', () => Buffer.alloc(4).fill('a', 0, 1, 5));
show('fill oob', () => Buffer.alloc(4).fill(1, 0, 5));
show('fill neg offset', () => Buffer.alloc(4).fill(1, -1));
show('fill true', () => Buffer.alloc(2).fill(true));
show('fill euro', () => Buffer.alloc(7).fill('€'));
show('fill é latin1', () => Buffer.alloc(2).fill('é', 'latin1'));

// from
show('from array', () => Buffer.from([1, 256, -1, 1.5, '7', 'x']));
show('from arraybuffer', () => Buffer.from(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2));
show('from ab oob offset', () => Buffer.from(new ArrayBuffer(4), 5));
show('from ab oob length', () => Buffer.from(new ArrayBuffer(4), 1, 9));
show('from u16', () => Buffer.from(new Uint16Array([1, 256, 65535])));
show('from json', () => Buffer.from({ type: 'Buffer', data: [1, 2] }));
show('from arraylike', () => Buffer.from({ length: 2, 0: 5, 1: 6 }));
show('from valueOf', () => Buffer.from(new String('abc')));
show('from toPrimitive', () => Buffer.from({ [Symbol.toPrimitive]() { return 'xy'; } }));
show('from number', () => Buffer.from(5));
show('from null', () => Buffer.from(null));
show('from obj', () => Buffer.from({}));
show('from bad enc', () => Buffer.from('a', 'bogus'));
show('of', () => Buffer.of(1, 2, 300));
show('copyBytesFrom', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1));
show('copyBytesFrom bad', () => Buffer.copyBytesFrom([1]));

// compare / equals / concat
const a = Buffer.from('abc');
const b = Buffer.from('abd');
show('compare', () => [Buffer.compare(a, b), Buffer.compare(b, a), Buffer.compare(a, a)]);
show('compare prefix', () => Buffer.compare(Buffer.from('ab'), a));
show('compare bad', () => Buffer.compare(a, 'x'));
show('proto compare ranges', () => [a.compare(b, 0, 2, 0, 2), a.compare(b, 2), a.compare(b, 1, 1),
  a.compare(b, 0, 3, 3, 3)]);
show('proto compare oob', () => a.compare(b, 0, 5));
show('equals', () => [a.equals(Buffer.from('abc')), a.equals(b), a.equals(new Uint8Array([97, 98, 99]))]);
show('equals bad', () => a.equals('abc'));
show('concat', () => Buffer.concat([a, b, new Uint8Array([1])]));
show('concat len', () => Buffer.concat([a, b], 4));
show('concat longer', () => Buffer.concat([a], 5));
show('concat empty', () => Buffer.concat([]));
show('concat bad', () => Buffer.concat([a, 'x']));
show('concat notarray', () => Buffer.concat('x'));

// indexOf family
const h = Buffer.from('this is a buffer, a buffer indeed');
for (const [v, o, e] of [['a', undefined], ['buffer', 12], ['buffer', -10], [97], [97 + 256], ['', 3],
  ['', 100], ['zz'], [Buffer.from('a b')], ['a', 'latin1'], ['6120', 'hex'], ['dGhp', 'base64'],
  ['is', 3, 'utf8'], [Buffer.alloc(0), 2], ['x', NaN], ['i', -100], ['i', 1e20], ['a', 5.9]]) {
  show(`indexOf ${j(v)} ${j(o)} ${j(e)}`, () => h.indexOf(v, o, e));
  show(`lastIndexOf ${j(v)} ${j(o)} ${j(e)}`, () => h.lastIndexOf(v, o, e));
  show(`includes ${j(v)} ${j(o)}`, () => h.includes(v, o, e));
}
const u = Buffer.from('abcabc', 'ucs2');
show('ucs2 indexOf', () => [u.indexOf('b', 'ucs2'), u.indexOf('c', 5, 'ucs2'), u.lastIndexOf('a', 'ucs2'),
  u.indexOf(Buffer.from('b\u0000c', 'latin1'), 0, 'ucs2')]);
show('indexOf bad', () => h.indexOf({}));
show('indexOf bad enc', () => h.indexOf('a', 0, 'nope'));

// write
const w = Buffer.alloc(10);
show('write', () => [w.write('hi'), w.write('€', 8), w.write('abcdef', 2, 3), w.write('6162', 5, 'hex'),
  w.write('zz', 'latin1'), w.toString('hex')]);
show('write bad arg', () => w.write(5));
show('write oob', () => w.write('a', 11));
show('write neg len', () => w.write('a', 0, -1));
show('write bad enc', () => w.write('a', 0, 1, 'nope'));
show('write ucs2 odd', () => { const x = Buffer.alloc(5); return [x.write('abc', 'ucs2'), x]; });
show('utf8Write', () => { const x = Buffer.alloc(3); return [x.utf8Write('abcd'), x.latin1Write('z', 1)]; });
show('hexSlice', () => Buffer.from('abc').hexSlice(1));

// slice / subarray
show('slice', () => [a.slice(1).toString(), a.slice(-2).toString(), a.slice(1, -1).toString(),
  a.slice(5).length, a.slice('1', '2').toString(), a.subarray(1.5).toString()]);
show('slice shares', () => { const s = a.slice(0, 1); s[0] = 65; const r = a.toString(); s[0] = 97; return r; });
show('map species', () => Buffer.isBuffer(a.map((x) => x)));

// numbers
const n = Buffer.alloc(16);
const ops = [
  ['writeUInt8', 255, 0], ['writeUInt8', 256, 0], ['writeInt8', -128, 1], ['writeInt8', 128, 1],
  ['writeUInt16LE', 0x1234, 2], ['writeUInt16BE', 0x1234, 4], ['writeInt16LE', -2, 6],
  ['writeUInt32LE', 0xdeadbeef, 8], ['writeUInt32BE', -1, 8], ['writeInt32BE', -5, 12],
  ['writeInt32LE', 2 ** 31, 12], ['writeUInt32LE', 1, 13], ['writeUInt16LE', 1, 1.5],
  ['writeUInt16LE', 1, -1], ['writeUInt16LE', 1, '1'], ['writeInt16BE', -1.5, 0],
  ['writeFloatLE', 1.5, 0], ['writeFloatBE', -0.1, 4], ['writeDoubleLE', Math.PI, 8],
  ['writeDoubleBE', 1e300, 8], ['writeDoubleBE', 1, 9], ['writeUint8', 7, 15],
];
for (const [fn, v, o] of ops) show(`${fn}(${v}, ${o})`, () => [n[fn](v, o), n.toString('hex')]);
const reads = ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE',
  'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE',
  'readDoubleLE', 'readDoubleBE', 'readUint32LE'];
for (const fn of reads) {
  for (const o of [0, 3, 8, 13, 15, 16, -1, 1.5, undefined, '1']) show(`${fn}(${o})`, () => n[fn](o));
}
for (const bl of [1, 2, 3, 4, 5, 6, 7, 0]) {
  show(`readUIntLE 0,${bl}`, () => n.readUIntLE(0, bl));
  show(`readUIntBE 1,${bl}`, () => n.readUIntBE(1, bl));
  show(`readIntLE 2,${bl}`, () => n.readIntLE(2, bl));
  show(`readIntBE 3,${bl}`, () => n.readIntBE(3, bl));
  const m = Buffer.alloc(8);
  show(`writeUIntLE ${bl}`, () => [m.writeUIntLE(2 ** (8 * Math.min(bl, 6)) - 3, 0, bl), m.toString('hex')]);
  show(`writeIntBE ${bl}`, () => [m.writeIntBE(-(2 ** (8 * Math.min(bl, 6) - 1)) + 1, 1, bl), m.toString('hex')]);
  show(`writeIntLE oob ${bl}`, () => m.writeIntLE(2 ** 47, 0, bl));
}
show('readUIntLE no offset', () => n.readUIntLE());
const big = Buffer.alloc(8);
for (const [fn, v] of [['writeBigUInt64LE', 2n ** 64n - 1n], ['writeBigInt64BE', -(2n ** 63n)],
  ['writeBigUInt64BE', 0x0102030405060708n], ['writeBigInt64LE', -2n], ['writeBigInt64LE', 2n ** 63n],
  ['writeBigUInt64LE', -1n], ['writeBigUInt64LE', 1]]) {
  show(`${fn}(${v})`, () => [big[fn](v), big.toString('hex'), big.readBigUInt64LE(), big.readBigInt64LE(),
    big.readBigUInt64BE(), big.readBigInt64BE(), big.readBigUint64LE()]);
}
show('readBigInt64LE oob', () => big.readBigInt64LE(1));

// swap
show('swap16', () => Buffer.from([1, 2, 3, 4]).swap16());
show('swap32', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32());
show('swap64', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
show('swap16 big', () => Buffer.alloc(256, Buffer.from([1, 2])).swap16().subarray(0, 4));
show('swap32 big', () => Buffer.alloc(256, Buffer.from([1, 2, 3, 4])).swap32().subarray(252));
show('swap64 big', () => Buffer.alloc(256, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])).swap64().subarray(248));
show('swap16 odd', () => Buffer.alloc(3).swap16());
show('swap64 odd', () => Buffer.alloc(12).swap64());

// copy
const src = Buffer.from('0123456789');
for (const args of [[], [2], [2, 3], [2, 3, 5], [0, 8], [20], [0, 11], [-1], [0, -1], [0, 0, -1], [0, 5, 2],
  [0, '2', '5'], [1.5, 2.5]]) {
  show(`copy ${j(args)}`, () => { const t = Buffer.alloc(6, '.'); const r = src.copy(t, ...args); return [r, t.toString()]; });
}
show('copy overlap', () => { const t = Buffer.from('abcdef'); t.copy(t, 2, 0, 4); return t.toString(); });
show('copy bad target', () => src.copy('x'));

// misc
show('toJSON', () => JSON.stringify(Buffer.from([1, 2, 3])));
show('toJSON empty', () => Buffer.alloc(0).toJSON());
show('isBuffer', () => [Buffer.isBuffer(a), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('a')]);
show('constants', () => [constants.MAX_LENGTH, constants.MAX_STRING_LENGTH, kMaxLength]);
show('poolSize', () => Buffer.poolSize);
show('isUtf8', () => [isUtf8(Buffer.from('héllo')), isUtf8(Buffer.from([0xc3])), isUtf8(Buffer.from([0xed, 0xa0, 0x80])),
  isUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])), isUtf8(new ArrayBuffer(2)), isUtf8(Buffer.from([0xc0, 0x80]))]);
show('isUtf8 bad', () => isUtf8('x'));
show('isAscii', () => [isAscii(Buffer.from('abc')), isAscii(Buffer.from('é'))]);
show('transcode', () => transcode(Buffer.from('h€llo'), 'utf8', 'ucs2'));
show('transcode latin1', () => transcode(Buffer.from('h€llo ÿ'), 'utf8', 'latin1'));
show('transcode ascii', () => transcode(Buffer.from('hé'), 'utf8', 'ascii'));
show('atob/btoa', () => [btoa('hello'), atob('aGVsbG8='), atob(' aGVs bG8 '), atob('aGVsbG8'), btoa('ÿ')]);
show('atob bad', () => atob('a'));
show('atob bad char', () => atob('aGV*'));
show('btoa bad', () => btoa('\u0100'));
show('atob none', () => atob());
show('parent/offset', () => [Buffer.alloc(1).parent instanceof ArrayBuffer, typeof Buffer.alloc(1).offset]);
show('Buffer()', () => Buffer('abc'));
show('Buffer(n)', () => Buffer(3));
show('new Buffer', () => new Buffer([1, 2]));
show('Buffer(n, enc)', () => Buffer(3, 'utf8'));
show('SlowBuffer', () => require('buffer').SlowBuffer(3).length);
show('INSPECT_MAX_BYTES', () => require('buffer').INSPECT_MAX_BYTES);
show('keys', () => Object.keys(require('buffer')).sort());
