// ES modules beside CommonJS: printed results must match Node 20's.
import { createRequire } from 'node:module';
import * as fsNs from 'node:fs';
import EventEmitter, { once } from 'events';
import hello, { kind } from 'dual';
import { feature } from 'dual/feature';
import esmOnly, { only } from 'esm-only';
import { value } from '../fixtures/esm/typemod/index.js';
import legacy from '../fixtures/esm/typemod/legacy.cjs';
import { a, seen } from '../fixtures/esm/cycle/a.mjs';
import reexported, { alpha, beta, gamma } from '../fixtures/esm/reexport.cjs';

const fx = new URL('../fixtures/esm/', import.meta.url);
console.log('builtin namespace', typeof fsNs.readFileSync, typeof fsNs.default.readFileSync);
console.log('events', typeof EventEmitter, typeof once);
console.log('dual', hello(), kind, feature);
console.log('esm-only', esmOnly, only);
console.log('type module', value, legacy.legacy);
console.log('cycle', a, seen);
console.log('cjs reexport', alpha, beta(), gamma, Object.keys(reexported).join());
console.log('meta', import.meta.url.endsWith('esm_entry.mjs'), typeof import.meta.resolve);
console.log('resolve', import.meta.resolve('dual').endsWith('dist/index.mjs'), import.meta.resolve('node:fs'));
const { late } = await import(new URL('tla/tla.mjs', fx));
console.log('tla', late);
const require = createRequire(import.meta.url);
console.log('require in esm', require('../fixtures/esm/node_modules/dual').kind);
console.log('require(esm)', require('../fixtures/esm/typemod/index.js').value);
const json = await import('../fixtures/modules/data.json', { assert: { type: 'json' } });
console.log('json', json.default.answer);
for (const spec of ['./nope.mjs', '../fixtures/esm/cycle', 'no-such-pkg', 'dual/missing', '#nothing', 'node:nope']) {
  try {
    await import(spec);
  } catch (e) {
    console.log('error', spec, e.code);
  }
}
console.log('data url', (await import('data:text/javascript,export default 5')).default);
