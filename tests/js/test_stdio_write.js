'use strict';
// process.stdout/stderr are Writable streams whatever fd 1 is (a pipe under ctest): callbacks
// run, large writes arrive whole, end() does not close the descriptor.
const assert = require('assert');
const { Writable } = require('stream');

assert.ok(process.stdout instanceof Writable);
assert.ok(process.stderr instanceof Writable);
assert.strictEqual(process.stdout.fd, 1);
assert.strictEqual(process.stderr.fd, 2);
assert.strictEqual(typeof process.stdin.on, 'function');
assert.strictEqual(process.stdin.fd, 0);
let calls = 0;
process.stdout.write('first line\n', () => calls++);
process.stdout.write(Buffer.from('second line\n'), () => calls++);
process.stdout.write('x'.repeat(200000) + '\n', 'utf8', () => calls++);
process.stdout.write('6869210a', 'hex', () => calls++);
setTimeout(() => {
  assert.strictEqual(calls, 4);
  console.log('ok');
}, 100);
