'use strict';
// Error objects (message, code, errno, syscall, address, own keys) for ECONNREFUSED, EADDRINUSE
// and argument validation, printed for comparison with Node (random ports masked).
const net = require('net');
const log = (...a) => console.log(...a);
const mask = (s, port) => String(s).split(String(port)).join('PORT');

const c = net.connect({ port: 1, host: '127.0.0.1' });
c.on('error', (e) => log('err', e.message, e.code, e.errno, e.syscall, e.address, e.port, Object.keys(e)));
c.on('close', (h) => {
  log('close', h, c.readyState, c.destroyed);
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    const s2 = net.createServer();
    s2.on('error', (e) => {
      log('s2 err', mask(e.message, p), e.code, e.errno, e.syscall, e.address, e.port === p, Object.keys(e));
      s.close();
      next();
    });
    s2.listen(p, '127.0.0.1');
  });
});

function next() {
  for (const f of [
    () => net.connect(),
    () => net.connect({ port: -1 }),
    () => net.createServer().listen({ port: 'abc' }),
    () => net.createServer().listen({}),
    () => new net.Socket().setTimeout('1'),
    () => net.connect({ port: 80, localAddress: 'nope' }),
  ]) {
    try { f(); } catch (e) { log(e.name, e.code, e.message); }
  }
  const s = new net.Socket();
  s.on('error', (e) => log('write err', e.code, e.message));
  s.write('x', (e) => log('write cb', e && e.code));
  s.destroy();
  const srv = net.createServer();
  srv.listen(0, () => { log('default addr', srv.address().address, srv.address().family); srv.close(); });
  const s6 = net.createServer();
  s6.listen({ port: 0, host: '::1', ipv6Only: true }, () => { log('v6', s6.address().address); s6.close(); });
  log(net.isIP('1.1.1.1'), net.isIP('x'), net.isIPv6('::'), typeof net.Stream, net.Socket === net.Stream);
}
