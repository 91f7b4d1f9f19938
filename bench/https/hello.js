'use strict';
// The https benchmark's server: hello world on 127.0.0.1:$PORT with the key and certificate that
// run.sh generated (TLS_KEY, TLS_CERT); the same file for every runtime.
const https = require('https');
const fs = require('fs');
const port = Number(process.env.PORT || 8443);
const body = 'Hello World';
const options = { key: fs.readFileSync(process.env.TLS_KEY), cert: fs.readFileSync(process.env.TLS_CERT) };
https.createServer(options, (req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end(body);
}).listen(port, '127.0.0.1', () => console.log('ready'));
