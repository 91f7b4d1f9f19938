'use strict';
// SNI: addContext and SNICallback pick the certificate by the name the client sends; ALPN: the
// server's preference among the client's protocols, false without overlap on either side.
const assert = require('assert');
const tls = require('tls');
const { certs, mustCall, deadline } = require('./common');

deadline(30000);
const c = certs();

function connect(server, options) {
  return new Promise((resolve) => {
    const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: c.ca, ...options }, () => {
      const r = { cn: sock.getPeerCertificate().subject.CN, alpn: sock.alpnProtocol, authorized: sock.authorized };
      sock.end();
      resolve(r);
    });
    sock.on('error', (err) => resolve({ error: err.code }));
  });
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const seen = [];
  const server = tls.createServer({ key: c.server.key, cert: c.server.cert }, (s) => {
    seen.push(s.servername);
    s.resume();
  });
  server.addContext('*.b.example', { key: c.b.key, cert: c.b.cert });
  server.addContext('b.example', tls.createSecureContext({ key: c.b.key, cert: c.b.cert }));
  await listen(server);
  assert.deepStrictEqual(await connect(server, { servername: 'b.example' }), { cn: 'b.example', alpn: false, authorized: true });
  assert.deepStrictEqual(await connect(server, { servername: 'x.b.example' }), { cn: 'b.example', alpn: false, authorized: true });
  assert.deepStrictEqual(await connect(server, { servername: 'localhost' }), { cn: 'localhost', alpn: false, authorized: true });
  await new Promise((resolve) => server.close(resolve));
  assert.deepStrictEqual(seen, ['b.example', 'x.b.example', 'localhost']);

  // An asynchronous SNICallback.
  const names = [];
  const sniServer = tls.createServer({
    key: c.server.key, cert: c.server.cert,
    SNICallback(name, cb) {
      names.push(name);
      setImmediate(() => cb(null, name === 'b.example' ? tls.createSecureContext({ key: c.b.key, cert: c.b.cert }) : undefined));
    },
  }, (s) => s.resume());
  await listen(sniServer);
  assert.strictEqual((await connect(sniServer, { servername: 'b.example' })).cn, 'b.example');
  assert.strictEqual((await connect(sniServer, { servername: 'localhost' })).cn, 'localhost');
  await new Promise((resolve) => sniServer.close(resolve));
  assert.deepStrictEqual(names, ['b.example', 'localhost']);

  // SNICallback errors end the handshake.
  const failing = tls.createServer({ key: c.server.key, cert: c.server.cert,
    SNICallback: (name, cb) => cb(new Error('no such name')) });
  const clientErrors = [];
  failing.on('tlsClientError', (err) => clientErrors.push(err.message));
  await listen(failing);
  assert.ok((await connect(failing, { servername: 'localhost' })).error);
  await new Promise((resolve) => failing.close(resolve));
  assert.deepStrictEqual(clientErrors, ['no such name']);

  // ALPN.
  const alpnServer = tls.createServer({ key: c.server.key, cert: c.server.cert,
    ALPNProtocols: ['h2', 'http/1.1'] }, (s) => s.resume());
  await listen(alpnServer);
  assert.strictEqual((await connect(alpnServer, { servername: 'localhost', ALPNProtocols: ['http/1.1', 'h2'] })).alpn, 'h2');
  assert.strictEqual((await connect(alpnServer, { servername: 'localhost', ALPNProtocols: ['http/1.1'] })).alpn, 'http/1.1');
  assert.strictEqual((await connect(alpnServer, { servername: 'localhost' })).alpn, false);
  const none = await connect(alpnServer, { servername: 'localhost', ALPNProtocols: ['spdy/1'] });
  assert.strictEqual(none.error, 'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL');
  alpnServer.close();
  const plain = tls.createServer({ key: c.server.key, cert: c.server.cert }, (s) => s.resume());
  await listen(plain);
  assert.strictEqual((await connect(plain, { servername: 'localhost', ALPNProtocols: ['h2'] })).alpn, false);
  plain.close();
}

main().then(mustCall(() => {}));
