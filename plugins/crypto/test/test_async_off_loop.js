'use strict';
// The callback forms run on the thread pool: while a long derivation or key generation is in
// flight, the loop keeps turning (a timer fires before the work completes).
const assert = require('assert');
const crypto = require('crypto');
const { expectCall } = require('./common');

const events = [];
const timer = setInterval(() => events.push('tick'), 1);

let pending = 2;
function done() {
  if (--pending === 0) {
    clearInterval(timer);
    assert.ok(events.indexOf('tick') < events.indexOf('scrypt'), events.join(','));
    assert.ok(events.indexOf('tick') < events.indexOf('pbkdf2'), events.join(','));
  }
}

// Each takes a few hundred milliseconds of CPU.
crypto.scrypt('password', 'salt', 32, { N: 2 ** 16, r: 8, p: 1, maxmem: 256 * 1024 * 1024 },
              expectCall((err, key) => {
                assert.ifError(err);
                assert.strictEqual(key.length, 32);
                events.push('scrypt');
                done();
              }));
crypto.pbkdf2('password', 'salt', 300000, 32, 'sha256', expectCall((err, key) => {
  assert.ifError(err);
  assert.strictEqual(key.length, 32);
  events.push('pbkdf2');
  done();
}));
// The synchronous call site returned before any of the work ran.
assert.deepStrictEqual(events, []);
