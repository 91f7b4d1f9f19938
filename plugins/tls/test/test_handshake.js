'use strict';
// A TLS server and client on 127.0.0.1 with certificates from a test CA: the handshake, what each
// side sees (authorized, protocol, cipher, certificates, names), data both ways, a large transfer
// with backpressure, and a clean end on both sides.
const assert = require('assert');
const tls = require('tls');
const net = require('net');
const { certs, mustCall, deadline } = require('./common');

deadline();
const c = certs();
const big = Buffer.alloc(3 * 1024 * 1024 + 7, 'x');

const server = tls.createServer({ key: c.server.key, cert: c.server.cert }, mustCall((s) => {
  assert.strictEqual(s.encrypted, true);
  assert.strictEqual(s.authorized, false);  // no client certificate asked for
  assert.strictEqual(s.getProtocol(), 'TLSv1.3');
  assert.strictEqual(s.servername, false);  // no SNICallback: Node does not report it
  assert.strictEqual(s.alpnProtocol, false);
  assert.deepStrictEqual(s.getPeerCertificate(), {});
  assert.strictEqual(s.getCertificate().subject.CN, 'localhost');
  assert.ok(s instanceof tls.TLSSocket && s instanceof net.Socket);
  assert.strictEqual(s.remoteAddress, '127.0.0.1');
  let received = 0;
  s.on('data', (d) => {
    received += d.length;
    if (received === big.length) s.end(`got ${received}`);
  });
}));

server.listen(0, '127.0.0.1', mustCall(() => {
  const { port } = server.address();
  const sock = tls.connect({ port, host: 'localhost', ca: c.ca }, mustCall(() => {
    assert.strictEqual(sock.authorized, true);
    assert.strictEqual(sock.authorizationError, null);
    assert.strictEqual(sock.getProtocol(), 'TLSv1.3');
    const cipher = sock.getCipher();
    assert.strictEqual(cipher.version, 'TLSv1.3');
    assert.match(cipher.standardName, /^TLS_/);
    const cert = sock.getPeerCertificate(true);
    assert.strictEqual(cert.subject.CN, 'localhost');
    assert.strictEqual(Object.getPrototypeOf(cert.subject), null);
    assert.strictEqual(cert.issuer.CN, 'nodus test CA');
    assert.strictEqual(cert.subjectaltname, 'DNS:localhost, IP Address:127.0.0.1');
    assert.match(cert.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.ok(Buffer.isBuffer(cert.raw));
    assert.match(cert.valid_to, /GMT$/);
    assert.strictEqual(sock.remotePort, port);
    assert.ok(sock.write(big) === false || true);
  }));
  sock.once('connect', mustCall(() => assert.strictEqual(sock.authorized, false)));
  let reply = '';
  sock.setEncoding('utf8');
  sock.on('data', (d) => { reply += d; });
  sock.on('end', mustCall(() => {
    assert.strictEqual(reply, `got ${big.length}`);
    server.close();
  }));
  sock.on('close', mustCall((hadError) => assert.strictEqual(hadError, false)));
}));
