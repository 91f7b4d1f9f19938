'use strict';
// URL / URLSearchParams behaviour that programs rely on; exact output for many inputs is in
// compare/url_whatwg.js.
const assert = require('assert');
const url = require('url');

assert.strictEqual(URL, url.URL);
assert.strictEqual(URLSearchParams, url.URLSearchParams);

const u = new URL('HTTPS://User:Pass@EXAMPLE.com:443/a/./b/../c?x=1&y=2#frag');
assert.strictEqual(u.href, 'https://User:Pass@example.com/a/c?x=1&y=2#frag');
assert.strictEqual(u.origin, 'https://example.com');
assert.strictEqual(u.port, '');
assert.strictEqual(u.searchParams.get('y'), '2');
u.searchParams.set('z', 'a b');
assert.strictEqual(u.search, '?x=1&y=2&z=a+b');
u.pathname = '/new path';
assert.strictEqual(u.pathname, '/new%20path');
u.port = '8443';
assert.strictEqual(u.host, 'example.com:8443');
u.protocol = 'ftp';
assert.strictEqual(u.protocol, 'ftp:');
u.hash = '';
assert.strictEqual(u.href, 'ftp://User:Pass@example.com:8443/new%20path?x=1&y=2&z=a+b');

assert.strictEqual(new URL('../x?q#h', 'http://h/a/b/c').href, 'http://h/a/x?q#h');
assert.strictEqual(new URL('//other/p', 'https://h/').href, 'https://other/p');
assert.strictEqual(new URL('http://[::1]:80/').host, '[::1]');
assert.strictEqual(new URL('http://0x7f.1/').hostname, '127.0.0.1');
assert.strictEqual(new URL('http://münchen.de/').hostname, 'xn--mnchen-3ya.de');
assert.strictEqual(new URL('file:///C:/x/../y').href, 'file:///C:/y');
assert.strictEqual(new URL('mailto:a@b.c').pathname, 'a@b.c');
assert.throws(() => new URL('no scheme'), { code: 'ERR_INVALID_URL', input: 'no scheme' });
assert.throws(() => new URL('/x', 'bad base'), { code: 'ERR_INVALID_URL' });
assert.throws(() => new URL(), { code: 'ERR_MISSING_ARGS' });
assert.strictEqual(URL.canParse('http://x'), true);
assert.strictEqual(URL.canParse('x'), false);
assert.strictEqual(URL.canParse('x', 'http://y/'), true);
assert.strictEqual(JSON.stringify({ u: new URL('http://x/') }), '{"u":"http://x/"}');
assert.deepStrictEqual(Reflect.ownKeys({ ...new URL('http://x/') }), []);

const p = new URLSearchParams('a=1&b=%20x+y&a=3&c');
assert.deepStrictEqual(p.getAll('a'), ['1', '3']);
assert.strictEqual(p.get('b'), ' x y');
assert.strictEqual(p.get('c'), '');
assert.strictEqual(p.size, 4);
p.delete('a');
p.append('é', '€');
p.sort();
assert.strictEqual(p.toString(), 'b=+x+y&c=&%C3%A9=%E2%82%AC');
assert.deepStrictEqual([...new URLSearchParams({ k: 'v', n: 1 })], [['k', 'v'], ['n', '1']]);
assert.deepStrictEqual([...new URLSearchParams([['a', 'b']]).keys()], ['a']);
assert.throws(() => new URLSearchParams([['a']]), { code: 'ERR_INVALID_TUPLE' });

// file URLs and paths.
assert.strictEqual(url.fileURLToPath('file:///tmp/a%20b'), '/tmp/a b');
assert.strictEqual(url.fileURLToPath(new URL('file:///x/y')), '/x/y');
assert.strictEqual(url.pathToFileURL('/tmp/a b#c?d%').href, 'file:///tmp/a%20b%23c%3Fd%25');
assert.strictEqual(url.pathToFileURL('/dir/').href, 'file:///dir/');
assert.throws(() => url.fileURLToPath('file://host/x'), { code: 'ERR_INVALID_FILE_URL_HOST' });
assert.throws(() => url.fileURLToPath('file:///a%2fb'), { code: 'ERR_INVALID_FILE_URL_PATH' });
assert.deepStrictEqual(url.urlToHttpOptions(new URL('http://u:p@h:81/x?y')), {
  __proto__: null,
  protocol: 'http:', hostname: 'h', hash: '', search: '?y', pathname: '/x', path: '/x?y',
  href: 'http://u:p@h:81/x?y', port: 81, auth: 'u:p',
});
assert.strictEqual(url.domainToASCII('español.com'), 'xn--espaol-zwa.com');
assert.strictEqual(url.domainToUnicode('xn--espaol-zwa.com'), 'español.com');
assert.strictEqual(url.domainToASCII('xn--iñvalid.com'), '');
