'use strict';
// CompressionStream / DecompressionStream (globals and stream/web): round trips in each format,
// interoperability with zlib, bad input, and format validation.
const assert = require('assert');
const zlib = require('zlib');
const web = require('stream/web');

assert.strictEqual(globalThis.CompressionStream, web.CompressionStream);
assert.strictEqual(globalThis.DecompressionStream, web.DecompressionStream);
for (const bad of ['foo', undefined, 'GZIP', 5]) {
  assert.throws(() => new CompressionStream(bad), { code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError' });
  assert.throws(() => new DecompressionStream(bad), { code: 'ERR_INVALID_ARG_VALUE' });
}
assert.throws(() => new CompressionStream('foo'), { message: "The argument 'format' is invalid. Received 'foo'" });
const cs = new CompressionStream('gzip');
assert.strictEqual(Object.prototype.toString.call(cs), '[object CompressionStream]');
assert.ok(cs.readable instanceof ReadableStream);
assert.ok(cs.writable instanceof WritableStream);
assert.deepStrictEqual(Object.getOwnPropertyNames(CompressionStream.prototype), ['constructor', 'readable', 'writable']);
assert.throws(() => Object.getOwnPropertyDescriptor(CompressionStream.prototype, 'readable').get.call({}),
  { code: 'ERR_INVALID_THIS' });

async function collect(readable) {
  const chunks = [];
  for await (const chunk of readable) {
    assert.ok(chunk instanceof Uint8Array);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const unzipSync = { 'gzip': zlib.gunzipSync, 'deflate': zlib.inflateSync, 'deflate-raw': zlib.inflateRawSync };
const zipSync = { 'gzip': zlib.gzipSync, 'deflate': zlib.deflateSync, 'deflate-raw': zlib.deflateRawSync };

(async () => {
  const text = 'hello compression '.repeat(5000);
  for (const format of ['gzip', 'deflate', 'deflate-raw']) {
    const compressed = await collect(new Blob([text]).stream().pipeThrough(new CompressionStream(format)));
    assert.ok(compressed.length < text.length / 10, format);
    assert.strictEqual(unzipSync[format](compressed).toString(), text);
    const back = await collect(new Blob([zipSync[format](text)]).stream().pipeThrough(new DecompressionStream(format)));
    assert.strictEqual(back.toString(), text);
    // Written chunk by chunk through the writer.
    const pair = new CompressionStream(format);
    const writer = pair.writable.getWriter();
    const result = collect(pair.readable);
    for (let i = 0; i < 10; i++) await writer.write(new TextEncoder().encode(`part ${i};`));
    await writer.close();
    assert.strictEqual(unzipSync[format](await result).toString(), Array.from({ length: 10 }, (_, i) => `part ${i};`).join(''));
  }
  // Corrupt input errors the readable side.
  const bad = new Blob([new Uint8Array([1, 2, 3, 4])]).stream().pipeThrough(new DecompressionStream('gzip'));
  await assert.rejects(collect(bad), { code: 'Z_DATA_ERROR' });
  console.log('ok');
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
