'use strict';
// dns.lookup and lookupService through the system resolver, on names that need no network:
// IP literals, localhost (from /etc/hosts), and argument checks.
const assert = require('assert');
const dns = require('dns');

const t = setTimeout(() => { console.error('timed out'); process.exit(1); }, 20000);
t.unref();

function lookup(host, options) {
  return new Promise((resolve, reject) => {
    dns.lookup(host, options, (err, address, family) => (err ? reject(err) : resolve([address, family])));
  });
}

async function main() {
  // IP literals come back without a system call, on a later tick.
  let sync = true;
  const p = lookup('127.0.0.1', {});
  sync = false;
  assert.deepStrictEqual(await p, ['127.0.0.1', 4]);
  assert.strictEqual(sync, false);
  assert.deepStrictEqual(await lookup('::1', {}), ['::1', 6]);
  assert.deepStrictEqual(await lookup('10.0.0.1', { all: true }), [[{ address: '10.0.0.1', family: 4 }], undefined]);

  const [addr, family] = await lookup('localhost', { family: 4 });
  assert.strictEqual(addr, '127.0.0.1');
  assert.strictEqual(family, 4);
  const [all] = await lookup('localhost', { all: true, family: 'IPv4' });
  assert.deepStrictEqual(all, [{ address: '127.0.0.1', family: 4 }]);
  const [ordered] = await lookup('localhost', { all: true, order: 'ipv4first' });
  assert.ok(ordered.length >= 1 && ordered[0].family === 4);

  assert.deepStrictEqual(await dns.promises.lookup('localhost', 4), { address: '127.0.0.1', family: 4 });
  assert.deepStrictEqual(await dns.promises.lookup('127.0.0.1', { all: true }),
    [{ address: '127.0.0.1', family: 4 }]);
  assert.deepStrictEqual(await require('util').promisify(dns.lookup)('127.0.0.1'),
    { address: '127.0.0.1', family: 4 });

  // lookupService: getnameinfo on the thread pool.
  const svc = await new Promise((resolve, reject) => dns.lookupService('127.0.0.1', 22,
    (err, hostname, service) => (err ? reject(err) : resolve([hostname, service]))));
  assert.strictEqual(typeof svc[0], 'string');
  assert.strictEqual(svc[1], 'ssh');
  const psvc = await dns.promises.lookupService('127.0.0.1', 80);
  assert.strictEqual(psvc.service, 'http');

  // Argument checks, as Node throws them.
  assert.throws(() => dns.lookup('localhost', { family: 5 }, () => {}), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => dns.lookup('localhost', { hints: 0xffff }, () => {}), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => dns.lookup('localhost', 'x', () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => dns.lookup(1, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => dns.lookupService('nope', 80, () => {}), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => dns.lookupService('127.0.0.1', 80), { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => dns.setDefaultResultOrder('bad'), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.strictEqual(dns.getDefaultResultOrder(), 'verbatim');

  // Constants and the promises object.
  assert.strictEqual(dns.NOTFOUND, 'ENOTFOUND');
  assert.strictEqual(dns.TIMEOUT, 'ETIMEOUT');
  assert.strictEqual(dns.promises, require('dns/promises'));
  assert.strictEqual(typeof dns.ADDRCONFIG, 'number');
  assert.ok(Array.isArray(dns.getServers()));
}

main().then(() => console.log('ok'), (err) => { console.error(err); process.exit(1); });
