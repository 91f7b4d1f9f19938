'use strict';
// The benchmark's server: hello world on 127.0.0.1:$PORT, the same file for every runtime.
const http = require('http');
const port = Number(process.env.PORT || 8080);
const body = 'Hello World';
http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end(body);
}).listen(port, '127.0.0.1', () => console.log('ready'));
