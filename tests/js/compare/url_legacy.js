'use strict';
// Legacy url.parse / url.format / url.resolve; compared against Node.
const url = require('url');
const util = require('util');

const inputs = [
  'http://user:pass@host.com:8080/p/a/t/h?query=string#hash', 'HTTP://EXAMPLE.com/A', '//host/path', '/just/a/path?x=1',
  'relative/path', 'mailto:someone@example.com', 'javascript:alert(1)', 'http://[::1]:3000/x', 'http://a b.com/',
  'http://x.com/a b?c d#e f', 'http:\\\\host\\path\\x?y\\z', '  http://trim.me/  ', 'file:///etc/passwd', 'file://host/f',
  'http://münchen.de/', 'http://host.com', 'http://host:/p', 'http://a@b@c/', 'xmpp:user@host', 'http://x/?a=1&a=2',
  'https://host/p#h?notquery', '?q', '#h', '', 'http://host.com:80', 'ftp://a/b', 'git+ssh://git@github.com/u/r.git',
  'http://x.com/"quotes"<>', 'HTTP://x/%7Efoo', 'http://ex%41mple.com/', 'http://www.example.com:xyz/',
];
for (const input of inputs) {
  try {
    const u = url.parse(input);
    console.log(JSON.stringify(input), JSON.stringify(u));
    console.log(url.format(u));
  } catch (e) {
    console.log(JSON.stringify(input), 'THROWS', e.code, e.message);
  }
}
console.log(util.inspect(url.parse('http://a/b?x=1&y=2', true)));
console.log(JSON.stringify(url.parse('//h/p', false, true)));
console.log(url.parse('http://a/b') instanceof url.Url);

const formats = [
  { protocol: 'http', host: 'a.com', pathname: '/x', search: 'q=1', hash: 'h' },
  { protocol: 'https:', hostname: 'b.com', port: 8080, pathname: 'p', query: { a: 1, b: [2, 3] } },
  { protocol: 'mailto', pathname: 'x@y' }, { protocol: 'file', pathname: '/etc' }, { hostname: '::1', port: 80 },
  { protocol: 'http', auth: 'us er:p@ss', host: 'h', pathname: '/a#b?c' }, {},
];
for (const f of formats) console.log(url.format(f));
console.log(url.format('http://a.com/x?y#z'));
const w = new URL('https://user:pw@測試.com:8080/p?q#h');
console.log(url.format(w), url.format(w, { unicode: true, auth: false, search: false, fragment: false }));

const resolves = [
  ['/one/two/three', 'four'], ['http://example.com/', '/one'], ['http://example.com/one', '/two'], ['http://a/b/c/d;p?q', 'g'],
  ['http://a/b/c/d;p?q', './g'], ['http://a/b/c/d;p?q', 'g/'], ['http://a/b/c/d;p?q', '/g'], ['http://a/b/c/d;p?q', '//g'],
  ['http://a/b/c/d;p?q', '?y'], ['http://a/b/c/d;p?q', 'g?y'], ['http://a/b/c/d;p?q', '#s'], ['http://a/b/c/d;p?q', '../g'],
  ['http://a/b/c/d;p?q', '../../../g'], ['http://a/b/c/d;p?q', '.'], ['http://a/b/c/d;p?q', '..'], ['http://a/b/c/d;p?q', ''],
  ['http://a/b/c/d;p?q', 'https://x/y'], ['http://a/b/c/d;p?q', 'mailto:z@y'], ['mailto:a@b', 'c@d'], ['http://a/b', 'http:c'],
  ['a/b', '../../c'], ['/a/b', '../../../c'], ['http://u:p@a/b', '//other/x'], ['http://a/b/', 'c/./d/../e'], ['file:///a/b', 'c'],
];
for (const [from, to] of resolves) console.log(JSON.stringify([from, to]), url.resolve(from, to));
console.log(JSON.stringify(url.resolveObject('http://a/b', 'c?d')));
console.log(url.fileURLToPath('file:///tmp/a%20b'), url.pathToFileURL('/tmp/a b#?%').href, url.domainToASCII('español.com'), url.domainToUnicode('xn--espaol-zwa.com'));
console.log(JSON.stringify(url.urlToHttpOptions(new URL('http://u:p@[::1]:81/x?y'))));
try { url.fileURLToPath('http://x/'); } catch (e) { console.log(e.code, e.message); }
try { url.fileURLToPath('file://host/x'); } catch (e) { console.log(e.code, e.message); }
try { url.fileURLToPath('file:///a%2Fb'); } catch (e) { console.log(e.code, e.message); }
try { url.parse(5); } catch (e) { console.log(e.code, e.message); }
