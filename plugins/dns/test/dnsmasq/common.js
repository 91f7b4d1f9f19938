'use strict';
// For tests run by run_with_dnsmasq.sh: the port of the test DNS server and a resolver using it.
const dns = require('dns');

const port = Number(process.env.NODUS_DNS_TEST_PORT);
if (!port) {
  console.error('NODUS_DNS_TEST_PORT is not set: run this test through test/run_with_dnsmasq.sh');
  process.exit(1);
}
const blackholePort = Number(process.env.NODUS_DNS_BLACKHOLE_PORT) || 0;
const server = `127.0.0.1:${port}`;

function resolver(Ctor = dns.Resolver, options = { timeout: 2000, tries: 2 }) {
  const r = new Ctor(options);
  r.setServers([server]);
  return r;
}

const t = setTimeout(() => {
  console.error('test timed out');
  process.exit(1);
}, 30000);
t.unref();

module.exports = { port, blackholePort, server, resolver };
