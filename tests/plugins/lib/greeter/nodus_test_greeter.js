'use strict';
// Depends on the hello plugin: requiring it loads hello first.
const hello = require('nodus_test_hello');
module.exports = { greetLoudly: (name) => hello.greet(name).toUpperCase() };
