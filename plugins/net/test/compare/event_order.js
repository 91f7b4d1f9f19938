'use strict';
// Event order and socket state through a connection's life, printed for comparison with Node.
const net = require('net');
const log = (...a) => console.log(...a);
const s = new net.Socket();
log('fresh', s.readyState, s.pending, s.connecting, s.bytesRead, s.bytesWritten, s.remoteAddress, s.localAddress, s.bufferSize, JSON.stringify(s.address()));
const server = net.createServer({ allowHalfOpen: false }, (sock) => {
  log('server conn', sock.remoteFamily, typeof sock.remotePort, sock.readyState);
  ['data','end','finish','close','error','timeout'].forEach((e) => sock.on(e, (a) => log('S', e, e === 'data' ? a.length : a)));
  sock.write('hello');
});
log('listening?', server.listening, server.address());
server.on('listening', () => log('listening event'));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  log('after connect()', c.readyState, c.pending, c.connecting);
  ['connect','ready','data','end','finish','close','error','lookup'].forEach((e) => c.on(e, (a) => log('C', e, e === 'data' ? a.toString() : a)));
  c.write('queued before connect');
  log('bytesWritten before connect', c.bytesWritten);
  c.on('data', () => { c.end(); log('after end', c.readyState, c.writable, c.writableEnded); });
  c.on('close', () => { log('C final', c.bytesRead, c.bytesWritten, c.readyState); server.close(() => log('server close cb')); server.getConnections((e, n) => log('conns', e, n)); });
});
server.on('close', () => log('server close event'));
