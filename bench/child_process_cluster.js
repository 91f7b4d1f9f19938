'use strict';
// Hello-world HTTP on 127.0.0.1:$PORT, served by one process (WORKERS=0) or by a cluster of
// WORKERS workers sharing the port (round-robin). Prints "ready" once every worker listens.
const cluster = require('cluster');
const http = require('http');
const port = Number(process.env.PORT || 8080);
const workers = Number(process.env.WORKERS || 0);

function serve(onListening) {
  http.createServer((req, res) => {
    res.setHeader('Content-Type', 'text/plain');
    res.end('Hello World');
  }).listen(port, '127.0.0.1', onListening);
}

if (workers === 0) {
  serve(() => console.log('ready'));
} else if (cluster.isPrimary) {
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === workers) console.log('ready');
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers)) w.process.kill();
    process.exit(0);
  });
} else {
  serve();
}
