'use strict';
// Credentials in other forms: an encrypted PEM key with `passphrase` (and { pem, passphrase }),
// a PKCS#12 `pfx` with its passphrase, a certificate chain in `cert`; wrong passphrases and
// mismatched keys are errors, not crashes.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');
const { certs, openssl, mustCall, deadline } = require('./common');

deadline(30000);
const c = certs();
openssl(c.dir, ['pkey', '-in', 'server.key', '-aes256', '-passout', 'pass:secret', '-out', 'server.enc.key']);
openssl(c.dir, ['pkcs12', '-export', '-inkey', 'server.key', '-in', 'server.pem', '-certfile', 'ca.pem',
  '-passout', 'pass:p12pass', '-out', 'server.p12']);
const encKey = fs.readFileSync(path.join(c.dir, 'server.enc.key'));
const pfx = fs.readFileSync(path.join(c.dir, 'server.p12'));

assert.throws(() => tls.createSecureContext({ key: encKey, cert: c.server.cert, passphrase: 'wrong' }),
  (err) => /^error:/.test(err.message) && typeof err.code === 'string');
assert.throws(() => tls.createSecureContext({ pfx, passphrase: 'wrong' }), /error|PFX|mac/i);
assert.throws(() => tls.createSecureContext({ key: c.b.key, cert: c.server.cert }),
  (err) => err.code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' || /key values mismatch/.test(err.message));

function check(serverOptions) {
  return new Promise((resolve, reject) => {
    const server = tls.createServer(serverOptions, (s) => s.end('ok'));
    server.listen(0, '127.0.0.1', () => {
      const sock = tls.connect({ port: server.address().port, host: 'localhost', ca: c.ca }, () => {
        const cn = sock.getPeerCertificate().subject.CN;
        sock.on('data', () => {});
        sock.on('end', () => server.close(() => resolve(cn)));
      });
      sock.on('error', reject);
    });
  });
}

async function main() {
  assert.strictEqual(await check({ key: encKey, passphrase: 'secret', cert: c.server.cert }), 'localhost');
  assert.strictEqual(await check({ key: [{ pem: encKey, passphrase: 'secret' }], cert: c.server.cert }), 'localhost');
  assert.strictEqual(await check({ pfx, passphrase: 'p12pass' }), 'localhost');
  assert.strictEqual(await check({ pfx: [{ buf: pfx, passphrase: 'p12pass' }] }), 'localhost');
  // The chain in `cert`: leaf then CA.
  assert.strictEqual(await check({ key: c.server.key, cert: Buffer.concat([c.server.cert, c.ca]) }), 'localhost');
}

main().then(mustCall(() => {}));
