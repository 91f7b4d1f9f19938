'use strict';
// Lifecycle details printed for comparison with Node: listen twice, connect timeout option,
// write/end callbacks, destroy(err) of a never-connected socket, reconnecting a closed socket.
const net = require('net');
const log = (...a) => console.log(...a);
const server = net.createServer((sock) => {
  sock.setEncoding('utf8');
  let acc = '';
  sock.on('data', (d) => { acc += d; });
  sock.on('end', () => { log('server got', acc); sock.end('bye €'); });
});
try { server.listen('0'); server.listen(0); } catch (e) { log(e.code); }
server.on('listening', () => {
  log('addr type', typeof server.address().port);
  const c = net.createConnection({ port: server.address().port, timeout: 5000 });
  log('timeout set', c.timeout);
  c.unref(); c.ref();
  c.on('connect', () => {
    log('connected; destroyed?', c.destroyed);
    const ok = c.write('€'.repeat(3), () => log('write cb'));
    log('write returned', ok);
    c.end(() => log('end cb'));
    c.setTimeout(0);
  });
  const parts = [];
  c.on('data', (d) => parts.push(d));
  c.on('end', () => log('client end', Buffer.concat(parts).toString()));
  c.on('close', (h) => {
    log('client close', h);
    const d = new net.Socket();
    d.on('error', (e) => log('destroy err', e.message));
    d.on('close', (h2) => {
      log('d close', h2, d.destroyed);
      server.close(() => { log('closed; address', server.address()); reconnect(); });
    });
    d.destroy(new Error('custom'));
  });
});
function reconnect() {
  const s = net.createServer((x) => x.end('again'));
  s.listen(0, '127.0.0.1', () => {
    const port = s.address().port;
    const c = new net.Socket();
    let n = 0;
    c.on('data', (d) => log('data', n, d.toString()));
    c.on('close', () => {
      if (++n < 2) c.connect(port, '127.0.0.1');
      else s.close(() => log('done'));
    });
    c.connect(port, '127.0.0.1');
  });
}
