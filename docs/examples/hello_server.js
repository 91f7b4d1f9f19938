'use strict';
// An HTTP server that answers a few requests to itself and exits: the http plugin end to end
// (server, client, keep-alive agent) on 127.0.0.1.
const http = require('http');

const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end(`hello from nodus: ${req.method} ${req.url}\n`);
});

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  console.log(`listening on http://127.0.0.1:${port}`);
  for (const path of ['/', '/greeting?name=world', '/bye']) {
    const body = await new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => { text += chunk; });
        res.on('end', () => resolve(`${res.statusCode} ${text.trim()}`));
      }).on('error', reject);
    });
    console.log(body);
  }
  server.close(() => console.log('server closed'));
});
