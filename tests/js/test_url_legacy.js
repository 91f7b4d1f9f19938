'use strict';
// Legacy url.parse/format/resolve, querystring and punycode.
const assert = require('assert');
const url = require('url');
const qs = require('querystring');
const punycode = require('punycode');

const parsed = url.parse('http://user:pw@Host.com:8080/p/a/t/h?query=string#hash', true);
assert.strictEqual(parsed.protocol, 'http:');
assert.strictEqual(parsed.auth, 'user:pw');
assert.strictEqual(parsed.host, 'host.com:8080');
assert.strictEqual(parsed.port, '8080');
assert.strictEqual(parsed.hostname, 'host.com');
assert.strictEqual(parsed.hash, '#hash');
assert.strictEqual(parsed.search, '?query=string');
assert.strictEqual(parsed.query.query, 'string');
assert.strictEqual(parsed.pathname, '/p/a/t/h');
assert.strictEqual(parsed.path, '/p/a/t/h?query=string');
assert.strictEqual(parsed.href, 'http://user:pw@host.com:8080/p/a/t/h?query=string#hash');
assert.ok(parsed instanceof url.Url);
assert.strictEqual(url.parse('/a b?c').pathname, '/a%20b');
assert.strictEqual(url.parse('//h/p', false, true).host, 'h');
assert.strictEqual(url.parse('http:\\\\h\\p').href, 'http://h/p');

assert.strictEqual(url.format({ protocol: 'https', hostname: 'x.org', pathname: '/p', query: { a: [1, 2] } }),
                   'https://x.org/p?a=1&a=2');
assert.strictEqual(url.resolve('http://a/b/c/d;p?q', '../g'), 'http://a/b/g');
assert.strictEqual(url.resolve('/one/two/three', 'four'), '/one/two/four');
assert.strictEqual(url.resolve('http://example.com/one', '/two'), 'http://example.com/two');
assert.strictEqual(url.resolve('http://a/b', '//c/d'), 'http://c/d');

assert.deepStrictEqual({ ...qs.parse('a=1&a=2&b=%20c+d&e') }, { a: ['1', '2'], b: ' c d', e: '' });
assert.strictEqual(Object.getPrototypeOf(qs.parse('a=1')), null);
assert.strictEqual(qs.stringify({ a: [1, 2], b: 'x y', c: true, d: null }), 'a=1&a=2&b=x%20y&c=true&d=');
assert.strictEqual(qs.stringify({ a: 1 }, ';', ':'), 'a:1');
assert.strictEqual(qs.escape('a b/ü'), 'a%20b%2F%C3%BC');
assert.strictEqual(qs.unescape('%E2%82%AC+'), '€+');
assert.strictEqual(qs.decode, qs.parse);
assert.strictEqual(qs.encode, qs.stringify);

assert.strictEqual(punycode.encode('mañana'), 'maana-pta');
assert.strictEqual(punycode.decode('maana-pta'), 'mañana');
assert.strictEqual(punycode.toASCII('mañana.com'), 'xn--maana-pta.com');
assert.strictEqual(punycode.toUnicode('xn--maana-pta.com'), 'mañana.com');
assert.strictEqual(punycode.toASCII('☃-⌘.com'), 'xn----dqo34k.com');
assert.deepStrictEqual(punycode.ucs2.decode('\ud83d\ude00a'), [0x1F600, 0x61]);
assert.strictEqual(punycode.ucs2.encode([0x1F600]), '😀');
assert.throws(() => punycode.decode('ü'), RangeError);
