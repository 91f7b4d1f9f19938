'use strict';
// Node's dns module. lookup/lookupService ask the system resolver (getaddrinfo/getnameinfo on
// libuv's thread pool); resolve*, reverse and Resolver ask DNS servers through c-ares, driven by
// the event loop. Shared parts are in internal/dns/utils.js; dns/promises is lib/dns/promises.js.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validatePort } = require('internal/validators');
const {
  ADDRCONFIG, ALL, V4MAPPED,
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
  validateFunction,
  validateString,
} = require('internal/dns/utils');

function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  } else {
    validateFunction(callback, 'callback');
  }
  const opts = lookupOptions(options);
  if (!hostname) {
    if (opts.all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, opts.family === 6 ? 6 : 4);
    return {};
  }
  const family = isIP(hostname);
  if (family) {
    if (opts.all) process.nextTick(callback, null, [{ address: hostname, family }]);
    else process.nextTick(callback, null, hostname, family);
    return {};
  }
  return startLookup(hostname, opts, callback);
}

Object.defineProperty(lookup, Symbol.for('nodejs.util.promisify.custom'), {
  configurable: true,
  enumerable: false,
  get() { return require('dns/promises').lookup; },
});

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  validateFunction(callback, 'callback');
  return startLookupService(address, +port, callback);
}

Object.defineProperty(lookupService, Symbol.for('nodejs.util.promisify.custom'), {
  configurable: true,
  enumerable: false,
  get() { return require('dns/promises').lookupService; },
});

class Resolver extends ResolverBase {}

for (const [method, bindingName] of Object.entries(resolveMethods)) {
  const fn = {
    [bindingName](name, options, callback) {
      if (callback === undefined) {
        callback = options;
        options = undefined;
      }
      validateString(name, 'name');
      validateFunction(callback, 'callback');
      return startQuery(this, bindingName, name, Boolean(options && options.ttl), callback);
    },
  }[bindingName];
  Resolver.prototype[method] = fn;
}

Resolver.prototype.reverse = function getHostByAddr(ip, callback) {
  validateString(ip, 'ip');
  validateFunction(callback, 'callback');
  return startReverse(this, ip, callback);
};

Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  let method;
  if (typeof rrtype === 'string') {
    method = rrtypes[rrtype];
    if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  } else if (typeof rrtype === 'function') {
    method = 'resolve4';
    callback = rrtype;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  return this[method](hostname, callback);
};

// The module-level functions use one resolver, made on first use (it reads resolv.conf).
let defaultResolver;
function getDefaultResolver() {
  if (defaultResolver === undefined) defaultResolver = new Resolver();
  return defaultResolver;
}

const dns = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers(servers) { getDefaultResolver().setServers(servers); },
  getServers() { return getDefaultResolver().getServers(); },
  resolve(...args) { return getDefaultResolver().resolve(...args); },
  reverse(...args) { return getDefaultResolver().reverse(...args); },
  ADDRCONFIG,
  ALL,
  V4MAPPED,
  ...errorCodes,
};
for (const method of Object.keys(resolveMethods)) {
  dns[method] = { [method](...args) { return getDefaultResolver()[method](...args); } }[method];
}
Object.defineProperty(dns, 'promises', {
  configurable: true,
  enumerable: true,
  get() { return require('dns/promises'); },
});
// For dns/promises: the same default resolver serves both APIs.
Object.defineProperty(dns, '_getDefaultResolver', { value: getDefaultResolver });

module.exports = dns;
