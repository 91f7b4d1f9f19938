'use strict';
// Failures with Node's error shapes: NXDOMAIN (ENOTFOUND), a name without the asked type
// (ENODATA), a server that never answers (ETIMEOUT, bounded by timeout/tries), a port nobody
// listens on (ECONNREFUSED), cancel() (ECANCELLED), and setServers validation.
const assert = require('assert');
const dns = require('dns');
const { resolver, blackholePort } = require('./common');

function expectError(promise, code, syscall, hostname) {
  return promise.then(() => assert.fail(`expected ${code}`), (err) => {
    assert.strictEqual(err.code, code);
    assert.strictEqual(err.syscall, syscall);
    assert.strictEqual(err.hostname, hostname);
    assert.strictEqual(err.message, `${syscall} ${code} ${hostname}`);
    return err;
  });
}

async function main() {
  const r = resolver(dns.promises.Resolver);
  await expectError(r.resolve4('nope.test'), 'ENOTFOUND', 'queryA', 'nope.test');
  await expectError(r.resolveMx('www.nope.test'), 'ENOTFOUND', 'queryMx', 'www.nope.test');
  await expectError(r.resolveSrv('app.test'), 'ENODATA', 'querySrv', 'app.test');
  await expectError(r.reverse('10.9.9.9'), 'ENOTFOUND', 'getHostByAddr', '10.9.9.9');

  // The callback API reports the same, never synchronously.
  await new Promise((resolve) => {
    let sync = true;
    resolver().resolveTxt('', () => { assert.strictEqual(sync, false); resolve(); });
    sync = false;
  });

  // A server that swallows queries: ETIMEOUT after about timeout * tries.
  if (blackholePort) {
    const slow = new dns.promises.Resolver({ timeout: 200, tries: 2 });
    slow.setServers([`127.0.0.1:${blackholePort}`]);
    const start = Date.now();
    await expectError(slow.resolve4('app.test'), 'ETIMEOUT', 'queryA', 'app.test');
    const took = Date.now() - start;
    assert.ok(took >= 150 && took < 5000, `timeout took ${took} ms`);
  } else {
    console.log('python3 missing: timeout case skipped');
  }

  // Nothing listens on this port: the ICMP error makes c-ares give up at once.
  const refused = new dns.promises.Resolver({ timeout: 1000, tries: 1 });
  refused.setServers(['127.0.0.1:9']);
  await expectError(refused.resolve4('app.test'), 'ECONNREFUSED', 'queryA', 'app.test');

  // cancel(): pending queries fail with ECANCELLED.
  if (blackholePort) {
    const c = new dns.Resolver({ timeout: 5000, tries: 1 });
    c.setServers([`127.0.0.1:${blackholePort}`]);
    const p = new Promise((resolve) => c.resolve4('app.test', (err) => resolve(err)));
    setTimeout(() => c.cancel(), 20);
    const err = await p;
    assert.strictEqual(err.code, 'ECANCELLED');
    assert.strictEqual(err.message, 'queryA ECANCELLED app.test');
  }

  // setServers input checks.
  const v = new dns.Resolver();
  assert.throws(() => v.setServers(['not an ip']), { code: 'ERR_INVALID_IP_ADDRESS' });
  assert.throws(() => v.setServers('127.0.0.1'), { code: 'ERR_INVALID_ARG_TYPE' });
  v.setServers(['127.0.0.1', '[::1]:5353', '10.0.0.1:54', '::2']);
  assert.deepStrictEqual(v.getServers(), ['127.0.0.1', '[::1]:5353', '10.0.0.1:54', '::2']);
  assert.throws(() => new dns.Resolver({ timeout: -2 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => new dns.Resolver({ tries: 0 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => v.resolve('app.test', 'BOGUS', () => {}), { code: 'ERR_INVALID_ARG_VALUE' });
}

main().then(() => console.log('ok'), (err) => {
  console.error(err);
  process.exit(1);
});
