'use strict';
// The same program run on both dns implementations; each prints what it sees. The test script
// checks the output of each run against what that implementation promises.
const dns = require('dns');
const impl = dns.hostsOnly ? 'hosts' : 'c-ares';
dns.lookup('localhost', { family: 4 }, (err, address, family) => {
  console.log(impl, 'lookup', err ? err.code : `${address}/${family}`);
  dns.resolve4('swap-target.test', (err2, addrs) => {
    console.log(impl, 'resolve4', err2 ? `error ${err2.syscall}` : addrs.join(','));
    dns.promises.resolveMx('swap-target.test').then(
      (mx) => console.log(impl, 'mx', JSON.stringify(mx)),
      (e) => console.log(impl, 'mx', 'error', e.code));
  });
});
