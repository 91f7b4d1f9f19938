'use strict';
// resetAndDestroy (RST) as the peer sees it, then an exception thrown from a 'data' listener:
// the same output and exit code as Node.
const net = require('net');
process.on('exit', (c) => console.log('exit', c));
const server = net.createServer((sock) => {
  sock.on('error', (e) => console.log('server sock err', e.code, e.syscall));
  sock.on('close', (h) => { console.log('server sock close', h); server.close(); });
  sock.resume();
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write('abc', () => {
      c.resetAndDestroy();
      console.log('reset', c.destroyed);
    });
  });
  c.on('close', (h) => console.log('client close', h));
});
setTimeout(() => {
  const s2 = net.createServer((sock) => { sock.on('data', () => { throw new Error('boom in data'); }); });
  s2.listen(0, '127.0.0.1', () => { net.connect(s2.address().port, '127.0.0.1', function() { this.write('x'); }); });
}, 200);
