'use strict';
// Brotli: streams compressed by Node 20's brotli decode here; every encoder parameter round
// trips; a stream flush makes what was written so far decodable; corrupt, truncated and
// oversized input give Node's errors; bad options give Node's errors.
const assert = require('assert');
const zlib = require('zlib');
const { expectCall } = require('./common');

const C = zlib.constants;
const text = 'Brotli from Node 20: ' +
  Array.from({ length: 12 }, (_, i) => `line ${i} of a small text, repeated words words words`).join('\n');

// Made by Node 20 (brotli 1.1.0): quality 9 in text mode, and quality 1 with a 1 KiB window.
const fromNode = [
  'G3kCAASe5vZ9JT36wudvlG5JnjAYHsgFEQcHYGO5WWBJGHEmgUOOWoBfcq+en9peUC8uvYUUDvZ6hYA+eHVh8pvnry2stMZhOOKEMy644oY7HniuRwXmAg==',
  'gzwBAICqqqrq/26XE8PdDqpqy3I0uNvhLgAqCqAAoiYGogJgRqFeyjZ65sMqDYjLGGOOHUGvy8vUpaKYNtyaGSmckPowArSA0BuJwPn3EcYvk3PGp5Z7egyzEaWS1CQ1Sy1Sq9QmtUsdUvEC8b8PDA==',
];
for (const b64 of fromNode) {
  assert.strictEqual(zlib.brotliDecompressSync(Buffer.from(b64, 'base64')).toString(), text);
  zlib.brotliDecompress(Buffer.from(b64, 'base64'), expectCall((err, out) => {
    assert.ifError(err);
    assert.strictEqual(out.toString(), text);
  }));
}

// Encoder parameters: each changes the output and still round trips.
const input = Buffer.from(text.repeat(40));
const packed = (params) => zlib.brotliCompressSync(input, { params });
const outputs = new Set();
for (const params of [
  {},
  { [C.BROTLI_PARAM_QUALITY]: 0 },
  { [C.BROTLI_PARAM_QUALITY]: 5, [C.BROTLI_PARAM_LGWIN]: 10 },
  { [C.BROTLI_PARAM_MODE]: C.BROTLI_MODE_TEXT, [C.BROTLI_PARAM_SIZE_HINT]: input.length },
  { [C.BROTLI_PARAM_QUALITY]: 11, [C.BROTLI_PARAM_LGBLOCK]: 16 },
  { [C.BROTLI_PARAM_LARGE_WINDOW]: true, [C.BROTLI_PARAM_LGWIN]: 24 },
]) {
  const out = packed(params);
  outputs.add(out.toString('base64'));
  const large = params[C.BROTLI_PARAM_LARGE_WINDOW] === true;
  // A large-window stream needs the decoder's large-window mode.
  const decoded = zlib.brotliDecompressSync(out, large ? { params: { [C.BROTLI_DECODER_PARAM_LARGE_WINDOW]: 1 } } : {});
  assert.ok(decoded.equals(input), JSON.stringify(params));
}
assert.ok(outputs.size >= 4, `${outputs.size} distinct outputs`);
// Quality 0 is the fastest and least dense setting.
assert.ok(packed({ [C.BROTLI_PARAM_QUALITY]: 0 }).length > packed({ [C.BROTLI_PARAM_QUALITY]: 11 }).length);
// Out-of-range values are brotli's to clamp, as in Node.
assert.ok(zlib.brotliDecompressSync(packed({ [C.BROTLI_PARAM_QUALITY]: 99 })).equals(input));
// Strings, empty input, and small output chunks.
assert.strictEqual(zlib.brotliDecompressSync(zlib.brotliCompressSync('abc')).toString(), 'abc');
assert.strictEqual(zlib.brotliDecompressSync(zlib.brotliCompressSync(Buffer.alloc(0))).length, 0);
assert.ok(zlib.brotliDecompressSync(packed({}), { chunkSize: 64 }).equals(input));
{
  const r = zlib.brotliCompressSync(input, { info: true });
  assert.ok(Buffer.isBuffer(r.buffer));
  assert.ok(r.engine instanceof zlib.BrotliCompress);
}

// Corrupt, truncated, trailing and oversized input.
const good = packed({});
assert.throws(() => zlib.brotliDecompressSync(Buffer.from('garbage')),
              { code: 'ERR__ERROR_FORMAT_PADDING_1', errno: -14, message: 'Decompression failed' });
assert.throws(() => zlib.brotliDecompressSync(good.subarray(0, 10)),
              { code: 'Z_BUF_ERROR', errno: -5, message: 'unexpected end of file' });
assert.throws(() => zlib.brotliDecompressSync(Buffer.alloc(0)), { code: 'Z_BUF_ERROR' });
// Bytes after the end of the stream are ignored, as in Node.
assert.ok(zlib.brotliDecompressSync(Buffer.concat([good, Buffer.from('xx')])).equals(input));
assert.throws(() => zlib.brotliDecompressSync(good, { maxOutputLength: 10 }),
              { code: 'ERR_BUFFER_TOO_LARGE', name: 'RangeError', message: 'Cannot create a Buffer larger than 10 bytes' });
// A truncated stream decoded with finishFlush FLUSH yields a prefix of the input, no error.
{
  const prefix = zlib.brotliDecompressSync(good.subarray(0, good.length >> 1), { finishFlush: C.BROTLI_OPERATION_FLUSH });
  assert.ok(prefix.length < input.length);
  assert.ok(input.subarray(0, prefix.length).equals(prefix));
}
zlib.brotliDecompress(good.subarray(0, 10), expectCall((err) => assert.strictEqual(err.code, 'Z_BUF_ERROR')));

// Option errors.
assert.throws(() => zlib.brotliCompressSync(input, { params: { 999: 1 } }),
              { code: 'ERR_BROTLI_INVALID_PARAM', name: 'RangeError', message: '999 is not a valid Brotli parameter' });
assert.throws(() => zlib.brotliCompressSync(input, { params: { [C.BROTLI_PARAM_QUALITY]: 'x' } }),
              { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
assert.throws(() => zlib.brotliCompressSync(input, { flush: 4 }),
              { code: 'ERR_OUT_OF_RANGE', message: /It must be >= 0 and <= 3\. Received 4/ });
assert.throws(() => zlib.brotliCompressSync(input, { chunkSize: 10 }),
              { code: 'ERR_OUT_OF_RANGE', message: /It must be >= 64\. Received 10/ });
assert.throws(() => zlib.brotliCompressSync(5), { code: 'ERR_INVALID_ARG_TYPE' });
// params that is not an object (a number) sets nothing, as in Node.
assert.ok(zlib.brotliDecompressSync(zlib.brotliCompressSync(input, { params: 5 })).equals(input));

// Streams: flush() makes the bytes written so far decodable before the stream ends.
{
  const enc = zlib.createBrotliCompress({ params: { [C.BROTLI_PARAM_QUALITY]: 4 } });
  const dec = zlib.createBrotliDecompress();
  enc.pipe(dec);
  const got = [];
  dec.on('data', (c) => got.push(c));
  enc.write('first half; ');
  enc.flush();
  dec.once('data', expectCall(() => {
    assert.strictEqual(Buffer.concat(got).toString(), 'first half; ');
    enc.end('second half');
  }));
  dec.on('end', expectCall(() => assert.strictEqual(Buffer.concat(got).toString(), 'first half; second half')));
}
// flush(kind, callback) with an explicit brotli operation.
{
  const enc = zlib.createBrotliCompress();
  const chunks = [];
  enc.on('data', (c) => chunks.push(c));
  enc.write(input);
  enc.flush(C.BROTLI_OPERATION_FLUSH, expectCall(() => {
    const sofar = Buffer.concat(chunks);
    assert.ok(sofar.length > 0);
    // What was flushed decodes to the whole input (the stream is not finished yet).
    const partial = zlib.brotliDecompressSync(sofar, { finishFlush: C.BROTLI_OPERATION_FLUSH });
    assert.ok(partial.equals(input));
    enc.end();
  }));
  enc.on('end', expectCall(() => assert.ok(zlib.brotliDecompressSync(Buffer.concat(chunks)).equals(input))));
}
