'use strict';
// Decoding a long text split at every possible byte boundary gives back the text.
const assert = require('assert');
const { StringDecoder } = require('string_decoder');

const text = 'aé€😀b'.repeat(50);
for (const enc of ['utf8', 'utf16le', 'base64', 'hex', 'latin1']) {
  const bytes = Buffer.from(text, enc === 'latin1' ? 'utf8' : 'utf8');
  const expected = enc === 'utf8' ? text : bytes.toString(enc === 'utf16le' ? 'utf16le' : enc);
  const source = enc === 'utf16le' ? Buffer.from(text, 'utf16le') : bytes;
  const want = enc === 'utf16le' ? text : expected;
  for (const size of [1, 2, 3, 5, 7]) {
    const d = new StringDecoder(enc);
    let out = '';
    for (let i = 0; i < source.length; i += size) out += d.write(source.subarray(i, i + size));
    out += d.end();
    assert.strictEqual(out, want, `${enc} in chunks of ${size}`);
  }
}
// A truncated character at the end becomes U+FFFD once.
const d = new StringDecoder('utf8');
assert.strictEqual(d.write(Buffer.from([0xf0, 0x9f])), '');
assert.strictEqual(d.end(), '\ufffd');
assert.strictEqual(d.end(), '');
console.log('ok');
