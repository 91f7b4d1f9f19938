'use strict';
// zlib's callback and stream forms run on the thread pool: the loop turns while a large input
// is being compressed.
const assert = require('assert');
const zlib = require('zlib');
const { expectCall } = require('./common');

const input = Buffer.alloc(24 * 1024 * 1024);
for (let i = 0; i < input.length; i += 4) input.writeUInt32LE((i * 2654435761) >>> 0, i);

const events = [];
const timer = setInterval(() => events.push('tick'), 1);
zlib.gzip(input, { level: 9 }, expectCall((err, packed) => {
  assert.ifError(err);
  events.push('gzip');
  clearInterval(timer);
  assert.ok(events.indexOf('tick') < events.indexOf('gzip'), events.join(','));
  assert.ok(zlib.gunzipSync(packed).equals(input));
}));
assert.deepStrictEqual(events, []);
