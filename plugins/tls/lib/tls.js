'use strict';
// Node's tls module: TLS 1.2/1.3 sockets and servers on OpenSSL, over net sockets (or any Duplex).
// The parts: _tls_common.js (SecureContext, options), _tls_wrap.js (TLSSocket, Server, connect),
// internal/tls/handle.js (the handle between a TLSSocket and its transport),
// internal/tls/identity.js (checkServerIdentity).

const common = require('_tls_common');
const { TLSSocket, Server, connect } = require('_tls_wrap');
const { checkServerIdentity } = require('internal/tls/identity');

let rootCertificates;
let ciphers;

function createServer(options, listener) {
  return new Server(options, listener);
}

function getCiphers() {
  if (ciphers === undefined) ciphers = binding.getCiphers();
  return ciphers.slice();
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: common.defaults.DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE: common.defaults.DEFAULT_ECDH_CURVE,
  DEFAULT_MIN_VERSION: common.defaults.DEFAULT_MIN_VERSION,
  DEFAULT_MAX_VERSION: common.defaults.DEFAULT_MAX_VERSION,
  checkServerIdentity,
  connect,
  convertALPNProtocols: common.convertALPNProtocols,
  createSecureContext: common.createSecureContext,
  createServer,
  getCiphers,
  SecureContext: common.SecureContext,
  Server,
  TLSSocket,
};

// The system's trust store, read on first use (never at startup), frozen as in Node.
Object.defineProperty(module.exports, 'rootCertificates', {
  configurable: false,
  enumerable: true,
  get() {
    if (rootCertificates === undefined) rootCertificates = Object.freeze(binding.rootCertificates());
    return rootCertificates;
  },
});

// Assigning tls.DEFAULT_* changes what later contexts use, as in Node.
for (const name of ['DEFAULT_CIPHERS', 'DEFAULT_ECDH_CURVE', 'DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION']) {
  Object.defineProperty(module.exports, name, {
    configurable: true,
    enumerable: true,
    get() { return common.defaults[name]; },
    set(value) { common.defaults[name] = value; },
  });
}
