'use strict';
// The CommonJS module system: printed results must match Node's exactly.
const path = require('path');
const Module = require('module');
const fx = path.join(__dirname, '..', 'fixtures', 'modules');
const rel = (p) => path.relative(fx, p);

function show(label, fn) {
  try {
    const v = fn();
    console.log(label, JSON.stringify(v));
  } catch (e) {
    const msg = String(e.message).split(fx).join('<fx>');
    console.log(label, 'THROWS', e.code, e.name, JSON.stringify(msg));
  }
}

const a = require(path.join(fx, 'a'));
show('circular', () => a);
show('json', () => require(path.join(fx, 'data.json')));
// V8 10.2 words JSON.parse errors differently from Node 20's V8: compare the part nodus adds.
show('json-bad', () => {
  try { require(path.join(fx, 'bad.json')); } catch (e) { return [e.name, rel(e.message.split(': ')[0])]; }
});
show('dir-main', () => require(path.join(fx, 'dir-main')));
show('dir-index', () => require(path.join(fx, 'dir-index')));
const req = Module.createRequire(path.join(fx, 'index.js'));
show('exports-main', () => req('pkg-exports'));
show('exports-pattern', () => req('pkg-exports/utils/str'));
show('exports-null', () => req('pkg-exports/private/x'));
show('exports-not-exported', () => req('pkg-exports/lib/main.js'));
show('exports-package-json', () => req('pkg-exports/package.json').name);
show('pkg-main', () => req('pkg-main'));
show('scoped', () => req('@scope/pkg'));
show('self-and-imports', () => req('./selfy/src/index.js'));
show('missing', () => req('./nope'));
show('missing-bare', () => req('no-such-package-anywhere'));
show('resolve', () => rel(req.resolve('pkg-exports/utils/str')));
show('resolve-paths', () => rel(require.resolve('./child', { paths: [path.join(fx, 'deep', 'er')] })));
show('resolve.paths-relative', () => req.resolve.paths('./x').map(rel));
show('resolve.paths-builtin', () => req.resolve.paths('fs'));
show('child', () => require(path.join(fx, 'deep', 'er', 'child')));
show('cache', () => Object.keys(require.cache).filter((k) => k.startsWith(fx)).map(rel).sort());
show('cache-delete', () => {
  const file = require.resolve(path.join(fx, 'dir-index'));
  const first = require.cache[file];
  delete require.cache[file];
  require(file);
  return require.cache[file] !== first;
});
show('main', () => require.main === module);
show('module.id', () => module.id);
show('children', () => module.children.map((m) => rel(m.id)).sort());
show('isBuiltin', () => [Module.isBuiltin('path'), Module.isBuiltin('node:path'), Module.isBuiltin('nope'), Module.isBuiltin('node:nope')]);
show('builtin-node-prefix', () => require('node:path') === require('path'));
show('unknown-node-prefix', () => require('node:nope'));
show('wrap', () => Module.wrap('x'));
show('createRequire-bad', () => Module.createRequire('relative/path'));
show('require-empty', () => require(''));
show('require-number', () => require(1));
show('extensions', () => Object.keys(Module._extensions));
show('nodeModulePaths', () => Module._nodeModulePaths('/a/node_modules/b'));
