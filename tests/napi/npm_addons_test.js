'use strict';
// The prebuilt Node-API binaries inside the npm packages bufferutil, utf-8-validate (C) and
// @node-rs/xxhash (Rust, napi-rs) load unmodified and work. Run by npm_addons_test.sh from the
// folder npm installed them into.
const assert = require('assert');
const path = require('path');
const gypBuild = require('node-gyp-build');

const root = process.argv[2];
for (const pkg of ['bufferutil', 'utf-8-validate']) {
  const file = gypBuild.resolve(path.join(root, 'node_modules', pkg));
  assert.ok(file.includes(`${path.sep}prebuilds${path.sep}`), `${pkg}: ${file} is not the prebuilt binary`);
}
const bufferutil = gypBuild(path.join(root, 'node_modules', 'bufferutil'));
const isValidUTF8 = gypBuild(path.join(root, 'node_modules', 'utf-8-validate'));

const data = Buffer.from('The quick brown fox jumps over the lazy dog, masked by a websocket.');
const mask = Buffer.from([0x6d, 0xb6, 0xb2, 0x80]);
const masked = Buffer.alloc(data.length + 3);
bufferutil.mask(data, mask, masked, 3, data.length);
for (let i = 0; i < data.length; i++) assert.strictEqual(masked[i + 3], data[i] ^ mask[i & 3]);
const roundTrip = Buffer.from(masked.subarray(3));
bufferutil.unmask(roundTrip, mask);
assert.deepStrictEqual(roundTrip, data);

assert.strictEqual(isValidUTF8(Buffer.from('héllo wörld ✓ 😀')), true);
assert.strictEqual(isValidUTF8(Buffer.from([0xed, 0xa0, 0x80])), false, 'surrogate');
assert.strictEqual(isValidUTF8(Buffer.from([0xc3])), false, 'truncated');
assert.strictEqual(isValidUTF8(new Uint8Array(0)), true);

// napi-rs: functions, BigInt results, and a class with native state.
const { xxh32, xxh64, Xxh64 } = require(path.join(root, 'node_modules', '@node-rs', 'xxhash'));
assert.strictEqual(xxh32('hello'), 4211111929);
assert.strictEqual(xxh64('hello'), 2794345569481354659n);
assert.strictEqual(xxh64(Buffer.from('hello')), 2794345569481354659n);
const hasher = new Xxh64();
hasher.update('hel');
hasher.update('lo');
assert.strictEqual(hasher.digest(), 2794345569481354659n);
