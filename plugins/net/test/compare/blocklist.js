'use strict';
// BlockList and SocketAddress results and errors, for comparison with Node.
const {BlockList, SocketAddress}=require('net');
const b=new BlockList(); b.addAddress('1.2.3.4'); b.addRange('10.0.0.1','10.0.0.10'); b.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6'); b.addSubnet(new SocketAddress({address:'192.168.0.0'}), 16);
console.log(b.rules, b.check('10.0.0.5'), b.check('::ffff:10.0.0.5','ipv6'), b.check('::ffff:a00:5','ipv6'), b.check('8592:757c:efae:4e45::f','ipv6'), b.check('1.2.3.5'), b.check('192.168.3.3'));
const b2=new BlockList(); b2.addSubnet('::ffff:0:0', 96, 'ipv6'); console.log(b2.check('1.2.3.4'), b2.check('::1', 'ipv6'));
const s=new SocketAddress({address:'::0001', family:'ipv6', port: 80, flowlabel: 5}); console.log(s, s.toJSON(), JSON.stringify(new SocketAddress()), SocketAddress.isSocketAddress(s), SocketAddress.isSocketAddress({}));
try { new SocketAddress({address:'x'}) } catch(e) { console.log(e.code, e.message) }
try { b.addAddress('1.2.3.4', 'ipv7') } catch(e) { console.log(e.code, e.message) }
try { b.addSubnet('1.2.3.4', 33) } catch(e) { console.log(e.code, e.message) }
try { b.addAddress(5) } catch(e) { console.log(e.code, e.message) }
try { b.addAddress('1.2.3') } catch(e) { console.log(e.code, e.message) }
try { b.addRange('10.0.0.10', '10.0.0.1') } catch(e) { console.log(e.code, e.message) }
console.log(require('util').inspect(b), b.check('1.2.3.4', 'ipv6'), b.check('::ffff:1.2.3.4', 'ipv6'), b.check('nonsense'));
const b3 = new BlockList(); b3.addAddress('::ffff:1.2.3.4', 'ipv6'); console.log(b3.check('1.2.3.4'));
const b4 = new BlockList(); b4.addSubnet('10.0.0.0', 8); console.log(b4.check('10.255.255.255'), b4.check('11.0.0.0'), b4.check(new SocketAddress({address: '10.1.1.1'})));
