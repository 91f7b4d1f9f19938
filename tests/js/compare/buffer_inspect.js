'use strict';
// How Buffers print: console.log and util.inspect, INSPECT_MAX_BYTES, extra properties.
const buffer = require('buffer');
const util = require('util');
const { Buffer } = buffer;
console.log(Buffer.from('hi'));
console.log(Buffer.alloc(0));
console.log(Buffer.alloc(60, 1));
console.log(Buffer.alloc(51, 2));
console.log([Buffer.from('a'), { b: Buffer.from('bc') }]);
const x = Buffer.from('xyz');
x.extra = 1;
x.more = 'two';
console.log(x);
console.log(util.inspect(x, { showHidden: false }));
const e = Buffer.alloc(0);
e.prop = true;
console.log(e);
buffer.INSPECT_MAX_BYTES = 3;
console.log(Buffer.from('abcdef'));
buffer.INSPECT_MAX_BYTES = 50;
console.log(util.inspect(Buffer.from('nested'), { depth: 0 }));
console.log(String(Buffer.from('to string')), `${Buffer.from([0x41])}`);
console.log(Buffer.from('é').toLocaleString());
console.log(Object.prototype.toString.call(Buffer.alloc(1)));
console.log(Buffer.name, Buffer.length, typeof Buffer.prototype.inspect);
try {
  buffer.INSPECT_MAX_BYTES = -1;
} catch (err) {
  console.log(err.code, err.message);
}
