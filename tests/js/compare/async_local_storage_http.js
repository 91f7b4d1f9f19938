'use strict';
// AsyncLocalStorage across http: requests (and their bodies) in the context of listen(), a
// client request's response events in the context that made the request (as Node).
const http = require('http');
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const log = [];
const server = als.run('listen-store', () => http.createServer((req, res) => {
  log.push(`request:${als.getStore()}`);
  req.on('data', () => log.push(`request data:${als.getStore()}`));
  req.on('end', () => { log.push(`request end:${als.getStore()}`); res.end('hello'); });
}).listen(0, '127.0.0.1', () => {
  als.run('client-store', () => {
    const req = http.request({ port: server.address().port, host: '127.0.0.1', method: 'POST', agent: false }, (res) => {
      log.push(`response:${als.getStore()}`);
      res.on('data', () => log.push(`response data:${als.getStore()}`));
      res.on('end', () => {
        log.push(`response end:${als.getStore()}`);
        server.close(() => { console.log(log.join('\n')); });
      });
    });
    req.on('socket', () => log.push(`socket:${als.getStore()}`));
    req.end('body');
  });
}));
