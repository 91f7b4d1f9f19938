'use strict';
// Every record type against the dnsmasq zone (see ../run_with_dnsmasq.sh), through the callback
// Resolver, the promise Resolver, the module-level functions and resolve(name, rrtype).
const assert = require('assert');
const dns = require('dns');
const { resolver, server } = require('./common');

const expected = {
  resolve4: ['app.test', ['10.1.2.3']],
  resolve6: ['app.test', ['fd00::1:2']],
  resolveCname: ['www.app.test', ['app.test']],
  resolveTxt: ['app.test', [['hello', 'world'], ['second']]],
  resolveMx: ['app.test', [{ exchange: 'backup.app.test', priority: 20 },
    { exchange: 'mail.app.test', priority: 10 }]],
  resolveSrv: ['_http._tcp.app.test', [{ name: 'app.test', port: 80, priority: 1, weight: 5 }]],
  resolveNaptr: ['app.test', [{ flags: 'S', service: 'SIP+D2U', regexp: '',
    replacement: '_sip._udp.app.test', order: 100, preference: 10 }]],
  resolveCaa: ['app.test', [{ critical: 0, issue: 'letsencrypt.org' }]],
  resolvePtr: ['4.3.2.1.in-addr.arpa', ['ptr.app.test']],
  resolveNs: ['app.test', ['ns1.app.test']],
  resolveSoa: ['app.test', { nsname: 'ns1.app.test', hostmaster: 'hostmaster.app.test',
    serial: 2024010101, refresh: 7200, retry: 3600, expire: 1209600, minttl: 300 }],
};

// Record order within an answer is the server's choice: compare sorted.
function norm(v) {
  if (!Array.isArray(v)) return v;
  return v.map((x) => JSON.stringify(x)).sort();
}

function callbackApi(next) {
  const r = resolver();
  assert.deepStrictEqual(r.getServers(), [server]);
  const methods = Object.keys(expected);
  let pending = methods.length;
  for (const m of methods) {
    const [name, want] = expected[m];
    const req = r[m](name, (err, got) => {
      assert.ifError(err);
      assert.deepStrictEqual(norm(got), norm(want), m);
      if (--pending === 0) next();
    });
    assert.strictEqual(typeof req, 'object');
  }
}

async function promiseApi() {
  const r = resolver(dns.promises.Resolver);
  for (const [m, [name, want]] of Object.entries(expected)) {
    assert.deepStrictEqual(norm(await r[m](name)), norm(want), m);
  }
  // TTLs, several addresses, resolve(name, rrtype), reverse.
  assert.deepStrictEqual(await r.resolve4('app.test', { ttl: true }), [{ address: '10.1.2.3', ttl: 300 }]);
  assert.deepStrictEqual(await r.resolve6('app.test', { ttl: true }), [{ address: 'fd00::1:2', ttl: 300 }]);
  assert.deepStrictEqual((await r.resolve4('two.app.test')).sort(), ['10.1.2.4', '10.1.2.5']);
  assert.deepStrictEqual(await r.resolve('app.test', 'MX').then(norm), norm(expected.resolveMx[1]));
  assert.deepStrictEqual(await r.resolve('app.test'), ['10.1.2.3']);
  assert.deepStrictEqual(await r.reverse('10.1.2.3'), ['app.test']);

  // ANY: every record dnsmasq holds for the name, each tagged with its type.
  const any = await r.resolveAny('app.test');
  const types = new Set(any.map((rec) => rec.type));
  for (const type of ['A', 'AAAA', 'MX', 'TXT', 'NAPTR', 'CAA']) assert.ok(types.has(type), type);
  assert.deepStrictEqual(any.find((rec) => rec.type === 'A'), { address: '10.1.2.3', ttl: 300, type: 'A' });
}

async function moduleLevel() {
  const saved = dns.getServers();
  dns.setServers([server]);
  assert.deepStrictEqual(dns.promises.getServers(), [server]);
  const v4 = await new Promise((resolve, reject) =>
    dns.resolve4('app.test', (err, a) => (err ? reject(err) : resolve(a))));
  assert.deepStrictEqual(v4, ['10.1.2.3']);
  assert.deepStrictEqual(await dns.promises.resolveTxt('app.test').then(norm),
    norm(expected.resolveTxt[1]));
  const names = await new Promise((resolve, reject) =>
    dns.reverse('10.1.2.3', (err, a) => (err ? reject(err) : resolve(a))));
  assert.deepStrictEqual(names, ['app.test']);
  dns.setServers(saved);
}

callbackApi(() => {
  promiseApi().then(moduleLevel).then(() => console.log('ok')).catch((err) => {
    console.error(err);
    process.exit(1);
  });
});
