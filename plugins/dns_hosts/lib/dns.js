'use strict';
// dns from getaddrinfo and the hosts file only: no c-ares and no network queries. lookup() is
// the system resolver (as in Node); resolve4/resolve6/resolve/reverse answer from the hosts file
// ($NODUS_HOSTS_FILE or /etc/hosts); record types a hosts file cannot hold fail with ENOTIMP.

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;

const codes = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM', DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS', NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
};

function dnsError(code, syscall, hostname) {
  const err = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  err.errno = undefined;
  err.code = code;
  err.syscall = syscall;
  if (hostname) err.hostname = hostname;
  return err;
}

function isIP(s) {
  if (/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(s)) return 4;
  if (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s)) return 6;
  return 0;
}

let defaultOrder = 'verbatim';

function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  if (hostname && typeof hostname !== 'string') throw new ERR_INVALID_ARG_TYPE('hostname', 'string', hostname);
  let family = 0;
  let all = false;
  let order = defaultOrder;
  if (typeof options === 'number') family = options;
  else if (options !== null && typeof options === 'object') {
    family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    all = options.all === true;
    if (options.order !== undefined) order = options.order;
    else if (options.verbatim === false) order = 'ipv4first';
  }
  if (family !== 0 && family !== 4 && family !== 6) {
    throw new ERR_INVALID_ARG_VALUE('options.family', family, 'must be one of: 0, 4, 6');
  }
  if (!hostname) {
    process.nextTick(callback, null, all ? [] : null, all ? undefined : (family === 6 ? 6 : 4));
    return {};
  }
  const literal = isIP(hostname);
  if (literal) {
    process.nextTick(callback, null, all ? [{ address: hostname, family: literal }] : hostname, literal);
    return {};
  }
  binding.getaddrinfo(hostname, family, (code, list) => {
    if (code) return callback(dnsError(code, 'getaddrinfo', hostname));
    let addrs = list.map(([address, fam]) => ({ address, family: fam }));
    if (order === 'ipv4first') addrs.sort((a, b) => a.family - b.family);
    else if (order === 'ipv6first') addrs.sort((a, b) => b.family - a.family);
    if (all) return callback(null, addrs);
    callback(null, addrs[0].address, addrs[0].family);
  });
  return {};
}

function readHosts() {
  const text = binding.readFile(process.env.NODUS_HOSTS_FILE || '/etc/hosts') || '';
  const entries = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [address, ...names] = line.split(/\s+/);
    entries.push({ address, family: isIP(address), names: names.map((n) => n.toLowerCase()) });
  }
  return entries;
}

const rrtypes = ['A', 'AAAA', 'ANY', 'CAA', 'CNAME', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SRV', 'TXT'];
const syscalls = { A: 'queryA', AAAA: 'queryAaaa', ANY: 'queryAny', CAA: 'queryCaa', CNAME: 'queryCname',
  MX: 'queryMx', NAPTR: 'queryNaptr', NS: 'queryNs', PTR: 'queryPtr', SOA: 'querySoa', SRV: 'querySrv',
  TXT: 'queryTxt' };

function answer(rrtype, hostname, options) {
  if (typeof hostname !== 'string') throw new ERR_INVALID_ARG_TYPE('name', 'string', hostname);
  const syscall = syscalls[rrtype];
  if (rrtype !== 'A' && rrtype !== 'AAAA') throw dnsError(codes.NOTIMP, syscall, hostname);
  const want = rrtype === 'A' ? 4 : 6;
  const name = hostname.toLowerCase();
  const found = readHosts().filter((e) => e.family === want && e.names.includes(name)).map((e) => e.address);
  if (found.length === 0) throw dnsError(codes.NOTFOUND, syscall, hostname);
  return options && options.ttl ? found.map((address) => ({ address, ttl: 0 })) : found;
}

function reverseAnswer(ip) {
  if (!isIP(ip)) throw new ERR_INVALID_ARG_VALUE('ip', ip);
  const names = readHosts().filter((e) => e.address === ip).flatMap((e) => e.names);
  if (names.length === 0) throw dnsError(codes.NOTFOUND, 'getHostByAddr', ip);
  return names;
}

// Callback style over a synchronous answer, always asynchronous as in Node.
function withCallback(fn, args, callback) {
  if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  let result;
  try {
    result = fn(...args);
  } catch (err) {
    if (err.code && err.syscall) {
      process.nextTick(callback, err);
      return {};
    }
    throw err;
  }
  process.nextTick(callback, null, result);
  return {};
}

class Resolver {
  constructor(options) { this._servers = []; this._options = options; }
  cancel() {}
  getServers() { return [...this._servers]; }
  setServers(servers) {
    if (!Array.isArray(servers)) throw new ERR_INVALID_ARG_TYPE('servers', 'Array', servers);
    this._servers = [...servers];
  }
  setLocalAddress() {}
  resolve(hostname, rrtype, callback) {
    if (typeof rrtype === 'function') {
      callback = rrtype;
      rrtype = 'A';
    }
    if (!rrtypes.includes(rrtype)) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
    return withCallback(answer, [rrtype, hostname], callback);
  }
  reverse(ip, callback) { return withCallback(reverseAnswer, [ip], callback); }
}
for (const rrtype of rrtypes) {
  const method = `resolve${rrtype === 'AAAA' ? '6' : rrtype === 'A' ? '4' : rrtype[0] + rrtype.slice(1).toLowerCase()}`;
  Resolver.prototype[method] = function(hostname, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    return withCallback(answer, [rrtype, hostname, options], callback);
  };
}

const defaultResolver = new Resolver();

function lookupService(address, port, callback) {
  if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  process.nextTick(callback, dnsError(codes.NOTIMP, 'getnameinfo', address));
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getServers: () => defaultResolver.getServers(),
  setServers: (s) => defaultResolver.setServers(s),
  setDefaultResultOrder(order) {
    if (!['ipv4first', 'ipv6first', 'verbatim'].includes(order)) {
      throw new ERR_INVALID_ARG_VALUE('dnsOrder', order);
    }
    defaultOrder = order;
  },
  getDefaultResultOrder: () => defaultOrder,
  ADDRCONFIG: 1024, V4MAPPED: 2048, ALL: 256,
  ...codes,
  hostsOnly: true,
  get promises() { return require('dns/promises'); },
};
for (const name of Object.getOwnPropertyNames(Resolver.prototype)) {
  if (name.startsWith('resolve') || name === 'reverse') {
    module.exports[name] = Resolver.prototype[name].bind(defaultResolver);
  }
}
