'use strict';
// Client certificates: requestCert with the CA as `ca` authorizes a client presenting a
// certificate it signed; without one the connection is refused (rejectUnauthorized) or made with
// authorizationError UNABLE_TO_GET_ISSUER_CERT (rejectUnauthorized: false).
const assert = require('assert');
const tls = require('tls');
const { certs, mustCall, deadline } = require('./common');

deadline(30000);
const c = certs();

function run(serverOptions, clientOptions) {
  return new Promise((resolve) => {
    const result = {};
    const server = tls.createServer({ key: c.server.key, cert: c.server.cert, ca: c.ca,
      requestCert: true, ...serverOptions }, (s) => {
      result.server = { authorized: s.authorized, authorizationError: s.authorizationError,
        cn: s.getPeerCertificate().subject && s.getPeerCertificate().subject.CN };
      s.on('error', () => {});
      s.end('ok');
    });
    server.on('tlsClientError', (err) => { result.tlsClientError = err.code; });
    server.listen(0, '127.0.0.1', () => {
      const sock = tls.connect({ port: server.address().port, host: 'localhost', ca: c.ca, ...clientOptions });
      let data = '';
      sock.on('data', (d) => { data += d; });
      sock.on('error', (err) => { result.clientError = err.code; });
      sock.on('close', () => {
        result.data = data;
        server.close(() => resolve(result));
      });
    });
  });
}

async function main() {
  let r = await run({}, { key: c.client.key, cert: c.client.cert });
  assert.deepStrictEqual(r.server, { authorized: true, authorizationError: null, cn: 'test client' });
  assert.strictEqual(r.data, 'ok');

  // No client certificate, rejectUnauthorized (the default): the handshake fails.
  r = await run({}, {});
  assert.strictEqual(r.server, undefined);
  assert.strictEqual(r.data, '');
  assert.ok(r.clientError, 'the client sees an error');
  assert.strictEqual(r.tlsClientError, 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE');

  // A certificate from another issuer (self-signed) is refused after the handshake.
  r = await run({}, { key: c.self.key, cert: c.self.cert });
  assert.strictEqual(r.server, undefined);
  assert.strictEqual(r.data, '');

  r = await run({ rejectUnauthorized: false }, {});
  assert.deepStrictEqual(r.server, { authorized: false, authorizationError: 'UNABLE_TO_GET_ISSUER_CERT', cn: undefined });
  assert.strictEqual(r.data, 'ok');

  r = await run({ rejectUnauthorized: false }, { key: c.self.key, cert: c.self.cert });
  assert.deepStrictEqual(r.server, { authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT', cn: 'localhost' });
}

main().then(mustCall(() => {}));
