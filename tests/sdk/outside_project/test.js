'use strict';
// Run by the installed runtime with the outside plugin swapped in via --plugin.
const assert = require('assert');
const path = require('path');
const addon = require(path.join(process.argv[2], 'outside_addon.node'));
assert.strictEqual(addon.add(2, 3), 5);
assert.throws(() => addon.add('x'), { code: 'EARGS', name: 'TypeError' });
const greeting = require('outside_greeting');
assert.strictEqual(greeting.greet('sdk'), 'HELLO, SDK');
assert.strictEqual(process.versions.outside_greeting, '2.3.4');
console.log('outside addon and plugin ok');
