'use strict';
// Bad input gets Node's errors; TLS below 1.2 is refused by default; plaintext sent to a TLS
// server is a 'tlsClientError'; a refused connection is ECONNREFUSED; a peer that hangs up during
// the handshake is ECONNRESET, a silent one hits handshakeTimeout; 'keylog' lines come out on
// both sides.
const assert = require('assert');
const tls = require('tls');
const net = require('net');
const { certs, mustCall, deadline } = require('./common');

deadline(30000);
const c = certs();

assert.throws(() => tls.createSecureContext({ minVersion: 'TLSv9' }), { code: 'ERR_TLS_INVALID_PROTOCOL_VERSION' });
assert.throws(() => tls.createSecureContext({ cert: 42 }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => tls.createSecureContext({ key: 'not a key' }), (err) => /^error:/.test(err.message) && /^ERR_OSSL_/.test(err.code));
assert.throws(() => tls.createSecureContext({ ciphers: 'NO-SUCH-CIPHER' }), { code: 'ERR_SSL_NO_CIPHER_MATCH' });
assert.throws(() => tls.createSecureContext({ ecdhCurve: 'nocurve' }), /ECDH curve|error:/);
assert.throws(() => tls.connect({ port: 1, secureContext: {} }), { code: 'ERR_TLS_INVALID_CONTEXT' });
assert.strictEqual(tls.DEFAULT_MIN_VERSION, 'TLSv1.2');
assert.strictEqual(tls.DEFAULT_MAX_VERSION, 'TLSv1.3');
assert.ok(tls.getCiphers().includes('ecdhe-rsa-aes128-gcm-sha256'));
assert.ok(Object.isFrozen(tls.rootCertificates));
assert.ok(tls.rootCertificates.length > 10);
assert.ok(tls.rootCertificates.every((pem) => pem.startsWith('-----BEGIN CERTIFICATE-----')));

function listen(options, onSecure) {
  const server = tls.createServer({ key: c.server.key, cert: c.server.cert, ...options }, onSecure);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function connectResult(port, options) {
  return new Promise((resolve) => {
    const sock = tls.connect({ port, host: 'localhost', ca: c.ca, ...options }, () => {
      resolve({ ok: sock.getProtocol() });
      sock.destroy();
    });
    sock.on('error', (err) => resolve({ error: err }));
  });
}

async function main() {
  // TLS 1.1 on one side, default on the other: no common version.
  let server = await listen({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
  const serverErrors = [];
  server.on('tlsClientError', (err) => serverErrors.push(err.code));
  let r = await connectResult(server.address().port, {});
  assert.ok(r.error, 'a TLS 1.1 server is refused');
  assert.match(r.error.code, /^ERR_SSL_/);
  await new Promise((resolve) => server.close(resolve));

  server = await listen({});
  r = await connectResult(server.address().port, { maxVersion: 'TLSv1.1', minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' });
  assert.match(r.error.code, /^ERR_SSL_/);
  r = await connectResult(server.address().port, { maxVersion: 'TLSv1.2' });
  assert.deepStrictEqual(r, { ok: 'TLSv1.2' });

  // Plaintext to a TLS server.
  const clientError = new Promise((resolve) => server.once('tlsClientError', (err, sock) => resolve([err, sock])));
  const raw = net.connect(server.address().port, '127.0.0.1', () => raw.write('GET / HTTP/1.1\r\n\r\n'));
  raw.on('error', () => {});
  raw.resume();
  const [err, sock] = await clientError;
  assert.strictEqual(err.code, 'ERR_SSL_HTTP_REQUEST');
  assert.strictEqual(err.library, 'SSL routines');
  assert.strictEqual(err.reason, 'http request');
  // Node prints OpenSSL's long form (thread, function, file, line); both name the same error.
  assert.match(err.message, /error:0A00009C:SSL routines:[a-z0-9_]*:http request/);
  assert.ok(sock instanceof tls.TLSSocket);

  // A client that connects and leaves before the handshake (as wrk's first probe does): the
  // server reports it as a 'tlsClientError' and goes on (no 'error' thrown).
  const lost = new Promise((resolve) => server.once('tlsClientError', (e) => resolve(e)));
  const probe = net.connect(server.address().port, '127.0.0.1', () => probe.end());
  probe.on('error', () => {});
  const lostErr = await lost;
  assert.strictEqual(lostErr.code, 'ECONNRESET');

  // keylog on both sides.
  const serverLines = [];
  server.on('keylog', (line, s) => {
    assert.ok(s instanceof tls.TLSSocket);
    serverLines.push(line.toString());
  });
  const clientLines = [];
  await new Promise((resolve) => {
    const s = tls.connect({ port: server.address().port, host: 'localhost', ca: c.ca }, () => {
      s.end();
      resolve();
    });
    s.on('keylog', (line) => clientLines.push(line.toString()));
  });
  assert.ok(clientLines.some((l) => l.startsWith('CLIENT_HANDSHAKE_TRAFFIC_SECRET ')));
  assert.ok(clientLines.every((l) => l.endsWith('\n')));
  assert.ok(serverLines.some((l) => l.startsWith('SERVER_TRAFFIC_SECRET_0 ')));
  await new Promise((resolve) => server.close(resolve));

  // A client that connects and says nothing: the server gives up after handshakeTimeout.
  const slow = await listen({ handshakeTimeout: 100 });
  const timedOut = new Promise((resolve) => slow.once('tlsClientError', (e) => resolve(e)));
  const silent = net.connect(slow.address().port, '127.0.0.1');
  silent.on('error', () => {});
  const timeoutErr = await timedOut;
  assert.strictEqual(timeoutErr.code, 'ERR_TLS_HANDSHAKE_TIMEOUT');
  assert.strictEqual(timeoutErr.message, 'TLS handshake timeout');
  silent.destroy();
  await new Promise((resolve) => slow.close(resolve));

  // Nothing listening.
  const closed = net.createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  r = await connectResult(port, { host: '127.0.0.1' });
  assert.strictEqual(r.error.code, 'ECONNREFUSED');
  const events = await new Promise((resolve) => {
    const seen = [];
    const s = tls.connect({ port, host: '127.0.0.1' });
    s.on('error', (e) => seen.push(`error ${e.code}`));
    s.on('close', (hadError) => {
      seen.push(`close ${hadError}`);
      resolve(seen);
    });
  });
  assert.deepStrictEqual(events, ['error ECONNREFUSED', 'close true']);

  // A server that closes the connection during the handshake.
  const rude = net.createServer((s) => s.destroy());
  await new Promise((resolve) => rude.listen(0, '127.0.0.1', resolve));
  r = await connectResult(rude.address().port, {});
  assert.strictEqual(r.error.code, 'ECONNRESET');
  assert.strictEqual(r.error.message, 'Client network socket disconnected before secure TLS connection was established');
  rude.close();
}

main().then(mustCall(() => {}));
