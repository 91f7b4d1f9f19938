'use strict';
// net.SocketAddress: an immutable (address, port, family, flowlabel) value; the address is kept
// in its canonical text form ('::0001' becomes '::1').

const { inspect } = require('util');
const { codes, E } = require('internal/errors');
const {
  validateObject,
  validatePort,
  validateString,
  validateUint32,
} = require('internal/validators');

// Not among the kernel's codes yet; registered here on first load.
if (codes.ERR_INVALID_ADDRESS === undefined) E('ERR_INVALID_ADDRESS', 'Invalid socket address', Error);
const { ERR_INVALID_ADDRESS, ERR_INVALID_ARG_VALUE } = codes;

const kDetail = Symbol('kDetail');

class SocketAddress {
  static isSocketAddress(value) {
    return value?.[kDetail] !== undefined;
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    validateString(family, 'options.family');
    family = family.toLowerCase();
    if (family !== 'ipv4' && family !== 'ipv6') {
      throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }
    const {
      address = family === 'ipv4' ? '127.0.0.1' : '::',
      port = 0,
      flowlabel = 0,
    } = options;
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    const parsed = binding.parseIP(address, family === 'ipv6' ? 6 : 4);
    if (parsed === undefined) throw new ERR_INVALID_ADDRESS();
    this[kDetail] = { address: parsed[0], bytes: parsed[1], port: port | 0, family, flowlabel };
  }

  get address() { return this[kDetail].address; }
  get port() { return this[kDetail].port; }
  get family() { return this[kDetail].family; }
  get flowlabel() { return this[kDetail].flowlabel; }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }

  toJSON() {
    return { address: this.address, port: this.port, family: this.family, flowlabel: this.flowlabel };
  }
}

// The address as a 128-bit number in the IPv6 space, IPv4 mapped to ::ffff:a.b.c.d, so rules and
// checks of both families compare directly.
function toBigInt(socketAddress) {
  const { bytes } = socketAddress[kDetail];
  let n = 0n;
  for (let i = 0; i < bytes.length; i++) n = (n << 8n) | BigInt(bytes[i]);
  return bytes.length === 4 ? (0xffffn << 32n) | n : n;
}

module.exports = { SocketAddress, toBigInt };
