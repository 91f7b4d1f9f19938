'use strict';
// What the callback and promise APIs share: the c-ares Resolver base (servers, timeout/tries,
// cancel), query dispatch and result shaping, lookup argument validation and the default result
// order. The native side is src/cares_channel.cc (queries) and src/getaddrinfo.cc (lookup).

const {
  codes: {
    ERR_DNS_SET_SERVERS_FAILED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_IP_ADDRESS,
  },
  DNSException,
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validateOneOf,
  validateString,
} = require('internal/validators');
const { bindToCurrent } = require('internal/async_context');

const { ChannelWrap, constants } = binding;
const { AI_ADDRCONFIG, AI_ALL, AI_V4MAPPED } = constants;
const IANA_DNS_PORT = 53;

// 4, 6 or 0, by inet_pton.
function isIP(address) {
  return typeof address === 'string' ? binding.isIP(address) : 0;
}

// Query types: the binding method name Node uses in error messages, and the RR type number.
const queryTypes = {
  __proto__: null,
  queryAny: 255,
  queryA: 1,
  queryAaaa: 28,
  queryCaa: 257,
  queryCname: 5,
  queryMx: 15,
  queryNs: 2,
  queryTxt: 16,
  querySrv: 33,
  queryPtr: 12,
  queryNaptr: 35,
  querySoa: 6,
};

const resolveMethods = {
  __proto__: null,
  resolveAny: 'queryAny',
  resolve4: 'queryA',
  resolve6: 'queryAaaa',
  resolveCaa: 'queryCaa',
  resolveCname: 'queryCname',
  resolveMx: 'queryMx',
  resolveNs: 'queryNs',
  resolveTxt: 'queryTxt',
  resolveSrv: 'querySrv',
  resolvePtr: 'queryPtr',
  resolveNaptr: 'queryNaptr',
  resolveSoa: 'querySoa',
};

const rrtypes = {
  __proto__: null,
  A: 'resolve4',
  AAAA: 'resolve6',
  ANY: 'resolveAny',
  CAA: 'resolveCaa',
  CNAME: 'resolveCname',
  MX: 'resolveMx',
  NAPTR: 'resolveNaptr',
  NS: 'resolveNs',
  PTR: 'resolvePtr',
  SOA: 'resolveSoa',
  SRV: 'resolveSrv',
  TXT: 'resolveTxt',
};

// req.oncomplete from the channel: (0 | code, result, ttls). The binding never calls it from
// inside the call that started the query (an immediate failure is delivered on the next loop
// turn), so the callback always runs after that call returned.
function onresolve(err, result, ttls) {
  if (err) {
    this.callback(new DNSException(err, this.bindingName, this.hostname));
    return;
  }
  if (ttls !== undefined && this.ttl) {
    result = result.map((address, i) => ({ address, ttl: ttls[i] }));
  }
  this.callback(null, result);
}

function startQuery(resolver, bindingName, name, ttl, callback) {
  callback = bindToCurrent(callback);
  const req = { bindingName, hostname: name, ttl, callback, oncomplete: onresolve };
  resolver._handle.query(req, name, queryTypes[bindingName]);
  return req;
}

function startReverse(resolver, ip, callback) {
  callback = bindToCurrent(callback);
  const req = { bindingName: 'getHostByAddr', hostname: ip, ttl: false, callback,
    oncomplete: onresolve };
  const err = resolver._handle.getHostByAddr(req, ip);
  if (err) throw new DNSException(err, 'getHostByAddr', ip);
  return req;
}

function validateTimeout(options) {
  const { timeout = -1 } = options ?? {};
  validateInt32(timeout, 'options.timeout', -1);
  return timeout;
}

function validateTries(options) {
  const { tries = 4 } = options ?? {};
  validateInt32(tries, 'options.tries', 1);
  return tries;
}

const kIPv6Bracketed = /^\[([^[\]]*)\](?::(\d+))?$/;
const kHostPort = /^(.+?)(?::(\d+))?$/;

class ResolverBase {
  constructor(options = undefined) {
    const timeout = validateTimeout(options);
    const tries = validateTries(options);
    this._handle = new ChannelWrap(timeout, tries);
  }

  cancel() {
    this._handle.cancel();
  }

  // 'ip' or 'ip:port' ('[ip]:port' for IPv6) when the port is not 53.
  getServers() {
    return this._handle.getServers().map(([ip, port]) => {
      if (!port || port === IANA_DNS_PORT) return ip;
      return isIP(ip) === 6 ? `[${ip}]:${port}` : `${ip}:${port}`;
    });
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const list = servers.map((server, i) => {
      validateString(server, `servers[${i}]`);
      let family = isIP(server);
      if (family !== 0) return [family, server, IANA_DNS_PORT];
      let m = kIPv6Bracketed.exec(server);
      if (m !== null && isIP(m[1]) === 6) {
        return [6, m[1], m[2] ? parseInt(m[2], 10) : IANA_DNS_PORT];
      }
      m = kHostPort.exec(server);
      if (m !== null) {
        family = isIP(m[1]);
        if (family === 4) return [4, m[1], m[2] ? parseInt(m[2], 10) : IANA_DNS_PORT];
      }
      throw new ERR_INVALID_IP_ADDRESS(server);
    });
    const status = this._handle.setServers(list);
    if (status !== 0) {
      const reason = status === binding.aresStatus.ENOTIMP ?
        'There are pending queries.' : 'Bad server address.';
      throw new ERR_DNS_SET_SERVERS_FAILED(reason, servers.join(','));
    }
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (isIP(ipv4) !== 4) throw new ERR_INVALID_ARG_VALUE('ipv4', ipv4, 'must be a valid IPv4 address');
    if (ipv6 !== undefined) {
      validateString(ipv6, 'ipv6');
      if (isIP(ipv6) !== 6) throw new ERR_INVALID_ARG_VALUE('ipv6', ipv6, 'must be a valid IPv6 address');
    }
    this._handle.setLocalAddress(ipv4, ipv6);
  }
}

// ---- lookup --------------------------------------------------------------------------------

const orderCodes = { __proto__: null, verbatim: 0, ipv4first: 1, ipv6first: 2 };
let defaultResultOrder = 'verbatim';

function getDefaultResultOrder() {
  return defaultResultOrder;
}

function setDefaultResultOrder(value) {
  validateOneOf(value, 'dnsOrder', ['verbatim', 'ipv4first', 'ipv6first']);
  defaultResultOrder = value;
}

function validateHints(hints) {
  if ((hints & ~(AI_ADDRCONFIG | AI_ALL | AI_V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

// Normalises lookup's (options) into { family, hints, all, order }.
function lookupOptions(options) {
  const out = { family: 0, hints: 0, all: false, order: defaultResultOrder };
  if (typeof options === 'number') {
    validateOneOf(options, 'family', [0, 4, 6]);
    out.family = options;
    return out;
  }
  if (options === undefined || options === null) return out;
  if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  if (options.hints != null) {
    validateNumber(options.hints, 'options.hints');
    out.hints = options.hints >>> 0;
    validateHints(out.hints);
  }
  if (options.family != null) {
    if (options.family === 'IPv4') out.family = 4;
    else if (options.family === 'IPv6') out.family = 6;
    else {
      validateOneOf(options.family, 'options.family', [0, 4, 6]);
      out.family = options.family;
    }
  }
  if (options.all != null) {
    validateBoolean(options.all, 'options.all');
    out.all = options.all;
  }
  if (options.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    out.order = options.verbatim ? 'verbatim' : 'ipv4first';
  }
  if (options.order != null) {
    validateOneOf(options.order, 'options.order', ['ipv4first', 'ipv6first', 'verbatim']);
    out.order = options.order;
  }
  return out;
}

function onlookup(err, addresses) {
  if (err) {
    this.callback(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }
  if (this.all) {
    const family = this.family;
    this.callback(null, addresses.map((address) => ({ address, family: family || isIP(address) })));
  } else {
    this.callback(null, addresses[0], this.family || isIP(addresses[0]));
  }
}

// Starts getaddrinfo; `callback` gets (err, address, family) or (err, [{address, family}]).
function startLookup(hostname, opts, callback) {
  callback = bindToCurrent(callback);
  const req = { callback, family: opts.family, hostname, all: opts.all, oncomplete: onlookup };
  const err = binding.getaddrinfo(req, hostname, opts.family, opts.hints, orderCodes[opts.order]);
  if (err) {
    process.nextTick(callback, new DNSException(err, 'getaddrinfo', hostname));
    return {};
  }
  return req;
}

function onlookupservice(err, hostname, service) {
  if (err) {
    this.callback(new DNSException(err, 'getnameinfo', this.hostname));
    return;
  }
  this.callback(null, hostname, service);
}

function startLookupService(address, port, callback) {
  callback = bindToCurrent(callback);
  const req = { callback, hostname: address, port, oncomplete: onlookupservice };
  const err = binding.getnameinfo(req, address, port);
  if (err) throw new DNSException(err, 'getnameinfo', address);
  return req;
}

// dns.NODATA = 'ENODATA' and the rest, as Node exports them.
const errorCodes = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT', EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM', DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR', BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED', LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
};

module.exports = {
  ADDRCONFIG: AI_ADDRCONFIG,
  ALL: AI_ALL,
  V4MAPPED: AI_V4MAPPED,
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
};
