'use strict';
// dns.promises: the same resolvers as dns, returning promises. Shares the default resolver with
// the callback API, so setServers on either affects both, as in Node.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validatePort } = require('internal/validators');
const {
  ResolverBase,
  errorCodes,
  getDefaultResultOrder,
  isIP,
  lookupOptions,
  resolveMethods,
  rrtypes,
  setDefaultResultOrder,
  startLookup,
  startLookupService,
  startQuery,
  startReverse,
  validateString,
} = require('internal/dns/utils');

function lookup(hostname, options) {
  if (hostname) validateString(hostname, 'hostname');
  const opts = lookupOptions(options);
  if (!hostname) {
    return Promise.resolve(opts.all ? [] : { address: null, family: opts.family === 6 ? 6 : 4 });
  }
  const family = isIP(hostname);
  if (family) {
    return Promise.resolve(opts.all ? [{ address: hostname, family }] : { address: hostname, family });
  }
  return new Promise((resolve, reject) => {
    startLookup(hostname, opts, (err, address, fam) => {
      if (err) reject(err);
      else resolve(opts.all ? address : { address, family: fam });
    });
  });
}

function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  return new Promise((resolve, reject) => {
    startLookupService(address, +port, (err, hostname, service) => {
      if (err) reject(err);
      else resolve({ hostname, service });
    });
  });
}

function settle(resolve, reject) {
  return (err, result) => (err ? reject(err) : resolve(result));
}

class Resolver extends ResolverBase {}

for (const [method, bindingName] of Object.entries(resolveMethods)) {
  Resolver.prototype[method] = {
    [bindingName](name, options) {
      validateString(name, 'name');
      const ttl = Boolean(options && options.ttl);
      return new Promise((resolve, reject) => {
        startQuery(this, bindingName, name, ttl, settle(resolve, reject));
      });
    },
  }[bindingName];
}

Resolver.prototype.reverse = function getHostByAddr(ip) {
  validateString(ip, 'ip');
  return new Promise((resolve, reject) => startReverse(this, ip, settle(resolve, reject)));
};

Resolver.prototype.resolve = function resolve(hostname, rrtype = 'A') {
  if (typeof rrtype !== 'string') throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  const method = rrtypes[rrtype];
  if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  return this[method](hostname);
};

// One default resolver per API object, sharing the callback API's channel (and its servers).
let defaultResolver;
function getDefaultResolver() {
  if (defaultResolver === undefined) {
    defaultResolver = Object.create(Resolver.prototype);
    defaultResolver._handle = require('dns')._getDefaultResolver()._handle;
  }
  return defaultResolver;
}

const promises = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers(servers) { getDefaultResolver().setServers(servers); },
  getServers() { return getDefaultResolver().getServers(); },
  resolve(...args) { return getDefaultResolver().resolve(...args); },
  reverse(...args) { return getDefaultResolver().reverse(...args); },
  ...errorCodes,
};
for (const method of Object.keys(resolveMethods)) {
  promises[method] = { [method](...args) { return getDefaultResolver()[method](...args); } }[method];
}

module.exports = promises;
