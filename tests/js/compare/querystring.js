'use strict';
// querystring.parse/stringify/escape/unescape; compared against Node.
const qs = require('querystring');
const util = require('util');

const parseCases = [
  'a=1&b=2', 'a=1&a=2&a=3', 'a&b=&=c&&d=e=f', 'a+b=c+d', 'x=%E2%82%AC&y=%zz&z=%', '%', '=', '&', '&&a', 'a=1;b=2',
  'foo=bar&baz', '__proto__=1&constructor=2', 'a[]=1&a[]=2', 'k=%F0%9F%98%80', 'bad=%E2%82', 'q=a%20b%2Bc',
];
for (const c of parseCases) console.log(JSON.stringify(c), util.inspect(qs.parse(c)));
console.log(util.inspect(qs.parse('a:1;b:2', ';', ':')));
console.log(util.inspect(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })));
console.log(util.inspect(qs.parse('a=%41', null, null, { decodeURIComponent: (s) => s.toLowerCase() })));
console.log(util.inspect(qs.parse('a==1&b=x==', '&', '==')));

const objs = [
  { a: 1, b: 'two', c: [3, 4], d: true, e: null, f: undefined, g: {}, h: [], i: 1e21, j: 10n, k: NaN },
  { 'sp ace': 'ü€😀', "!'()*~": '-._' }, { x: ['', 'y'] },
];
for (const o of objs) console.log(qs.stringify(o));
console.log(qs.stringify({ a: 'b c' }, ';', ':'), qs.stringify({ a: 'x' }, null, null, { encodeURIComponent: (s) => `<${s}>` }));
console.log(qs.stringify('str'), qs.stringify(null), qs.encode({ z: 1 }));
console.log(qs.escape('a b&c/ü'), qs.escape(5), qs.unescape('a%20b+c'), qs.unescape('%E2%82%zz'), qs.unescapeBuffer('a+b%41', true).toString());
try { qs.escape('\ud800'); } catch (e) { console.log(e.name, e.code, e.message); }
