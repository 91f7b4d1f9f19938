'use strict';
// require('console') is the global console object; its Console property is the class.

const { createGlobalConsole } = require('internal/console/constructor');

const globalConsole = createGlobalConsole();

// Inspector-only methods exist on Node's global console; without an inspector they do nothing.
for (const name of ['profile', 'profileEnd', 'timeStamp', 'context']) {
  if (globalConsole[name] === undefined) {
    globalConsole[name] = name === 'context' ? function context() { return globalConsole; } : function() {};
  }
}

module.exports = globalConsole;
