'use strict';
// AsyncLocalStorage across tls: the server's secure connections and their data in the context of
// listen(), the client's secureConnect and data in the context of connect() (as Node). The
// certificate is made at run time with openssl.
const tls = require('tls');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { AsyncLocalStorage } = require('async_hooks');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'als-tls-'));
const key = path.join(dir, 'key.pem');
const cert = path.join(dir, 'cert.pem');
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
  '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });

const als = new AsyncLocalStorage();
const log = [];
const server = tls.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (s) => {
  log.push(`secureConnection:${als.getStore()}`);
  s.on('data', () => { log.push(`server data:${als.getStore()}`); s.end('pong'); });
});
als.run('listen-store', () => server.listen(0, '127.0.0.1', () => {
  als.run('client-store', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false }, () => {
      log.push(`secureConnect:${als.getStore()}`);
      c.write('ping');
    });
    c.on('data', () => log.push(`client data:${als.getStore()}`));
    c.on('close', () => {
      log.push(`client close:${als.getStore()}`);
      server.close(() => {
        fs.rmSync(dir, { recursive: true, force: true });
        console.log(log.sort().join('\n'));
      });
    });
  });
}));
