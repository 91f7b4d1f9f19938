'use strict';
// A local HTTP server for node-fetch: JSON, a redirect, and a POST echo. Closed by close().
const http = require('http');

module.exports = function start() {
  const server = http.createServer((req, res) => {
    if (req.url === '/json') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ hello: 'fetch', method: req.method }));
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: '/json' });
      res.end();
    } else if (req.url === '/echo') {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => res.end(`${req.method} ${req.headers['content-type']} ${body}`));
    } else {
      res.writeHead(404);
      res.end('nope');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
};
