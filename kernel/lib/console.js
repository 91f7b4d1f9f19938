'use strict';
// require('console') is the global console object; its Console property is the class.

const { createGlobalConsole } = require('internal/console/constructor');

const { Console } = require('internal/console/constructor');

const globalConsole = createGlobalConsole();
globalConsole.Console = Console;

// Inspector-only methods exist on Node's global console; without an inspector they do nothing.
globalConsole.profile = function profile() {};
globalConsole.profileEnd = function profileEnd() {};
globalConsole.timeStamp = function timeStamp() {};
globalConsole.context = function context() {
  return globalConsole;
};
globalConsole.createTask = function createTask() {
  return { run: (fn) => fn() };
};

module.exports = globalConsole;
