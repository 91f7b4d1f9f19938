'use strict';
// require('process') and `import process from 'node:process'`: the global process object.
module.exports = process;
