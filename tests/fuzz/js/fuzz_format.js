'use strict';
// JS-level fuzz driver for util.format / util.formatWithOptions (JS in the kernel:
// kernel/lib/internal/util/inspect.js). `fuzz_format.js SEED COUNT CORPUS_DIR`: format strings are
// mutated corpus entries, arguments come from a fixed pool; one line of output per call, compared
// against Node by run_js_fuzz.sh.
const util = require('util');
const { makeRandom, mutate, readCorpus } = require('./mutate');

const [seed, count, dir] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const rnd = makeRandom(seed);
const corpus = readCorpus(dir);
const dict = ['%s', '%d', '%i', '%f', '%j', '%o', '%O', '%c', '%%', '%', '%x', '%5d', '%-s',
  '%%s', '%s%', '\n', ' ', 'text'];
class Point { constructor() { this.x = 1; } }
const circular = { name: 'c' };
circular.self = circular;
const pool = [0, -0, 1, -1.5, 2 ** 53, NaN, -Infinity, 42n, -7n, '', 'str', '42abc', ' 12 ',
  '0x1f', '1e3', true, null, undefined, Symbol('s'), Symbol.iterator, {}, { a: 1, b: 'x' },
  { a: { b: { c: { d: 1 } } } }, [], [1, 'two', [3]], new Array(5), new Map([[1, { a: 2 }]]),
  new Set(['x']), new Date(0), new Date(NaN), /re+/gi, new Error('boom').message, () => {},
  function named() {}, class K {}, new Point(), Object.create(null), circular,
  { toString() { return 'custom'; } }, { [Symbol.toPrimitive]() { return 7; } },
  new Uint8Array([1, 2, 3]), Buffer.from('hi'), new Proxy({}, {}), Promise.resolve(1),
  new WeakMap(), Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
  { valueOf() { return 3; } }, [undefined, null], 'a\nb', '\u{1F600}', '\ud800'];
const optionSets = [undefined, { colors: true }, { depth: 0 }, { compact: false },
  { breakLength: 20 }, { showHidden: true }, { numericSeparator: true }, { sorted: true }];

for (let i = 0; i < count; i++) {
  const args = [];
  if (rnd(5) !== 0) args.push(mutate(rnd, corpus, dict));
  for (let k = rnd(5); k > 0; k--) args.push(pool[rnd(pool.length)]);
  const options = optionSets[rnd(optionSets.length)];
  let out;
  try {
    out = options === undefined ? util.format(...args) : util.formatWithOptions(options, ...args);
  } catch (e) {
    out = `THROW ${e.code || e.name}`;
  }
  console.log(JSON.stringify([args.length ? typeof args[0] === 'string' ? args[0] : '' : '', out]));
}
