'use strict';
// Run under valgrind (label "valgrind"): loads several plugins (http with its net dependency,
// zlib, crypto), serves one request on 127.0.0.1 and exits with connections still open, so
// environment teardown has wrapped handles, references and callback bundles to release.
const http = require('http');
require('zlib').gzipSync('abc');
require('crypto').createHash('sha1').update('x').digest('hex');
const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => {
  http.get(`http://127.0.0.1:${server.address().port}/`, (res) => {
    res.resume();
    res.on('end', () => {
      server.close();
      if (typeof gc === 'function') gc();
    });
  });
});
