'use strict';
// util: promisify/callbackify, deprecate, inherits, types, system error names, styleText,
// stripVTControlCharacters, toUSVString, inspect options and the custom inspect symbol.
const assert = require('assert');
const util = require('util');

async function main() {
  // promisify
  function cbStyle(a, b, cb) { setImmediate(() => (a < 0 ? cb(new Error('neg')) : cb(null, a + b))); }
  const p = util.promisify(cbStyle);
  assert.strictEqual(p.name, 'cbStyle');
  assert.strictEqual(await p(1, 2), 3);
  await assert.rejects(p(-1, 0), { message: 'neg' });
  const custom = () => Promise.resolve('custom');
  function withCustom() {}
  withCustom[util.promisify.custom] = custom;
  assert.strictEqual(util.promisify(withCustom), custom);
  assert.strictEqual(util.promisify.custom, Symbol.for('nodejs.util.promisify.custom'));
  assert.throws(() => util.promisify(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "original" argument must be of type function. Received type number (1)',
  });

  // callbackify
  const cbd = util.callbackify(async (x) => x * 2);
  assert.strictEqual(cbd.length, 2);
  const r = await new Promise((resolve) => cbd(21, (err, v) => resolve([err, v])));
  assert.deepStrictEqual(r, [null, 42]);
  const falsy = util.callbackify(() => Promise.reject(null));
  const e = await new Promise((resolve) => falsy((err) => resolve(err)));
  assert.strictEqual(e.code, 'ERR_FALSY_VALUE_REJECTION');
  assert.strictEqual(e.reason, null);

  // deprecate: one warning per code
  const warnings = [];
  const onWarning = (w) => warnings.push(w);
  process.on('warning', onWarning);
  const dep1 = util.deprecate(() => 1, 'old api', 'DEP_NODUS_TEST');
  const dep2 = util.deprecate(() => 2, 'old api 2', 'DEP_NODUS_TEST');
  assert.strictEqual(dep1() + dep1() + dep2(), 4);
  await new Promise((resolve) => setImmediate(resolve));
  process.removeListener('warning', onWarning);
  assert.strictEqual(warnings.length, 1);
  assert.strictEqual(warnings[0].name, 'DeprecationWarning');
  assert.strictEqual(warnings[0].code, 'DEP_NODUS_TEST');

  // inherits
  function A() {}
  A.prototype.hi = () => 'hi';
  function B() {}
  util.inherits(B, A);
  assert.strictEqual(new B().hi(), 'hi');
  assert.strictEqual(B.super_, A);
  assert.throws(() => util.inherits(B, {}), {
    message: 'The "superCtor.prototype" property must be of type object. Received undefined',
  });

  // types
  assert.strictEqual(util.types.isPromise(Promise.resolve()), true);
  assert.strictEqual(util.types.isProxy(new Proxy({}, {})), true);
  assert.strictEqual(util.types.isUint8Array(new Uint8Array(1)), true);
  assert.strictEqual(util.types.isTypedArray([]), false);
  assert.strictEqual(util.types.isGeneratorFunction(function* () {}), true);
  assert.strictEqual(util.types.isBoxedPrimitive(Object(1n)), true);
  assert.strictEqual(util.types.isNativeError(new TypeError()), true);
  assert.strictEqual(util.types.isMapIterator(new Map().keys()), true);
  assert.strictEqual(require('util/types'), util.types);

  // system errors
  assert.strictEqual(util.getSystemErrorName(-2), 'ENOENT');
  assert.deepStrictEqual(util.getSystemErrorMap().get(-2), ['ENOENT', 'no such file or directory']);
  assert.throws(() => util.getSystemErrorName(1), { code: 'ERR_OUT_OF_RANGE' });

  // strings
  assert.strictEqual(util.styleText('red', 'x', { validateStream: false }), '\u001b[31mx\u001b[39m');
  assert.strictEqual(util.styleText(['bold', 'red'], 'x'), '\u001b[1m\u001b[31mx\u001b[39m\u001b[22m');
  assert.throws(() => util.styleText('nope', 'x'), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.strictEqual(util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007l\u001b]8;;\u0007'), 'red l');
  assert.strictEqual(util.toUSVString('a\ud800b'), 'a\ufffdb');
  assert.strictEqual(util.isDeepStrictEqual({ a: [1] }, { a: [1] }), true);
  assert.strictEqual(util.isDeepStrictEqual({ a: 1 }, { a: '1' }), false);

  // inspect options and custom inspection
  class Money {
    constructor(v) { this.v = v; }
    [util.inspect.custom](depth, options, inspect) {
      assert.strictEqual(inspect, util.inspect);
      return `Money<${options.stylize(this.v, 'number')}>`;
    }
  }
  assert.strictEqual(util.inspect({ m: new Money(5) }), '{ m: Money<5> }');
  assert.strictEqual(util.inspect(new Money(5), { colors: true }), 'Money<\u001b[33m5\u001b[39m>');
  assert.throws(() => { util.inspect.defaultOptions = { bogus: 1 }; }, TypeError);
  const before = util.inspect.defaultOptions.depth;
  util.inspect.defaultOptions = { depth: 0 };
  assert.strictEqual(util.inspect({ a: { b: 1 } }), '{ a: [Object] }');
  util.inspect.defaultOptions = { depth: before };
  assert.strictEqual(util.format('%s=%d', 'x', 5, 'extra'), 'x=5 extra');
  assert.strictEqual(util.inspect('x'.repeat(5), { maxStringLength: 2 }), "'xx'... 3 more characters");

  // debuglog
  const log = util.debuglog('nodus-test-section');
  assert.strictEqual(log.enabled, false);
  log('not printed');

  // parseArgs
  const { values, positionals } = util.parseArgs({
    args: ['-f', '--bar', 'b', 'pos'],
    options: { foo: { type: 'boolean', short: 'f' }, bar: { type: 'string' } },
    allowPositionals: true,
  });
  assert.deepStrictEqual({ ...values }, { foo: true, bar: 'b' });
  assert.deepStrictEqual(positionals, ['pos']);
}

main().then(() => {}, (err) => {
  console.error(err);
  process.exit(1);
});
