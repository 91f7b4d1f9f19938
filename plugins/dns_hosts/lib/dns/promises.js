'use strict';
// dns/promises over the hosts-only implementation.
const dns = require('dns');

function promisify(fn) {
  return (...args) => new Promise((resolve, reject) => {
    fn(...args, (err, ...results) => (err ? reject(err) : resolve(results.length > 1 ? results : results[0])));
  });
}

function lookup(hostname, options = {}) {
  return new Promise((resolve, reject) => {
    dns.lookup(hostname, options, (err, address, family) => {
      if (err) return reject(err);
      resolve(Array.isArray(address) ? address : { address, family });
    });
  });
}

class Resolver extends dns.Resolver {}
for (const name of Object.getOwnPropertyNames(dns.Resolver.prototype)) {
  if (name.startsWith('resolve') || name === 'reverse') {
    const original = dns.Resolver.prototype[name];
    Resolver.prototype[name] = function(...args) { return promisify(original.bind(this))(...args); };
  }
}
const defaultResolver = new Resolver();
const out = {
  lookup,
  lookupService: promisify(dns.lookupService),
  Resolver,
  getServers: dns.getServers,
  setServers: dns.setServers,
  setDefaultResultOrder: dns.setDefaultResultOrder,
  getDefaultResultOrder: dns.getDefaultResultOrder,
};
for (const name of Object.getOwnPropertyNames(Resolver.prototype)) {
  if (name.startsWith('resolve') || name === 'reverse') out[name] = Resolver.prototype[name].bind(defaultResolver);
}
module.exports = out;
