'use strict';
// Sync and callback forms of every format: round trips, output made by Node 20 and by the gzip
// command-line tool, options (level, windowBits, memLevel, strategy, dictionary, finishFlush,
// maxOutputLength) and Node's errors on corrupt input.
const assert = require('assert');
const zlib = require('zlib');
const { expectCall, assertZlibError } = require('./common');

const text = 'Node 20 wrote this line. '.repeat(20);
const input = Buffer.from('hello hello hello hello world '.repeat(200));

const pairs = [
  ['gzip', 'gunzip'], ['deflate', 'inflate'], ['deflateRaw', 'inflateRaw'], ['gzip', 'unzip'],
  ['deflate', 'unzip'], ['brotliCompress', 'brotliDecompress'],
];
for (const [c, d] of pairs) {
  const packed = zlib[`${c}Sync`](input);
  assert.ok(packed.length < input.length / 10, c);
  assert.ok(zlib[`${d}Sync`](packed).equals(input), `${c} -> ${d}`);
  // Strings, typed arrays, DataViews and ArrayBuffers are accepted.
  assert.strictEqual(zlib[`${d}Sync`](zlib[`${c}Sync`]('abc')).toString(), 'abc');
  const u8 = new Uint8Array(input);
  assert.ok(zlib[`${d}Sync`](zlib[`${c}Sync`](new DataView(u8.buffer))).equals(input));
  assert.ok(zlib[`${d}Sync`](zlib[`${c}Sync`](u8.buffer)).equals(input));
  assert.strictEqual(zlib[`${d}Sync`](zlib[`${c}Sync`]('')).length, 0);
  zlib[c](input, expectCall((err, out) => {
    assert.ifError(err);
    zlib[d](out, {}, expectCall((err2, back) => {
      assert.ifError(err2);
      assert.ok(back.equals(input), `${c} -> ${d} (callback)`);
    }));
  }));
}

// Output of Node 20 decodes to its input.
const b64 = (s) => Buffer.from(s, 'base64');
assert.strictEqual(zlib.gunzipSync(b64('H4sIAAAAAAAAA/PLT0lVMDJQKC/KL0lVKMnILFbIycxL1VPwG5UYrhIAyQwyLvQBAAA=')).toString(), text);
assert.strictEqual(zlib.inflateSync(b64('eNrzy09JVTAyUCgvyi9JVSjJyCxWyMnMS9VT8BuVGK4SAAsMpY0=')).toString(), text);
assert.strictEqual(zlib.inflateRawSync(b64('88tPSVUwMlAoL8ovSVUoycgsVsjJzEvVU/AblRiuEgA=')).toString(), text);
assert.strictEqual(zlib.brotliDecompressSync(b64('G/MB+I2UqtOrhpFxepMgZGUpyCyENQp4vDOTdpMItH6uBA==')).toString(), text);
assert.strictEqual(zlib.inflateSync(b64('eLswbwXxS0HlggkAUsAHqw=='), { dictionary: Buffer.from('dictionary data') }).toString(),
                   'dictionary data data');
// Same zlib settings as Node: the same bytes for small inputs.
assert.strictEqual(zlib.gzipSync('abc').toString('hex'), '1f8b08000000000000034b4c4a0600c241243503000000');
assert.strictEqual(zlib.deflateSync('abc', { level: 9 }).toString('hex'), '78da4b4c4a0600024d0127');
// `gzip -c` of a file holding "The quick brown fox" (a header with a file name).
assert.strictEqual(zlib.gunzipSync(Buffer.from(
  '1f8b0808e324096b0003666f782e747874000bc94855282ccd4cce56482aca2fcf5348cbaf0000de7445b713000000',
  'hex')).toString(), 'The quick brown fox');

// Concatenated gzip members, zero padding after them.
assert.strictEqual(zlib.gunzipSync(Buffer.concat([zlib.gzipSync('ab'), zlib.gzipSync('cd'), Buffer.alloc(4)])).toString(),
                   'abcd');

// Options.
for (const level of [0, 1, 9, -1]) {
  assert.ok(zlib.inflateSync(zlib.deflateSync(input, { level })).equals(input));
}
assert.ok(zlib.deflateSync(input, { level: 0 }).length > input.length);
for (const strategy of [1, 2, 3, 4]) {
  assert.ok(zlib.gunzipSync(zlib.gzipSync(input, { strategy, memLevel: 9, windowBits: 9 })).equals(input));
}
assert.ok(zlib.inflateRawSync(zlib.deflateRawSync(input, { windowBits: 10 }), { windowBits: 10 }).equals(input));
{
  const dictionary = Buffer.from('hello world');
  const packed = zlib.deflateSync(input, { dictionary });
  assert.ok(zlib.inflateSync(packed, { dictionary }).equals(input));
  assert.throws(() => zlib.inflateSync(packed), (e) => {
    assertZlibError(e, 'Z_NEED_DICT', 2, 'Missing dictionary');
    return true;
  });
  assert.throws(() => zlib.inflateSync(packed, { dictionary: Buffer.from('other') }), (e) => {
    assertZlibError(e, 'Z_NEED_DICT', 2, 'Bad dictionary');
    return true;
  });
  const raw = zlib.deflateRawSync(input, { dictionary });
  assert.ok(zlib.inflateRawSync(raw, { dictionary }).equals(input));
}
{
  const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length };
  assert.ok(zlib.brotliDecompressSync(zlib.brotliCompressSync(input, { params })).equals(input));
}
// A partial stream comes out as far as it goes with a non-finishing flush.
assert.strictEqual(zlib.inflateSync(zlib.deflateSync('hello').subarray(0, 5),
                                    { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString(), 'he');
assert.throws(() => zlib.gunzipSync(zlib.gzipSync(input), { maxOutputLength: 100 }),
              { code: 'ERR_BUFFER_TOO_LARGE', name: 'RangeError', message: 'Cannot create a Buffer larger than 100 bytes' });
zlib.gunzip(zlib.gzipSync(input), { maxOutputLength: 100 }, expectCall((err) => {
  assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
}));

// Corrupt and truncated input.
const corrupt = [
  ['gunzipSync', Buffer.from('garbage'), 'Z_DATA_ERROR', -3, 'incorrect header check'],
  ['inflateSync', Buffer.from('garbage'), 'Z_DATA_ERROR', -3, 'incorrect header check'],
  ['inflateRawSync', Buffer.from('garbage'), 'Z_DATA_ERROR', -3, 'invalid block type'],
  ['gunzipSync', zlib.gzipSync('hello').subarray(0, 10), 'Z_BUF_ERROR', -5, 'unexpected end of file'],
  ['gunzipSync', Buffer.concat([zlib.gzipSync('ab'), Buffer.from('xx')]), 'Z_DATA_ERROR', -3, 'incorrect header check'],
  ['brotliDecompressSync', Buffer.from('garbage'), 'ERR__ERROR_FORMAT_PADDING_1', -14, 'Decompression failed'],
  ['brotliDecompressSync', zlib.brotliCompressSync('hello world').subarray(0, 5), 'Z_BUF_ERROR', -5, 'unexpected end of file'],
];
for (const [fn, data, code, errno, message] of corrupt) {
  assert.throws(() => zlib[fn](data), (e) => {
    assertZlibError(e, code, errno, message);
    return true;
  }, fn);
}
{
  const damaged = zlib.gzipSync(input);
  damaged[damaged.length - 6] ^= 0xff;  // the CRC
  assert.throws(() => zlib.gunzipSync(damaged), (e) => {
    assertZlibError(e, 'Z_DATA_ERROR', -3, 'incorrect data check');
    return true;
  });
}
zlib.gunzip(Buffer.from('bad input'), expectCall((err, out) => {
  assertZlibError(err, 'Z_DATA_ERROR', -3, 'incorrect header check');
  assert.strictEqual(out, undefined);
}));

// Option checks.
assert.throws(() => zlib.gzipSync('x', { level: 42 }), {
  code: 'ERR_OUT_OF_RANGE', name: 'RangeError',
  message: 'The value of "options.level" is out of range. It must be >= -1 and <= 9. Received 42',
});
assert.throws(() => zlib.gzipSync('x', { windowBits: 3 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.gzipSync('x', { chunkSize: 3 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.gzipSync('x', { level: 'high' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => zlib.gzipSync('x', { dictionary: 3 }), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
assert.throws(() => zlib.gzipSync(3), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => zlib.gzip('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// crc32 and constants.
assert.strictEqual(zlib.crc32('The quick brown fox jumps over the lazy dog'), 1095738169);
assert.strictEqual(zlib.crc32('hello'), 907060870);
assert.strictEqual(zlib.crc32('hello', 5), 4277152246);
assert.strictEqual(zlib.crc32(Buffer.from('lo'), zlib.crc32('hel')), zlib.crc32('hello'));
assert.strictEqual(zlib.constants.Z_BEST_COMPRESSION, 9);
assert.strictEqual(zlib.constants.BROTLI_PARAM_QUALITY, 1);
assert.strictEqual(zlib.Z_SYNC_FLUSH, 2);
assert.strictEqual(zlib.codes.Z_DATA_ERROR, -3);
assert.strictEqual(zlib.codes['-3'], 'Z_DATA_ERROR');
assert.strictEqual(typeof process.versions.zlib, 'string');
assert.strictEqual(typeof process.versions.brotli, 'string');
