'use strict';
// Flushing deflate streams: each flush kind makes the bytes written so far decodable while the
// stream stays open (Z_FULL_FLUSH also resets the dictionary, so a raw inflater can start at
// the flush point); flush() keeps the order of pending writes; finishFlush decodes a truncated
// stream as far as it goes.
const assert = require('assert');
const zlib = require('zlib');
const { expectCall } = require('./common');

const C = zlib.constants;
const part1 = Buffer.from('the first part of the stream, '.repeat(20));
const part2 = Buffer.from('and then the second part. '.repeat(20));

// For each kind, the output up to the flush decodes (as a truncated stream) to part 1.
for (const [kind, name] of [[C.Z_SYNC_FLUSH, 'sync'], [C.Z_FULL_FLUSH, 'full'], [C.Z_PARTIAL_FLUSH, 'partial']]) {
  const deflate = zlib.createDeflateRaw();
  const chunks = [];
  deflate.on('data', (c) => chunks.push(c));
  deflate.write(part1);
  deflate.flush(kind, expectCall(() => {
    const head = Buffer.concat(chunks);
    const decoded = zlib.inflateRawSync(head, { finishFlush: C.Z_SYNC_FLUSH });
    assert.ok(decoded.equals(part1), name);
    const mark = head.length;
    deflate.end(part2);
    deflate.on('end', expectCall(() => {
      const all = Buffer.concat(chunks);
      assert.ok(zlib.inflateRawSync(all).equals(Buffer.concat([part1, part2])), name);
      if (kind === C.Z_FULL_FLUSH) {
        // Nothing after a full flush refers back before it.
        assert.ok(zlib.inflateRawSync(all.subarray(mark)).equals(part2));
      }
    }));
  }));
}

// flush() with nothing written, then data: the stream still round trips.
{
  const gzip = zlib.createGzip();
  const chunks = [];
  gzip.on('data', (c) => chunks.push(c));
  gzip.flush(expectCall(() => gzip.end(part1)));
  gzip.on('end', expectCall(() => assert.ok(zlib.gunzipSync(Buffer.concat(chunks)).equals(part1))));
}

// A flush queued behind writes runs after them: its callback sees all of them in the output.
{
  const deflate = zlib.createDeflate();
  const chunks = [];
  deflate.on('data', (c) => chunks.push(c));
  for (let i = 0; i < 5; i++) deflate.write(`write ${i}; `);
  deflate.flush(C.Z_SYNC_FLUSH, expectCall(() => {
    const sofar = zlib.inflateSync(Buffer.concat(chunks), { finishFlush: C.Z_SYNC_FLUSH });
    assert.strictEqual(sofar.toString(), 'write 0; write 1; write 2; write 3; write 4; ');
    deflate.end();
  }));
  deflate.on('end', expectCall(() => {
    assert.strictEqual(zlib.inflateSync(Buffer.concat(chunks)).toString(),
                       'write 0; write 1; write 2; write 3; write 4; ');
  }));
}

// The default flush kind can be set per stream: every write is decodable at once.
{
  const gzip = zlib.createGzip({ flush: C.Z_SYNC_FLUSH });
  const gunzip = zlib.createGunzip();
  gzip.pipe(gunzip);
  gzip.write('ping');
  gunzip.once('data', expectCall((c) => {
    assert.strictEqual(c.toString(), 'ping');
    gzip.end();
  }));
  gunzip.on('end', expectCall(() => {}));
}

// finishFlush: a truncated stream decodes as far as it goes instead of failing.
{
  const whole = zlib.gzipSync(Buffer.concat([part1, part2]));
  const cut = whole.subarray(0, whole.length - 20);
  assert.throws(() => zlib.gunzipSync(cut), { code: 'Z_BUF_ERROR', errno: -5, message: 'unexpected end of file' });
  const prefix = zlib.gunzipSync(cut, { finishFlush: C.Z_SYNC_FLUSH });
  assert.ok(prefix.length > 0);
  assert.ok(Buffer.concat([part1, part2]).subarray(0, prefix.length).equals(prefix));
  zlib.gunzip(cut, { finishFlush: C.Z_SYNC_FLUSH }, expectCall((err, out) => {
    assert.ifError(err);
    assert.ok(out.equals(prefix));
  }));
  // The same through a stream, ended early.
  const gunzip = zlib.createGunzip({ finishFlush: C.Z_SYNC_FLUSH });
  const chunks = [];
  gunzip.on('data', (c) => chunks.push(c));
  gunzip.on('end', expectCall(() => assert.ok(Buffer.concat(chunks).equals(prefix))));
  gunzip.on('error', () => assert.fail('no error expected'));
  gunzip.end(cut);
}

// Bad flush kinds.
assert.throws(() => zlib.createDeflate({ finishFlush: 6 }), { code: 'ERR_OUT_OF_RANGE', message: /<= 5\. Received 6/ });
assert.throws(() => zlib.createDeflate({ flush: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
