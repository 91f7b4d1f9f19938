'use strict';
// Debuggee for test_open.js: the inspector opened by the program itself.
const inspector = require('inspector');
inspector.open(0);
console.log(`url ${inspector.url()}`);
inspector.waitForDebugger();
const answer = 6 * 7;
debugger; // eslint-disable-line no-debugger
try {
  throw new Error('caught one');
} catch {
  // The debugger pauses here first when it asked to pause on every exception.
}
console.log('after', answer);
inspector.close();
console.log('closed', inspector.url());
//# sourceMappingURL=open_debuggee.js.map
