'use strict';
// Stream forms: chunked round trips (the work runs on the thread pool), byte-at-a-time input,
// flush() and params(), 'error' with Node's codes, bytesWritten, close().
const assert = require('assert');
const zlib = require('zlib');
const { Readable, pipeline } = require('stream');
const { expectCall, assertZlibError } = require('./common');

// Deterministic, moderately compressible data.
function makeData(size) {
  const out = Buffer.alloc(size);
  let x = 12345;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = 97 + ((x >> 16) % 8);
  }
  return out;
}
const data = makeData(1 << 20);

function collect(stream, cb) {
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  stream.on('end', () => cb(Buffer.concat(chunks)));
}

function chunksOf(buf, size) {
  const parts = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return parts;
}

for (const [C, D] of [['createGzip', 'createGunzip'], ['createDeflate', 'createInflate'],
                      ['createDeflateRaw', 'createInflateRaw'], ['createGzip', 'createUnzip'],
                      ['createBrotliCompress', 'createBrotliDecompress']]) {
  const out = zlib[D]();
  pipeline(Readable.from(chunksOf(data, 65536)), zlib[C]({ level: 6 }), out, expectCall((err) => {
    assert.ifError(err);
  }));
  collect(out, expectCall((result) => assert.ok(result.equals(data), `${C} | ${D}`)));
}

// One byte at a time into the decompressor.
{
  const packed = zlib.gzipSync('one byte at a time, please');
  const gunzip = zlib.createGunzip();
  collect(gunzip, expectCall((result) => {
    assert.strictEqual(result.toString(), 'one byte at a time, please');
    assert.strictEqual(gunzip.bytesWritten, packed.length);
  }));
  for (const byte of packed) gunzip.write(Buffer.from([byte]));
  gunzip.end();
}

// flush() makes what was written so far decodable; params() changes the level mid-stream.
{
  const deflate = zlib.createDeflate();
  const inflate = zlib.createInflate();
  deflate.pipe(inflate);
  const got = [];
  inflate.on('data', (c) => got.push(c));
  deflate.write('first part;');
  deflate.flush();
  // The flushed block reaches the inflater before any more input is written.
  inflate.once('data', expectCall(() => {
    assert.strictEqual(Buffer.concat(got).toString(), 'first part;');
    deflate.params(9, zlib.constants.Z_DEFAULT_STRATEGY, expectCall(() => {
      deflate.end(' second part');
    }));
  }));
  inflate.on('end', expectCall(() => {
    assert.strictEqual(Buffer.concat(got).toString(), 'first part; second part');
  }));
}

// Corrupt input: 'error' with Node's code and errno, and the stream is destroyed.
{
  const gunzip = zlib.createGunzip();
  gunzip.on('error', expectCall((err) => {
    assertZlibError(err, 'Z_DATA_ERROR', -3, 'incorrect header check');
    assert.ok(gunzip.destroyed);
  }));
  gunzip.end(Buffer.from('this is not gzip data'));
}
{
  const gunzip = zlib.createGunzip();
  gunzip.on('error', expectCall((err) => assertZlibError(err, 'Z_BUF_ERROR', -5, 'unexpected end of file')));
  gunzip.resume();
  gunzip.end(zlib.gzipSync(data).subarray(0, 1000));
}
{
  const dec = zlib.createBrotliDecompress();
  dec.on('error', expectCall((err) => assert.strictEqual(err.code, 'ERR__ERROR_FORMAT_PADDING_1')));
  dec.end(Buffer.from('garbage'));
}

// close() before anything is written.
{
  const gz = zlib.createGzip();
  gz.close(expectCall(() => assert.ok(gz._closed)));
}

// Stream classes work without `new` and as constructors.
assert.ok(zlib.Gzip() instanceof zlib.Gzip);
assert.ok(new zlib.Inflate() instanceof require('stream').Transform);
