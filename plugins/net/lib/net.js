'use strict';
// Node's net module: TCP and Unix-socket servers and sockets over the plugin's private binding.
// The parts live in internal/net/: socket.js (net.Socket), server.js (net.Server), ip.js
// (isIP...), args.js (argument normalisation), blocklist.js and socket_address.js (loaded on
// first use). dns is loaded only to resolve a host name.

const { Socket, getDefaultAutoSelectFamily, setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout, setDefaultAutoSelectFamilyAttemptTimeout } =
  require('internal/net/socket');
const { Server, createServerHandle } = require('internal/net/server');
const { isIP, isIPv4, isIPv6 } = require('internal/net/ip');
const { normalizeArgs } = require('internal/net/args');

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

// connect(port[, host][, cb]) | connect(path[, cb]) | connect(options[, cb])
function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

// Windows-only in Node (a no-op elsewhere) and deprecated there.
let warnedSimultaneousAccepts = false;
function _setSimultaneousAccepts() {
  if (warnedSimultaneousAccepts) return;
  warnedSimultaneousAccepts = true;
  process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.',
                      'DeprecationWarning', 'DEP0121');
}

module.exports = {
  get BlockList() { return require('internal/net/blocklist').BlockList; },
  get SocketAddress() { return require('internal/net/socket_address').SocketAddress; },
  _createServerHandle: createServerHandle,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
