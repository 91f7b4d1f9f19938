'use strict';
// AsyncLocalStorage across net: 'connection' in the context of listen(), a connecting socket's
// events in the context of connect(), an accepted socket's reads in none (as Node).
const net = require('net');
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const log = [];
const server = als.run('server-store', () => net.createServer((sock) => {
  log.push(`connection:${als.getStore()}`);
  sock.on('data', (d) => { log.push(`server data:${als.getStore()}`); sock.end('pong'); });
  sock.on('end', () => log.push(`server end:${als.getStore()}`));
}));
als.run('listen-store', () => server.listen(0, '127.0.0.1', () => {
  log.push(`listening:${als.getStore()}`);
  als.run('client-store', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      log.push(`connect:${als.getStore()}`);
      c.write('ping', () => log.push(`write cb:${als.getStore()}`));
    });
    c.on('data', () => log.push(`client data:${als.getStore()}`));
    c.on('close', () => {
      log.push(`client close:${als.getStore()}`);
      server.close(() => { log.push(`server closed:${als.getStore()}`); console.log(log.join('\n')); });
    });
  });
}));
