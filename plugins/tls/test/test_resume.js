'use strict';
// Session resumption: the 'session' a first connection receives, passed as `session` to a second
// one, resumes it (isSessionReused() on both sides) over TLS 1.3 and TLS 1.2 tickets;
// getSession() and getTLSTicket() give it too; servers sharing ticketKeys resume each other's.
const assert = require('assert');
const tls = require('tls');
const { certs, mustCall, deadline } = require('./common');

deadline(30000);
const c = certs();

function once(server, options) {
  return new Promise((resolve, reject) => {
    const sock = tls.connect({ port: server.address().port, host: 'localhost', ca: c.ca, ...options });
    let session;
    sock.on('session', (s) => {
      session = s;
      if (sock.isSessionReused !== undefined && sock._done) sock.end();
    });
    sock.on('secureConnect', () => {
      sock._done = true;
      sock.result = { reused: sock.isSessionReused(), authorized: sock.authorized,
        protocol: sock.getProtocol(), ticket: Buffer.isBuffer(sock.getTLSTicket()),
        getSession: Buffer.isBuffer(sock.getSession()) };
    });
    sock.on('data', () => {});
    sock.on('end', () => sock.end());
    sock.on('close', () => resolve({ ...sock.result, session }));
    sock.on('error', reject);
  });
}

async function serve(options, fn) {
  const reusedOnServer = [];
  const server = tls.createServer({ key: c.server.key, cert: c.server.cert, ...options }, (s) => {
    reusedOnServer.push(s.isSessionReused());
    // Give the client time to receive its ticket: answer, then end.
    s.end('x');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  await fn(server);
  await new Promise((resolve) => server.close(resolve));
  return reusedOnServer;
}

async function main() {
  for (const maxVersion of ['TLSv1.3', 'TLSv1.2']) {
    const serverSide = await serve({ maxVersion }, async (server) => {
      const first = await once(server, {});
      assert.strictEqual(first.reused, false);
      assert.strictEqual(first.protocol, maxVersion);
      assert.ok(Buffer.isBuffer(first.session), `${maxVersion}: a 'session' event`);
      assert.strictEqual(first.getSession, true);
      const second = await once(server, { session: first.session });
      assert.strictEqual(second.reused, true, `${maxVersion}: resumed`);
      assert.strictEqual(second.authorized, true);
      assert.strictEqual(second.ticket, true);
      const third = await once(server, { session: first.session, servername: 'localhost' });
      assert.strictEqual(third.reused, true);
    });
    assert.deepStrictEqual(serverSide, [false, true, true]);
  }

  // TLS 1.2 without tickets: no resumption (Node keeps no session-id cache of its own).
  const SSL_OP_NO_TICKET = 0x4000;
  const serverSide = await serve({ maxVersion: 'TLSv1.2', secureOptions: SSL_OP_NO_TICKET }, async (server) => {
    const first = await once(server, {});
    const second = await once(server, { session: first.session });
    assert.strictEqual(second.reused, false);
    assert.strictEqual(second.ticket, false);
  });
  assert.deepStrictEqual(serverSide, [false, false]);

  assert.throws(() => tls.connect({ port: 1, session: 42 }), { code: 'ERR_INVALID_ARG_TYPE' });

  // Ticket keys: servers sharing them resume each other's sessions (a cluster behind a load
  // balancer); a server with other keys does a full handshake.
  const keys = Buffer.alloc(48, 7);
  const a = tls.createServer({ key: c.server.key, cert: c.server.cert, ticketKeys: keys }, (s) => s.end('a'));
  const b = tls.createServer({ key: c.server.key, cert: c.server.cert }, (s) => s.end('b'));
  const other = tls.createServer({ key: c.server.key, cert: c.server.cert }, (s) => s.end('o'));
  assert.deepStrictEqual(a.getTicketKeys(), keys);
  assert.strictEqual(b.getTicketKeys().length, 48);
  assert.notDeepStrictEqual(b.getTicketKeys(), keys);
  b.setTicketKeys(keys);
  assert.deepStrictEqual(b.getTicketKeys(), keys);
  assert.throws(() => b.setTicketKeys(Buffer.alloc(47)), /48/);  // Node: an internal assertion
  for (const s of [a, b, other]) await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  const fromA = await once(a, {});
  assert.strictEqual(fromA.reused, false);
  assert.strictEqual((await once(b, { session: fromA.session })).reused, true);
  assert.strictEqual((await once(other, { session: fromA.session })).reused, false);
  for (const s of [a, b, other]) await new Promise((resolve) => s.close(resolve));
}

main().then(mustCall(() => {}));
