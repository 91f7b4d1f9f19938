'use strict';
// Certificate verification is on by default: an expired, a self-signed, a wrong-host certificate
// and one from a CA that is not trusted are refused with Node's error codes; with
// rejectUnauthorized: false the connection is made and the reason is in authorizationError.
const assert = require('assert');
const tls = require('tls');
const { certs, mustCall, deadline } = require('./common');

deadline(30000);
const c = certs();

function serve(creds) {
  return new Promise((resolve) => {
    const server = tls.createServer({ key: creds.key, cert: creds.cert }, (s) => {
      s.on('error', () => {});  // the client may hang up first
      s.end('hi');
    });
    server.on('tlsClientError', () => {});
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function attempt(creds, clientOptions) {
  return serve(creds).then((server) => new Promise((resolve) => {
    const sock = tls.connect({ port: server.address().port, host: 'localhost', ...clientOptions });
    sock.on('secureConnect', () => {
      const result = { authorized: sock.authorized, authorizationError: sock.authorizationError };
      sock.destroy();
      server.close(() => resolve(result));
    });
    sock.on('error', (err) => server.close(() => resolve({ err })));
  }));
}

async function main() {
  let r = await attempt(c.expired, { ca: c.ca });
  assert.strictEqual(r.err.code, 'CERT_HAS_EXPIRED');
  assert.strictEqual(r.err.message, 'certificate has expired');

  r = await attempt(c.self, { ca: c.ca });
  assert.strictEqual(r.err.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  assert.strictEqual(r.err.message, 'self-signed certificate');

  r = await attempt(c.wronghost, { ca: c.ca });
  assert.strictEqual(r.err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.strictEqual(r.err.reason, "Host: localhost. is not in the cert's altnames: DNS:wrong.example");
  assert.strictEqual(r.err.host, 'localhost');
  assert.strictEqual(r.err.cert.subject.CN, 'wrong.example');

  // Without `ca`, the system store is used; our test CA is not in it.
  r = await attempt(c.server, {});
  assert.strictEqual(r.err.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');

  // By IP: the certificate lists 127.0.0.1.
  r = await attempt(c.server, { ca: c.ca, host: '127.0.0.1' });
  assert.deepStrictEqual(r, { authorized: true, authorizationError: null });

  r = await attempt(c.expired, { ca: c.ca, rejectUnauthorized: false });
  assert.deepStrictEqual(r, { authorized: false, authorizationError: 'CERT_HAS_EXPIRED' });
  r = await attempt(c.wronghost, { ca: c.ca, rejectUnauthorized: false });
  assert.deepStrictEqual(r, { authorized: false, authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID' });

  // A custom checkServerIdentity decides.
  let seen;
  r = await attempt(c.wronghost, { ca: c.ca, checkServerIdentity: (host, cert) => { seen = [host, cert.subject.CN]; } });
  assert.deepStrictEqual(r, { authorized: true, authorizationError: null });
  assert.deepStrictEqual(seen, ['localhost', 'wrong.example']);
}

// checkServerIdentity on its own.
const check = tls.checkServerIdentity;
const cert = (alt, cn) => ({ subject: { CN: cn }, subjectaltname: alt });
assert.strictEqual(check('a.b.example', cert('DNS:*.b.example')), undefined);
assert.strictEqual(check('A.B.EXAMPLE.', cert('DNS:*.b.example')), undefined);
assert.strictEqual(check('x.a.b.example', cert('DNS:*.b.example')).code, 'ERR_TLS_CERT_ALTNAME_INVALID');
assert.strictEqual(check('b.example', cert('DNS:*.b.example')).code, 'ERR_TLS_CERT_ALTNAME_INVALID');
assert.strictEqual(check('a.example', cert('DNS:*.example')).code, 'ERR_TLS_CERT_ALTNAME_INVALID');
assert.strictEqual(check('foo.example', cert(undefined, 'foo.example')), undefined);
assert.strictEqual(check('foo.example', cert('DNS:bar.example', 'foo.example')).code, 'ERR_TLS_CERT_ALTNAME_INVALID');
assert.strictEqual(check('::1', cert('IP Address:0:0:0:0:0:0:0:1')), undefined);
assert.strictEqual(check('10.0.0.1', cert('DNS:10.0.0.1')).reason, "IP: 10.0.0.1 is not in the cert's list: ");
assert.strictEqual(check('a.example', { subject: {} }).reason, 'Cert does not contain a DNS name');
assert.strictEqual(check('a.example', cert('DNS:b.example')).message,
  "Hostname/IP does not match certificate's altnames: Host: a.example. is not in the cert's altnames: DNS:b.example");

main().then(mustCall(() => {}));
