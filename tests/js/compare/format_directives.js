'use strict';
// util.format's directives, edge by edge (argument exhaustion, %%, unknown directives, %j cycles
// and undefined, number grouping), printed for comparison with Node.
const util = require('util');
const cases = [
  ['%s', 'a'], ['%s %s', 'a'], ['%d%%', 5], ['%%', 1], ['%%s', 'x'], ['a%', 1], ['%x %s', 1, 2], ['%s', 1.5, 'extra', {a:1}],
  ['%j', {a:[1]}], ['%i %f %d', '42.9px', '1.5e3', 10n], ['%o', {a:{b:{c:{d:{e:1}}}}}], ['%O', [1,2]], ['%c%s', 'css', 'y'],
  [1, 2, 'three'], ['%s', Symbol('q')], ['%d', Symbol('q')], ['%s', 12345678, ], ['%s', null], ['%s', undefined], ['%s', () => 1],
  ['%s', new Error('e').message], ['%s', { toString() { return 'T'; } }], ['%s', [1, [2, [3]]]], ['%f', 2n], ['%i', 3n],
  ['%s:%s', 'a'], ['%', 'x'], ['%%%s%%', 'm'], [], ['no directives', 'x', 1], ['%s', 'a', 'b'], ['%j'], ['%j', undefined, 'x'],
];
for (const c of cases) { try { console.log(JSON.stringify(util.format(...c))); } catch (e) { console.log('throws', e.name); } }
const o = {}; o.o = o; console.log(util.format('%j', o));
console.log(util.formatWithOptions({ numericSeparator: true }, '%s %d %i %f', 1234567, 7654321, 1000000, 12345.678));
try { util.format('%j', { toJSON() { throw new TypeError('boom'); } }); } catch (e) { console.log('rethrown', e.message); }
