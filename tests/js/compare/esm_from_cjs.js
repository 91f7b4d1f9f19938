'use strict';
// CommonJS using ES modules: import(), require(esm), and the errors at the boundary.
const path = require('path');
const fx = path.join(__dirname, '..', 'fixtures', 'esm');

(async () => {
  const ns = await import('dual-not-there').catch((e) => e.code);
  console.log('missing', ns);
  const dual = await import(path.join(fx, 'node_modules', 'dual', 'dist', 'index.mjs'));
  console.log('import abs path', dual.kind);
  const m = await import('../fixtures/esm/cycle/a.mjs');
  console.log('relative import', m.seen, Object.keys(m).join());
  console.log('require(esm)', require(path.join(fx, 'typemod', 'index.js')).value);
  try {
    require(path.join(fx, 'tla', 'tla.mjs'));
  } catch (e) {
    console.log('require(tla)', e.code);
  }
  const json = await import('../fixtures/modules/data.json', { with: { type: 'json' } });
  console.log('json from cjs', json.default.answer);
  const fsns = await import('fs');
  console.log('builtin', fsns.default === require('fs'), typeof fsns.statSync);
})();
