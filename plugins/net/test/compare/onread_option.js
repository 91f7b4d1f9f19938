'use strict';
// The onread option ({ buffer, callback }): bytes delivered into the caller's buffer, no 'data'
// events, false from the callback pauses until resume(). Printed for comparison with Node.
const net = require('net');
const total = 200000;
const server = net.createServer((sock) => sock.end(Buffer.alloc(total, 'z')));
server.listen(0, '127.0.0.1', () => {
  const buf = Buffer.alloc(4096);
  let got = 0;
  let calls = 0;
  let paused = false;
  const c = net.connect({
    port: server.address().port,
    host: '127.0.0.1',
    onread: {
      buffer: buf,
      callback(n, b) {
        calls++;
        if (b !== buf || n > buf.length) console.log('wrong buffer');
        for (let i = 0; i < n; i++) if (b[i] !== 0x7a) { console.log('bad byte'); break; }
        got += n;
        if (!paused && got > 50000) {
          paused = true;
          setTimeout(() => c.resume(), 50);
          return false;
        }
      },
    },
  });
  c.on('data', () => console.log('unexpected data event'));
  c.on('end', () => console.log('end', got, calls >= Math.ceil(total / buf.length), c.bytesRead));
  c.on('close', () => server.close(() => console.log('closed')));
});
