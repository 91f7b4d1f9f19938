'use strict';
// https.createServer / request / get / Agent on 127.0.0.1 with the test CA: requests with bodies,
// keep-alive reuse of one TLS connection, session resumption across connections through the
// agent's session cache, verification errors, handshake failures as 'clientError', and the
// module's shape (globalAgent, defaults, protocol checks).
const assert = require('assert');
const https = require('https');
const http = require('http');
const tls = require('tls');
const net = require('net');
const { certs, mustCall, deadline } = require('../../tls/test/common');

deadline(30000);
const c = certs();

function fetch(options, body) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: 'localhost', ca: c.ca, ...options }, (res) => {
      let text = '';
      const resumed = res.socket.isSessionReused();
      const authorized = res.socket.authorized;
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text,
        reused: req.reusedSocket, resumed, authorized }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  assert.ok(https.globalAgent instanceof https.Agent);
  assert.ok(https.globalAgent instanceof http.Agent);
  assert.strictEqual(https.globalAgent.defaultPort, 443);
  assert.strictEqual(https.globalAgent.protocol, 'https:');
  assert.strictEqual(https.globalAgent.keepAlive, true);
  assert.throws(() => http.request('https://localhost/'), { code: 'ERR_INVALID_PROTOCOL' });
  assert.throws(() => https.request('http://localhost/'), { code: 'ERR_INVALID_PROTOCOL' });

  const seen = [];
  const server = https.createServer({ key: c.server.key, cert: c.server.cert }, (req, res) => {
    seen.push({ url: req.url, encrypted: req.socket.encrypted, protocol: req.socket.getProtocol() });
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      res.setHeader('x-method', req.method);
      res.end(`${req.method} ${req.url} ${body}`);
    });
  });
  assert.ok(server instanceof tls.Server);
  const clientErrors = [];
  server.on('clientError', (err, sock) => {
    clientErrors.push(err.code);
    sock.destroy();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;

  // GET with a URL, POST with a body, both on the global agent's one kept-alive connection.
  const a = await new Promise((resolve, reject) => {
    https.get(`https://localhost:${port}/first?x=1`, { ca: c.ca }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    }).on('error', reject);
  });
  assert.deepStrictEqual(a, { status: 200, text: 'GET /first?x=1 ' });
  const b = await fetch({ port, method: 'POST', path: '/post', agent: https.globalAgent }, 'payload');
  assert.strictEqual(b.text, 'POST /post payload');
  assert.strictEqual(b.headers['x-method'], 'POST');
  assert.strictEqual(b.authorized, true);
  assert.deepStrictEqual(seen[0], { url: '/first?x=1', encrypted: true, protocol: 'TLSv1.3' });

  // An agent without keep-alive: a new connection per request, resumed from the cached session.
  const agent = new https.Agent({ keepAlive: false });
  const first = await fetch({ port, path: '/s1', agent });
  assert.strictEqual(first.resumed, false);
  const second = await fetch({ port, path: '/s2', agent });
  assert.strictEqual(second.resumed, true);
  assert.strictEqual(second.text, 'GET /s2 ');
  assert.strictEqual(agent._sessionCache.list.length, 1);

  // Keep-alive: the second request goes over the same socket.
  const keep = new https.Agent({ keepAlive: true });
  await fetch({ port, path: '/k1', agent: keep });
  const k2 = await fetch({ port, path: '/k2', agent: keep });
  assert.strictEqual(k2.reused, true);
  keep.destroy();

  // agent: false and rejectUnauthorized.
  await assert.rejects(fetch({ port, path: '/', agent: false, ca: undefined }), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  await assert.rejects(fetch({ port, path: '/', host: '127.0.0.1', servername: 'wrong.example' }), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  const insecure = await fetch({ port, path: '/insecure', agent: false, ca: undefined, rejectUnauthorized: false });
  assert.strictEqual(insecure.authorized, false);
  assert.strictEqual(insecure.text, 'GET /insecure ');

  // The agent keys connections by their TLS options.
  const name = agent.getName({ host: 'localhost', port, servername: 'x.example', rejectUnauthorized: false });
  assert.ok(name.startsWith(`localhost:${port}:`));
  assert.ok(name.includes(':false:x.example:'));

  // A plaintext client: a handshake failure reaches 'clientError'.
  await new Promise((resolve) => {
    const raw = net.connect(port, '127.0.0.1', () => raw.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    raw.on('error', () => {});
    raw.on('close', resolve);
    raw.resume();
  });
  // (Clients that hung up after refusing the certificate may show up as ECONNRESET first.)
  assert.deepStrictEqual(clientErrors.filter((code) => code !== 'ECONNRESET'), ['ERR_SSL_HTTP_REQUEST']);

  https.globalAgent.destroy();
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
}

main().then(mustCall(() => {}));
