'use strict';
// TLS over any Duplex, as Node allows: a server-side TLSSocket and a tls.connect({ socket })
// client on the two ends of an in-memory stream pair (no sockets at all), data both ways and an
// orderly end; and tls.connect over an already connected net.Socket.
const assert = require('assert');
const tls = require('tls');
const net = require('net');
const { Duplex } = require('stream');
const { certs, mustCall, deadline } = require('./common');

deadline(20000);
const c = certs();

// Two Duplexes: what one writes, the other reads.
function pair() {
  const a = new Duplex({ read() {}, write(chunk, enc, cb) { b.push(chunk); cb(); }, final(cb) { b.push(null); cb(); } });
  const b = new Duplex({ read() {}, write(chunk, enc, cb) { a.push(chunk); cb(); }, final(cb) { a.push(null); cb(); } });
  return [a, b];
}

const [left, right] = pair();
const server = new tls.TLSSocket(left, { isServer: true,
  secureContext: tls.createSecureContext({ key: c.server.key, cert: c.server.cert }) });
server.on('secure', mustCall(() => {
  assert.strictEqual(server.getProtocol(), 'TLSv1.3');
}));
let serverGot = '';
server.on('data', (d) => {
  serverGot += d;
  if (serverGot === 'ping') server.end('pong');
});

const client = tls.connect({ socket: right, servername: 'localhost', ca: c.ca }, mustCall(() => {
  assert.strictEqual(client.authorized, true);
  assert.strictEqual(client.getPeerCertificate().subject.CN, 'localhost');
  client.write('ping');
}));
let clientGot = '';
client.on('data', (d) => { clientGot += d; });
client.on('end', mustCall(() => {
  assert.strictEqual(clientGot, 'pong');
  assert.strictEqual(serverGot, 'ping');
  overNetSocket();
}));

// tls.connect({ socket }) over a net.Socket that is already connected.
function overNetSocket() {
  const srv = tls.createServer({ key: c.server.key, cert: c.server.cert }, (s) => s.end('over net'));
  srv.listen(0, '127.0.0.1', () => {
    const raw = net.connect(srv.address().port, '127.0.0.1', () => {
      const s = tls.connect({ socket: raw, servername: 'localhost', ca: c.ca }, mustCall(() => {
        assert.strictEqual(s.authorized, true);
      }));
      let got = '';
      s.on('data', (d) => { got += d; });
      s.on('end', mustCall(() => {
        assert.strictEqual(got, 'over net');
        srv.close();
      }));
    });
  });
}
