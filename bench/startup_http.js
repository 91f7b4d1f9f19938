'use strict';
// Startup of a typical server: load http, listen on a loopback port, close. Used by startup.sh.
const server = require('http').createServer(() => {});
server.listen(0, '127.0.0.1', () => server.close());
