'use strict';
// The test plugin's public module: it reaches its private binding through `binding`.
module.exports = {
  greet: (name) => binding.greet(name),
  initCount: () => binding.initCount,
  hasBinding: typeof binding === 'object',
};
