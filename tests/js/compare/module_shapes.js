'use strict';
// The shape of the core modules (keys, function names, getters) under util.inspect; compared against Node.
const util = require('util');
for (const id of ['util', 'path', 'os', 'url', 'assert', 'querystring', 'punycode', 'events', 'console', 'util/types', 'assert/strict']) {
  const m = require(id);
  console.log(id, JSON.stringify(Object.keys(m)));
  if (id !== 'console') console.log(util.inspect(m, { depth: 0 }));
}
console.log(util.inspect(util.inspect), Object.keys(util.inspect));
console.log(Object.keys(console));
