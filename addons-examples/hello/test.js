'use strict';
// Runs unchanged on nodus and on Node.js, against the same hello.node.
const assert = require('assert');
const path = require('path');
const addon = require(path.join(process.env.EXAMPLE_ADDON_DIR || path.join(__dirname, 'build'), 'hello.node'));

assert.strictEqual(addon.hello(), 'hello, world!');
assert.strictEqual(addon.hello('nodus'), 'hello, nodus!');
assert.throws(() => addon.hello(42), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
