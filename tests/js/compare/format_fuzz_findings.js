'use strict';
// Inputs the util.format fuzzer (tests/fuzz/js/fuzz_format.js) found where nodus and Node
// disagreed; compared against Node.
const util = require('util');
console.log(util.format('st%s%led %s', Buffer.from('hi'), 'x'));  // a Buffer's own toString
console.log(util.format('%s', new URL('http://a.test/p')));
console.log(util.format('%s', new TextEncoder()));
console.log(util.format('%s|%s', new Map([[1, 2]]), new Date(0)));
console.log(util.inspect(Buffer.from('ab'), { showHidden: true }));
// numericSeparator reaches %s, %d, %i and %f (and -0 is then '0', as Node prints it).
console.log(util.formatWithOptions({ numericSeparator: true }, '%s|%d|%i|%f|%s|%d', -0, 1234567,
  2 ** 53, 1234567.5, 12345n, -1234.25));
console.log(util.formatWithOptions({ numericSeparator: false }, '%s|%d', -0, 1234567));
// A Symbol.toPrimitive of the program's own makes %s use String(); Date's does not.
class P { [Symbol.toPrimitive]() { return 'prim'; } }
const o = { [Symbol.toPrimitive]() { return 7; } };
const np = Object.create(null);
np[Symbol.toPrimitive] = () => 'np';
console.log(util.format('%s|%s|%s|%s|%s', new Date(0), o, new P(), np, Object.assign(Object.create(o), { a: 1 })));
console.log(util.format('%s|%s', { valueOf() { return 3; } }, { [Symbol.toPrimitive]: 5 }));
