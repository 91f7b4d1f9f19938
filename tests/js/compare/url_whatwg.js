'use strict';
// WHATWG URL parsing, serialization, setters and URLSearchParams; compared against Node.
const { URL, URLSearchParams } = require('url');
const util = require('util');

const inputs = [
  ['http://example.com'], ['HTTP://EXAMPLE.COM:80/a/../b/./c?q=1#f'], ['https://user:pa ss@host:8443/p%20a th?x y#z w'],
  ['http://[::1]:3000/'], ['http://[2001:db8::ff00:42:8329]/'], ['http://[::ffff:192.168.0.1]/'], ['http://[1:0:0:2::3:0]/'],
  ['http://0x7f.1/'], ['http://192.168.257/'], ['http://4294967295/'], ['http://4294967296/'], ['http://1.2.3.4.5/'], ['http://08/'],
  ['http://ex ample.com/'], ['http://exa%41mple.com/'], ['http://münchen.de/'], ['http://xn--mnchen-3ya.de/'], ['http://EXAMPLE.com./'],
  ['file:///etc/passwd'], ['file://localhost/x'], ['file://host/share/f'], ['file:///C:/x/../y'], ['file:c:\\x\\y'], ['file:/a/b'],
  ['mailto:someone@example.com'], ['javascript:alert(1)'], ['data:text/plain,hi there'], ['urn:isbn:0451450523'],
  ['foo://bar/baz?q#h'], ['foo:/x'], ['foo:'], ['sc://ñ/'], ['sc://%/'], ['blob:https://a.com/uuid'],
  ['//x/y', 'http://base/'], ['/x', 'http://base/a/b'], ['x', 'http://base/a/b'], ['../x', 'http://base/a/b/c'], ['?q', 'http://base/a?b#c'],
  ['#h', 'http://base/a?b'], ['', 'http://base/a?b#c'], ['http:x', 'http://base/a'], ['https:x', 'http://base/a'], ['\\x\\y', 'http://base/a'],
  ['  http://trim.me/  '], ['ht\ttp://ta\nb/'], ['http://a/%2e%2E/b'], ['http://a/b/%2e'], ['http://a:99999/'], ['http://a:0080/'],
  ['https://a:443/'], ['ws://a:80/'], ['http://@host/'], ['http://user@/'], ['http://:pass@host/'], ['http://a@b@c/'],
  ['http://a/b?c=d&e=f g'], ["http://a/'quote'?'q'"], ['http://a/`{}`'], ['non-special://a/`{}`?`\'`'], ['http://a/\u00e9?\u00e9#\u00e9'],
  ['notaurl'], ['http://'], ['http://[::1/'], ['http://a b/'], ['http://a%00b/'], ['file:///C|/x'], ['file://C:/x'], ['http://1.2.3.4.5.6/'],
  ['http://%30/'], ['http://a.b.c.0x10/'], ['http://0..0x300/'], ['non-special:///a/../b'], ['non-special:/.//x'], ['a:/..//b'],
];
for (const [input, base] of inputs) {
  try {
    const u = base === undefined ? new URL(input) : new URL(input, base);
    console.log(JSON.stringify([input, base]), '=>', u.href, '|', u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash);
  } catch (e) {
    console.log(JSON.stringify([input, base]), 'THROWS', e.name, e.code, e.message, e.input);
  }
  console.log(URL.canParse(input, base));
}

const u = new URL('https://user:pw@example.com:8080/p/a/t/h?query=string#hash');
console.log(util.inspect(u));
console.log(JSON.stringify(u), String(u));
for (const [prop, value] of [['protocol', 'http'], ['protocol', 'foo'], ['username', 'new user'], ['password', 'p@ss'], ['host', 'other.org:81'],
  ['hostname', 'x.y'], ['port', '443'], ['port', '80'], ['port', 'abc'], ['port', ''], ['pathname', '/new path/..//x'], ['search', 'a=1&b=2'],
  ['search', ''], ['hash', 'frag ment'], ['hash', ''], ['href', 'http://reset.example/']]) {
  u[prop] = value;
  console.log(prop, JSON.stringify(value), '->', u.href);
}
try { u.href = 'bad'; } catch (e) { console.log(e.code, e.message); }
const f = new URL('file:///tmp/x');
f.port = '99'; f.username = 'u'; f.host = 'h'; console.log(f.href);
const o = new URL('mailto:x@y'); o.pathname = 'z'; o.host = 'q'; console.log(o.href);

// searchParams stay in sync with the URL.
const s = new URL('http://a/?x=1&y=2&x=3');
s.searchParams.append('z', 'a b&c');
console.log(s.href, s.searchParams.getAll('x'), s.searchParams.get('nope'), s.searchParams.size);
s.searchParams.delete('x');
s.searchParams.sort();
console.log(s.search, [...s.searchParams], [...s.searchParams.keys()]);
s.search = '?q=%20+%2B';
console.log(s.searchParams.get('q'));

const p = new URLSearchParams('?a=1&b=2&a=3&c=%E2%82%AC&d=+x+&e');
console.log(p.toString(), p.get('c'), JSON.stringify(p.get('d')), p.has('e'), p.has('a', '3'), p.has('a', '9'));
p.set('a', 'only');
console.log(p.toString());
console.log(new URLSearchParams({ x: '1', y: ['a', 'b'] }).toString(), new URLSearchParams([['k', 'v'], ['k', 'w']]).toString());
console.log(new URLSearchParams('a=~!*()\'-._ ').toString());
console.log(util.inspect(p), util.inspect(new URLSearchParams()), util.inspect(p.keys()));
try { new URLSearchParams([['a']]); } catch (e) { console.log(e.code, e.message); }
try { p.get(); } catch (e) { console.log(e.code, e.message); }
const order = [];
new URLSearchParams('b=1&a=2').forEach((v, k) => order.push(k + v));
console.log(order);
