'use strict';
// Debuggee for test_open.js: the inspector opened by the program itself.
const inspector = require('inspector');
inspector.open(0);
console.log(`url ${inspector.url()}`);
inspector.waitForDebugger();
const answer = 6 * 7;
debugger; // eslint-disable-line no-debugger
console.log('after', answer);
inspector.close();
console.log('closed', inspector.url());
