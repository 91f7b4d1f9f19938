'use strict';
// A fast producer piped into a slow consumer never buffers much beyond the high-water marks,
// and every byte arrives in order.
const assert = require('assert');
const { Readable, Writable, pipeline, Transform } = require('stream');

let produced = 0;
const total = 2 * 1024 * 1024;
const chunk = Buffer.alloc(4096, 'x');
let maxBuffered = 0;
const src = new Readable({
  highWaterMark: 16384,
  read() {
    if (produced >= total) return this.push(null);
    produced += chunk.length;
    this.push(chunk);
  },
});
let received = 0;
const sink = new Writable({
  highWaterMark: 16384,
  write(c, enc, cb) {
    received += c.length;
    maxBuffered = Math.max(maxBuffered, src.readableLength + this.writableLength);
    setTimeout(cb, 0);
  },
});
const upper = new Transform({ transform(c, e, cb) { cb(null, c); } });
pipeline(src, upper, sink, (err) => {
  assert.ifError(err);
  assert.strictEqual(received, total);
  assert.ok(maxBuffered <= 64 * 1024, `buffered ${maxBuffered}`);
  console.log('ok');
});
