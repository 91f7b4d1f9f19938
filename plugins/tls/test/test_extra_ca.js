'use strict';
// NODE_EXTRA_CA_CERTS adds to the system store used when no `ca` is given: a child process
// trusting our test CA through it connects with authorized === true. nodus reads the file on the
// first TLS use, never at startup: with a missing file, a program that does not use TLS prints
// nothing, and one that does gets the warning then. NODE_TLS_REJECT_UNAUTHORIZED=0 turns
// verification off, with Node's warning.
const assert = require('assert');
const path = require('path');
const tls = require('tls');
const { execFile, spawnSync } = require('child_process');
const { certs, mustCall, deadline } = require('./common');

deadline(30000);
const c = certs();
const isNodus = typeof process.versions.nodus === 'string';

// Asynchronous: the server below lives in this process.
function run(code, extra, moreEnv = {}) {
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: extra, ...moreEnv };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', code], { env, encoding: 'utf8', timeout: 20000 },
      (err, stdout, stderr) => (err ? reject(err) : resolve({ ...JSON.parse(stdout), stderr })));
  });
}

const server = tls.createServer({ key: c.server.key, cert: c.server.cert }, (s) => {
  s.on('error', () => {});  // the client hangs up at once
  s.end('hi');
});
server.listen(0, '127.0.0.1', mustCall(async () => {
  const port = server.address().port;
  const client = `
    const s = require('tls').connect(${port}, 'localhost', () => {
      console.log(JSON.stringify({ authorized: s.authorized }));
      s.destroy();
    });
    s.on('error', (e) => { console.log(JSON.stringify({ error: e.code })); });`;
  const trusted = await run(client, path.join(c.dir, 'ca.pem'));
  assert.deepStrictEqual(trusted, { authorized: true, stderr: '' });
  const untrusted = await run(client, '');
  assert.deepStrictEqual(untrusted, { error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', stderr: '' });
  // NODE_TLS_REJECT_UNAUTHORIZED=0 connects anyway, with Node's warning.
  const insecure = await run(client, '', { NODE_TLS_REJECT_UNAUTHORIZED: '0' });
  assert.strictEqual(insecure.authorized, false);
  assert.match(insecure.stderr, /Warning: Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0'/);
  server.close();

  if (isNodus) {
    const missing = path.join(c.dir, 'no-such-file.pem');
    const quiet = spawnSync(process.execPath, ['-e', 'console.log(1)'],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: missing }, encoding: 'utf8', timeout: 20000 });
    assert.strictEqual(quiet.stderr, '');
    const loud = spawnSync(process.execPath,
      ['-e', "require('tls').createSecureContext(); console.log(2)"],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: missing }, encoding: 'utf8', timeout: 20000 });
    assert.strictEqual(loud.stdout, '2\n');
    assert.match(loud.stderr, /Warning: Ignoring extra certs from `.*no-such-file\.pem`, load failed/);
  }
}));
