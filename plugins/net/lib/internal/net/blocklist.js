'use strict';
// net.BlockList: rules (single addresses, ranges, subnets) checked against an address. Every
// address is compared in the IPv6 space, IPv4 mapped to ::ffff:0:0/96, so an IPv4 rule matches the
// mapped IPv6 form and an IPv6 rule over that prefix matches IPv4 addresses, as in Node.

const { inspect } = require('util');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateString, validateInt32 } = require('internal/validators');
const { SocketAddress, toBigInt } = require('internal/net/socket_address');

const kRules = Symbol('kRules');
const kAll = (1n << 128n) - 1n;

function toSocketAddress(value, family, name) {
  if (SocketAddress.isSocketAddress(value)) return value;
  validateString(value, name);
  validateString(family, 'family');
  const fam = family.toLowerCase();
  if (fam !== 'ipv4' && fam !== 'ipv6') {
    throw new ERR_INVALID_ARG_VALUE('options.family', family);
  }
  return new SocketAddress({ address: value, family: fam });
}

function label(family) {
  return family === 'ipv6' ? 'IPv6' : 'IPv4';
}

class BlockList {
  static isBlockList(value) {
    return value?.[kRules] !== undefined;
  }

  constructor() {
    this[kRules] = [];  // newest first, as Node lists them
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BlockList ${inspect({ rules: this.rules }, opts)}`;
  }

  addAddress(address, family = 'ipv4') {
    const a = toSocketAddress(address, family, 'address');
    const n = toBigInt(a);
    this[kRules].unshift({ first: n, last: n, text: `Address: ${label(a.family)} ${a.address}` });
  }

  addRange(start, end, family = 'ipv4') {
    const s = toSocketAddress(start, family, 'start');
    const e = toSocketAddress(end, family, 'end');
    const first = toBigInt(s);
    const last = toBigInt(e);
    if (first > last) throw new ERR_INVALID_ARG_VALUE('start', s, 'must come before end');
    this[kRules].unshift({ first, last,
      text: `Range: ${label(s.family)} ${s.address}-${e.address}` });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    const n = toSocketAddress(network, family, 'network');
    const bits = n.family === 'ipv6' ? 128 : 32;
    validateInt32(prefix, 'prefix');
    if (prefix < 0 || prefix > bits) {
      throw new ERR_OUT_OF_RANGE('prefix', `>= 0 && <= ${bits}`, prefix);
    }
    // In the mapped space an IPv4 /p is an IPv6 /(p + 96).
    const mappedPrefix = BigInt(prefix + (128 - bits));
    const hostMask = kAll >> mappedPrefix;
    const first = toBigInt(n) & (kAll ^ hostMask);
    this[kRules].unshift({ first, last: first | hostMask,
      text: `Subnet: ${label(n.family)} ${n.address}/${prefix}` });
  }

  check(address, family = 'ipv4') {
    let a;
    if (SocketAddress.isSocketAddress(address)) {
      a = address;
    } else {
      if (typeof address !== 'string') throw new ERR_INVALID_ARG_TYPE('address', ['string', 'SocketAddress'], address);
      validateString(family, 'family');
      try {
        a = new SocketAddress({ address, family });
      } catch {
        return false;  // an address that is not valid for the family matches nothing
      }
    }
    const n = toBigInt(a);
    return this[kRules].some((rule) => n >= rule.first && n <= rule.last);
  }

  get rules() {
    return this[kRules].map((rule) => rule.text);
  }
}

module.exports = { BlockList };
