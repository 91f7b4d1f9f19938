'use strict';
// AbortSignal on listen and connect (already aborted and aborted later), for comparison with Node.
const net = require('net');
const ac = new AbortController();
const server = net.createServer();
server.listen({ port: 0, host: '127.0.0.1', signal: ac.signal }, () => {
  console.log('listening');
  const ac2 = new AbortController();
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', signal: ac2.signal });
  c.on('error', (e) => console.log('client error', e.name, e.code, e.message));
  c.on('close', (h) => { console.log('client close', h); ac.abort(); });
  c.on('connect', () => { console.log('connect'); ac2.abort(); });
});
server.on('close', () => console.log('server closed'));
const pre = new AbortController(); pre.abort();
const s2 = net.connect({ port: 1, host: '127.0.0.1', signal: pre.signal });
s2.on('error', (e) => console.log('pre error', e.name, e.code));
