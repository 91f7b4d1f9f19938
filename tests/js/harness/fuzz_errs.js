// Differential check against the machine's Node: node --expose-internals fuzz_errs.js
const load = require('./load.js');
const mine = load('internal/errors').codes;
const ref = require('internal/errors').codes;
const vals = [undefined, null, 0, -1.5, NaN, 'str', 'x'.repeat(40), true, {}, [], () => {}, function named() {}, 10n, Symbol('x'), new Map(), Object.create(null), new (class Foo {})(), 2 ** 40];
const expected = ['string', ['string', 'number'], ['string', 'Buffer', 'URL'], 'Function', 'Object', ['object', 'Buffer'], ['Object', 'Array'], 'a valid thing', ['boolean', 'Buffer', 'a number'], ['Buffer', 'TypedArray', 'DataView'], 'null', ['null', 'undefined'], 'AbortSignal'];
const names = ['x', 'opts.x', 'The first argument', 'x argument'];
let fails = 0;
function cmp(label, f) { let a, b; try { a = f(ref).message; } catch (e) { a = 'THROW ' + e.message; } try { b = f(mine).message; } catch (e) { b = 'THROW ' + e.message; } if (a !== b && ++fails < 10) console.log(label, '\n  NODE', a, '\n  MINE', b); }
for (const n of names) for (const e of expected) for (const v of vals) cmp(`${n} ${e}`, (c) => new c.ERR_INVALID_ARG_TYPE(n, e, v));
for (const v of vals) {
  cmp('value', (c) => new c.ERR_INVALID_ARG_VALUE('x', v));
  cmp('value2', (c) => new c.ERR_INVALID_ARG_VALUE('o.x', v, 'must be good'));
  cmp('range', (c) => new c.ERR_OUT_OF_RANGE('x', '>= 0', v));
  cmp('ret', (c) => new c.ERR_INVALID_RETURN_VALUE('a string', 'fn', v));
  cmp('unh', (c) => new c.ERR_UNHANDLED_ERROR(v));
  cmp('port', (c) => new c.ERR_SOCKET_BAD_PORT('Port', v));
}
for (const args of [['a'], ['a', 'b'], ['a', 'b', 'c'], [['a', 'b'], 'c']]) cmp('missing', (c) => new c.ERR_MISSING_ARGS(...args));
cmp('range big', (c) => new c.ERR_OUT_OF_RANGE('x', 'y', 5n ** 30n));
cmp('range neg big', (c) => new c.ERR_OUT_OF_RANGE('x', 'y', -(2 ** 40)));
cmp('range repl', (c) => new c.ERR_OUT_OF_RANGE('Custom msg.', 'y', 1, true));
cmp('url scheme', (c) => new c.ERR_INVALID_URL_SCHEME(['file', 'data']));
cmp('pkg', (c) => new c.ERR_PACKAGE_PATH_NOT_EXPORTED('/p/', './x', '/b'));
cmp('pkg main', (c) => new c.ERR_PACKAGE_PATH_NOT_EXPORTED('/p/', '.'));
cmp('target', (c) => new c.ERR_INVALID_PACKAGE_TARGET('/p/', './x', 'bad', false, '/b'));
cmp('target main', (c) => new c.ERR_INVALID_PACKAGE_TARGET('/p/', '.', { a: 1 }));
cmp('import', (c) => new c.ERR_PACKAGE_IMPORT_NOT_DEFINED('#x', '/p/', '/b'));
cmp('spec', (c) => new c.ERR_INVALID_MODULE_SPECIFIER('x', 'is bad', '/b'));
cmp('config', (c) => new c.ERR_INVALID_PACKAGE_CONFIG('/p/package.json', '/b', 'Unexpected token'));
cmp('char', (c) => new c.ERR_INVALID_CHAR('header content', 'x-h'));
cmp('bob', (c) => new c.ERR_BUFFER_OUT_OF_BOUNDS('offset'));
cmp('bob2', (c) => new c.ERR_BUFFER_OUT_OF_BOUNDS());
cmp('esm', (c) => new c.ERR_REQUIRE_ESM('/a/b.mjs', true, '/a/c.js'));
cmp('esm2', (c) => new c.ERR_REQUIRE_ESM('/a/b.js', true, '/a/c.js'));
console.log('fails', fails);
