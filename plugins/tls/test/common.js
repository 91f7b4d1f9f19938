'use strict';
// Shared by the tls and https tests: certificates made at run time with the `openssl` tool in a
// temporary folder (a CA, servers for localhost / b.example / a wrong host, an expired one, a
// self-signed one, a client certificate), and small helpers. Runs under nodus and Node alike.

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function openssl(dir, args) {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30000 });
}

function key(dir, name) {
  openssl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-out', `${name}.key`]);
}

// A certificate for `name` signed by the CA; `san` like 'DNS:localhost,IP:127.0.0.1'.
function leaf(dir, name, cn, san, { days = 30, ext = 'serverAuth' } = {}) {
  key(dir, name);
  openssl(dir, ['req', '-new', '-key', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
  const extFile = path.join(dir, `${name}.ext`);
  fs.writeFileSync(extFile, `${san ? `subjectAltName=${san}\n` : ''}extendedKeyUsage=${ext}\n`);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key',
    '-CAcreateserial', '-days', String(days), '-extfile', extFile, '-out', `${name}.pem`]);
}

let cached = null;
function certs() {
  if (cached !== null) return cached;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-tls-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  key(dir, 'ca');
  openssl(dir, ['req', '-x509', '-new', '-key', 'ca.key', '-out', 'ca.pem', '-days', '30',
    '-subj', '/CN=nodus test CA']);
  leaf(dir, 'server', 'localhost', 'DNS:localhost,IP:127.0.0.1');
  leaf(dir, 'b', 'b.example', 'DNS:b.example,DNS:*.b.example');
  leaf(dir, 'wronghost', 'wrong.example', 'DNS:wrong.example');
  leaf(dir, 'expired', 'localhost', 'DNS:localhost,IP:127.0.0.1', { days: -1 });
  leaf(dir, 'client', 'test client', '', { ext: 'clientAuth' });
  key(dir, 'self');
  openssl(dir, ['req', '-x509', '-new', '-key', 'self.key', '-out', 'self.pem', '-days', '30',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1']);
  const read = (n) => fs.readFileSync(path.join(dir, n));
  cached = { dir, ca: read('ca.pem') };
  for (const n of ['server', 'b', 'wronghost', 'expired', 'client', 'self']) {
    cached[n] = { key: read(`${n}.key`), cert: read(`${n}.pem`) };
  }
  return cached;
}

// Calls fn once per event-loop check until it returns true, at most `limit` times.
function mustCall(fn, expected = 1) {
  let calls = 0;
  process.on('exit', (code) => {
    if (code === 0 && calls !== expected) {
      throw new Error(`expected ${expected} call(s) to ${fn.name || 'function'}, got ${calls}`);
    }
  });
  return function(...args) {
    calls++;
    return fn.apply(this, args);
  };
}

// A hard stop so a hung handshake fails the test instead of waiting for ctest's timeout.
function deadline(ms = 20000) {
  const t = setTimeout(() => {
    console.error(`test did not finish within ${ms} ms`);
    process.exit(1);
  }, ms);
  t.unref();
}

module.exports = { certs, mustCall, deadline, openssl };
