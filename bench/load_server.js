'use strict';
// The server bench/load.js drives: "hello" for every request, and GET /stats with its memory
// (after a full GC when run with --expose-gc), CPU time and open connections. Prints its port.
const http = require('http');

const server = http.createServer({ keepAliveTimeout: 120000 }, (req, res) => {
  if (req.url !== '/stats') {
    res.setHeader('Content-Type', 'text/plain');
    return res.end('hello');
  }
  if (typeof global.gc === 'function') global.gc();
  server.getConnections((err, connections) => {
    const { rss, heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    res.end(JSON.stringify({ rss, heapUsed, cpuMicros: user + system, connections }));
  });
});
server.listen(Number(process.env.PORT) || 0, '127.0.0.1', () => console.log(server.address().port));
