'use strict';
// Run by the installed runtime with the outside plugin swapped in via --plugin.
const assert = require('assert');
const path = require('path');
const addon = require(path.join(process.argv[2], 'outside_addon.node'));
assert.strictEqual(addon.add(2, 3), 5);
assert.throws(() => addon.add('x'), { code: 'EARGS', name: 'TypeError' });

// The C++17 addon built on nodus/napi_helpers.h.
const helpers = require(path.join(process.argv[2], 'outside_helpers.node'));
const counter = new helpers.Counter(40);
assert.strictEqual(counter.add(2), 42);
assert.strictEqual(counter.add(), 43);
assert.strictEqual(helpers.addTo.call(counter, 1), 44);
assert.throws(() => helpers.addTo.call({}, 1), { code: 'ERR_INVALID_THIS', name: 'TypeError' });
assert.strictEqual(helpers.describe({ name: 'ab', n: 7, on: 1 }), 'name:ab fits4:yes n:7 on:yes missing:yes');
assert.strictEqual(helpers.describe({ name: 'abcdef', n: 'x', missing: 0 }), 'name:abcdef fits4:no n:-1 on:no missing:no');
assert.strictEqual(helpers.describe(null), 'name:- fits4:no n:-1 on:no missing:yes');
assert.strictEqual(helpers.big, 2 ** 40);

const greeting = require('outside_greeting');
assert.strictEqual(greeting.greet('sdk'), 'HELLO, SDK');
assert.strictEqual(process.versions.outside_greeting, '2.3.4');
console.log('outside addon and plugin ok');
