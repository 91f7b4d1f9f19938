// Differential check against the machine's Node: node --expose-internals fuzz_vals.js
const load = require('./load.js');
const mine = load('internal/validators');
const ref = require('internal/validators');
const vals = [undefined, null, 0, -1, 1.5, NaN, 2 ** 31, 2 ** 32, -(2 ** 31) - 1, '1', '', ' ', 'abc', true, {}, [], [1], () => {}, 10n, Symbol('x'), 65536, 80, '80', 'utf8', 'hex', new Uint8Array(2), { aborted: false }];
const calls = [
  ['validateString', ['n']], ['validateNumber', ['n']], ['validateNumber', ['n', 0, 10]], ['validateNumber', ['n', 0]], ['validateInteger', ['n']], ['validateInteger', ['n', 0, 100]],
  ['validateInt32', ['n']], ['validateInt32', ['n', 0, 5]], ['validateUint32', ['n']], ['validateUint32', ['n', true]], ['validateBoolean', ['n']], ['validateObject', ['n']],
  ['validateArray', ['n']], ['validateArray', ['n', 2]], ['validateFunction', ['n']], ['validateOneOf', ['n', ['a', 1, null]]], ['validateAbortSignal', ['n']],
  ['validateBuffer', ['n']], ['validatePort', []], ['validatePort', ['p', false]], ['validateStringArray', ['n']], ['validateBooleanArray', ['n']], ['validateUnion', ['n', ['a', 'b']]],
  ['validateDictionary', ['n']], ['validatePlainFunction', ['n']], ['validateUndefined', ['n']], ['parseFileMode', ['mode']],
];
let fails = 0;
for (const [fn, extra] of calls) for (const v of vals) {
  if (typeof ref[fn] !== 'function') { console.log('no ref', fn); break; }
  let a, b;
  try { a = String(ref[fn](v, ...extra)); } catch (e) { a = `${e.name} ${e.code} ${e.message}`; }
  try { b = String(mine[fn](v, ...extra)); } catch (e) { b = `${e.name} ${e.code} ${e.message}`; }
  if (a !== b) { if (++fails < 15) console.log(fn, JSON.stringify(extra), String(v), '\n  NODE', a, '\n  MINE', b); }
}
console.log('fails', fails);
