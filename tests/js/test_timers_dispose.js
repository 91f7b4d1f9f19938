'use strict';
// Symbol.dispose / Symbol.asyncDispose exist as in Node 20 (registered symbols), and timers,
// immediates and addAbortListener's result can be disposed.
const assert = require('assert');
const { addAbortListener } = require('events');

assert.strictEqual(typeof Symbol.dispose, 'symbol');
assert.strictEqual(Symbol.dispose, Symbol.for('nodejs.dispose'));
assert.strictEqual(Symbol.asyncDispose, Symbol.for('nodejs.asyncDispose'));
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(Symbol, 'dispose'),
  { value: Symbol.dispose, writable: false, enumerable: false, configurable: false });

let ran = [];
const t = setTimeout(() => ran.push('timeout'), 1);
t[Symbol.dispose]();
const iv = setInterval(() => ran.push('interval'), 1);
iv[Symbol.dispose]();
const im = setImmediate(() => ran.push('immediate'));
im[Symbol.dispose]();
assert.strictEqual(im._destroyed, true);
setImmediate(() => ran.push('kept'));

const ac = new AbortController();
const disposable = addAbortListener(ac.signal, () => ran.push('abort'));
disposable[Symbol.dispose]();
ac.abort();

setTimeout(() => {
  assert.deepStrictEqual(ran, ['kept']);
  assert.strictEqual(t._destroyed, true);
  console.log('ok');
}, 20);
