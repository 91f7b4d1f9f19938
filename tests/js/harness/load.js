'use strict';
// Loads a kernel/lib module under the machine's Node (run with --expose-internals) so pure-JS
// library code can be unit-tested before or beside nodus. Builtins missing from kernel/lib fall
// back to Node's own.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { internalBinding: nodeBinding } = require('internal/test/binding');

const LIB = path.join(__dirname, '../../../kernel/lib');
const cache = new Map();
const nodeOwned = new Set(['buffer', 'stream', 'string_decoder', 'timers', 'fs']);

function internalBinding(name) {
  if (name === 'util') return { ...nodeBinding('util'), ...nodeBinding('types') };
  return nodeBinding(name);
}

function load(id) {
  if (id.startsWith('node:')) id = id.slice(5);
  if (cache.has(id)) return cache.get(id).exports;
  const file = path.join(LIB, id + '.js');
  // Modules whose native half only nodus has come from Node itself.
  if (!fs.existsSync(file) || nodeOwned.has(id)) return require(id);
  const module = { exports: {}, id };
  cache.set(id, module);
  const fn = vm.compileFunction(fs.readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', 'process', 'internalBinding', 'binding'], { filename: file });
  fn.call(module.exports, module.exports, load, module, process, internalBinding, undefined);
  return module.exports;
}

module.exports = load;
