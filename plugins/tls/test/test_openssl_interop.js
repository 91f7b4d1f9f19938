'use strict';
// Against real OpenSSL processes on 127.0.0.1: a nodus client talks to `openssl s_server`, and
// `openssl s_client` talks to a nodus server (verifying it against the test CA, with ALPN).
const assert = require('assert');
const tls = require('tls');
const path = require('path');
const { spawn } = require('child_process');
const { certs, mustCall, deadline } = require('./common');

deadline(40000);
const c = certs();
const file = (n) => path.join(c.dir, n);

function collect(child) {
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d) => { out.stdout += d; });
  child.stderr.on('data', (d) => { out.stderr += d; });
  return out;
}

// nodus client -> openssl s_server (which prints what it receives and sends what it is given).
function clientToOpenSSL(version) {
  return new Promise((resolve) => {
    const args = ['s_server', '-accept', '127.0.0.1:0', '-key', file('server.key'), '-cert',
      file('server.pem'), '-naccept', '1', '-alpn', 'foo,bar', `-${version}`];
    const server = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = collect(server);
    let connected = false;
    server.stdout.on('data', () => {
      const m = /ACCEPT 127\.0\.0\.1:(\d+)/.exec(out.stdout);
      if (!m || connected) return;
      connected = true;
      const sock = tls.connect({ port: Number(m[1]), host: 'localhost', ca: c.ca,
        ALPNProtocols: ['bar'] }, () => {
        const info = { authorized: sock.authorized, protocol: sock.getProtocol(), alpn: sock.alpnProtocol };
        sock.write('hello from nodus\n');
        server.stdin.write('hello from openssl\n');
        let got = '';
        sock.on('data', (d) => {
          got += d;
          if (got.includes('\n')) {
            sock.end();
            info.got = got;
            resolve({ info, out, server });
          }
        });
      });
      sock.on('error', (err) => resolve({ err, out, server }));
    });
  }).then((r) => new Promise((resolve) => {
    r.server.on('close', () => resolve(r));
    r.server.kill();
  }));
}

// openssl s_client -> nodus server.
function openSSLToServer(version) {
  return new Promise((resolve) => {
    const server = tls.createServer({ key: c.server.key, cert: c.server.cert, ALPNProtocols: ['x', 'http/1.1'] }, (s) => {
      let got = '';
      const protocol = s.getProtocol();
      s.on('data', (d) => {
        got += d;
        if (got.includes('\n')) s.end(`echo:${got}`);
      });
      s.on('error', () => {});
      s.on('close', () => server.close());
      server.seen = () => ({ got, protocol, alpn: s.alpnProtocol });
    });
    server.listen(0, '127.0.0.1', () => {
      const client = spawn('openssl', ['s_client', '-connect', `127.0.0.1:${server.address().port}`,
        '-CAfile', file('ca.pem'), '-verify_return_error', '-verify_hostname', 'localhost',
        '-servername', 'localhost', '-alpn', 'http/1.1', '-ign_eof', `-${version}`]);
      const out = collect(client);
      client.stdin.end('ping from openssl\n');
      client.on('close', (code) => resolve({ code, out, seen: server.seen && server.seen() }));
    });
  });
}

async function main() {
  for (const version of ['tls1_3', 'tls1_2']) {
    const expected = version === 'tls1_3' ? 'TLSv1.3' : 'TLSv1.2';
    const r = await clientToOpenSSL(version);
    assert.ifError(r.err);
    assert.deepStrictEqual(r.info, { authorized: true, protocol: expected, alpn: 'bar', got: 'hello from openssl\n' });
    assert.match(r.out.stdout, /hello from nodus/);

    const s = await openSSLToServer(version);
    assert.strictEqual(s.code, 0, s.out.stderr);
    assert.match(s.out.stdout, /Verify return code: 0 \(ok\)/);
    assert.match(s.out.stdout, /ALPN protocol: http\/1\.1/);
    assert.match(s.out.stdout, /echo:ping from openssl/);
    assert.deepStrictEqual(s.seen, { got: 'ping from openssl\n', protocol: expected, alpn: 'http/1.1' });
  }
}

main().then(mustCall(() => {}));
