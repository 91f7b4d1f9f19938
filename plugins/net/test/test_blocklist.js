'use strict';
// net.BlockList and net.SocketAddress: rules of both families (IPv4 compared in the mapped IPv6
// space), canonical addresses, Node's validation errors.
const assert = require('assert');
const { inspect } = require('util');
const { BlockList, SocketAddress } = require('net');

const b = new BlockList();
b.addAddress('1.2.3.4');
b.addRange('10.0.0.1', '10.0.0.10');
b.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
b.addSubnet(new SocketAddress({ address: '192.168.0.0' }), 16);
assert.deepStrictEqual(b.rules, [
  'Subnet: IPv4 192.168.0.0/16',
  'Subnet: IPv6 8592:757c:efae:4e45::/64',
  'Range: IPv4 10.0.0.1-10.0.0.10',
  'Address: IPv4 1.2.3.4',
]);
assert.strictEqual(b.check('1.2.3.4'), true);
assert.strictEqual(b.check('1.2.3.5'), false);
assert.strictEqual(b.check('10.0.0.5'), true);
assert.strictEqual(b.check('10.0.0.11'), false);
assert.strictEqual(b.check('::ffff:10.0.0.5', 'ipv6'), true);  // IPv4-mapped
assert.strictEqual(b.check('8592:757c:efae:4e45::f', 'ipv6'), true);
assert.strictEqual(b.check('8592:757c:efae:4e46::', 'ipv6'), false);
assert.strictEqual(b.check('192.168.255.255'), true);
assert.strictEqual(b.check('not an address'), false);
assert.strictEqual(b.check(new SocketAddress({ address: '1.2.3.4' })), true);
assert.strictEqual(inspect(b).startsWith('BlockList {'), true);

const mapped = new BlockList();
mapped.addSubnet('::ffff:0:0', 96, 'ipv6');
assert.strictEqual(mapped.check('8.8.8.8'), true);
assert.strictEqual(mapped.check('::1', 'ipv6'), false);

assert.throws(() => b.addAddress('1.2.3.4', 'ipv7'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => b.addSubnet('1.2.3.4', 33), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => b.addAddress(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => b.addAddress('1.2.3'), { code: 'ERR_INVALID_ADDRESS', message: 'Invalid socket address' });
assert.throws(() => b.addRange('10.0.0.10', '10.0.0.1'), { code: 'ERR_INVALID_ARG_VALUE' });

const s = new SocketAddress({ address: '::0001', family: 'ipv6', port: 80, flowlabel: 5 });
assert.deepStrictEqual(s.toJSON(), { address: '::1', port: 80, family: 'ipv6', flowlabel: 5 });
assert.strictEqual(JSON.stringify(new SocketAddress()),
  '{"address":"127.0.0.1","port":0,"family":"ipv4","flowlabel":0}');
assert.strictEqual(new SocketAddress({ family: 'ipv6' }).address, '::');
assert.strictEqual(SocketAddress.isSocketAddress(s), true);
assert.strictEqual(SocketAddress.isSocketAddress({}), false);
assert.throws(() => new SocketAddress({ address: '::1' }), { code: 'ERR_INVALID_ADDRESS' });
assert.throws(() => new SocketAddress({ port: 70000 }), { code: 'ERR_SOCKET_BAD_PORT' });
assert.throws(() => new SocketAddress('x'), { code: 'ERR_INVALID_ARG_TYPE' });
