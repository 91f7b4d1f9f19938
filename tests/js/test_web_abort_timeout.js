'use strict';
// AbortSignal.timeout fires with a TimeoutError DOMException and does not keep the process alive;
// AbortSignal.any follows the first source to abort.
const assert = require('assert');

const s = AbortSignal.timeout(10);
let fired = false;
s.addEventListener('abort', (e) => {
  fired = true;
  assert.strictEqual(e.isTrusted, true);
  assert.strictEqual(s.reason.name, 'TimeoutError');
  assert.strictEqual(s.reason.code, 23);
});
const a = new AbortController();
const b = new AbortController();
const any = AbortSignal.any([a.signal, b.signal]);
b.abort('second');
assert.strictEqual(any.aborted, true);
assert.strictEqual(any.reason, 'second');
a.abort('first');
assert.strictEqual(any.reason, 'second');
// An unref'd timeout alone lets the process exit: this timer keeps it alive long enough.
setTimeout(() => {
  assert.ok(fired);
  AbortSignal.timeout(100000);
  console.log('ok');
}, 50);
