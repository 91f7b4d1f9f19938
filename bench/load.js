'use strict';
// Load test: starts bench/load_server.js under RUNTIME (a command, default: the runtime running
// this script), opens CONNECTIONS keep-alive connections to it on 127.0.0.1 and keeps every one
// busy (a request, its answer, the next request) for DURATION seconds; then closes them all.
// Prints one JSON line: requests, errors by kind, and the server's memory (heap after a full GC,
// rss), CPU time and connection count at the start, at the end of the run, and once the
// connections are gone. bench/load_run.sh runs it for nodus and Node and prints a table.
//   RUNTIME=/path/to/nodus CONNECTIONS=1000 DURATION=10 node bench/load.js
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');

const runtime = process.env.RUNTIME || process.execPath;
const connections = Number(process.env.CONNECTIONS) || 1000;
const seconds = Number(process.env.DURATION) || 10;
const openBatch = 200; // connects in flight at once: the listen backlog is finite
const request = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const errors = {};
const countError = (kind) => { errors[kind] = (errors[kind] || 0) + 1; };

// Splits a byte stream of HTTP responses; calls onResponse(status, body) for each whole one.
function responseReader(onResponse) {
  let buffered = '';
  return (chunk) => {
    buffered += chunk;
    for (;;) {
      const headEnd = buffered.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = buffered.slice(0, headEnd);
      const length = /\r\ncontent-length: *(\d+)/i.exec(head);
      const end = headEnd + 4 + (length ? Number(length[1]) : 0);
      if (buffered.length < end) return;
      onResponse(Number(head.slice(9, 12)), buffered.slice(headEnd + 4, end));
      buffered = buffered.slice(end);
    }
  };
}

function connect(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setEncoding('latin1');
    socket.once('connect', () => resolve(socket));
    socket.once('error', (e) => {
      countError(`connect ${e.code}`);
      resolve(null);
    });
  });
}

// One request on a fresh connection: the server's /stats.
async function stats(port) {
  const socket = await connect(port);
  if (!socket) return null;
  return new Promise((resolve) => {
    socket.on('data', responseReader((status, body) => {
      socket.destroy();
      resolve(JSON.parse(body));
    }));
    socket.write('GET /stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  });
}

// Keeps `socket` busy until `deadline`; resolves with the number of answers.
function drive(socket, deadline) {
  return new Promise((resolve) => {
    let answers = 0;
    const finish = () => {
      socket.removeAllListeners('data');
      resolve(answers);
    };
    socket.on('data', responseReader((status) => {
      if (status === 200) answers++;
      else countError(`status ${status}`);
      if (Date.now() < deadline) socket.write(request);
      else finish();
    }));
    socket.on('error', (e) => countError(e.code));
    socket.on('close', () => {
      if (Date.now() < deadline) countError('closed by the server');
      finish();
    });
    socket.write(request);
  });
}

(async () => {
  const [command, ...prefix] = runtime.split(' ').filter(Boolean);
  const server = spawn(command, [...prefix, '--expose-gc', path.join(__dirname, 'load_server.js')],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => server.kill());
  const port = await new Promise((resolve, reject) => {
    server.stdout.once('data', (d) => resolve(Number(d)));
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  for (let i = 0; i < 3; i++) await stats(port); // warm up
  const before = await stats(port);

  const sockets = [];
  for (let i = 0; i < connections; i += openBatch) {
    const group = await Promise.all(Array.from({ length: Math.min(openBatch, connections - i) }, () => connect(port)));
    sockets.push(...group.filter(Boolean));
  }
  const started = Date.now();
  const counts = await Promise.all(sockets.map((s) => drive(s, started + seconds * 1000)));
  const elapsed = (Date.now() - started) / 1000;
  const during = await stats(port);

  for (const s of sockets) s.destroy();
  let after = await stats(port);
  for (let i = 0; i < 50 && after && after.connections > 1; i++) {
    await sleep(100);
    after = await stats(port);
  }
  await sleep(1000); // what Node frees a moment after the close
  after = await stats(port);

  const requests = counts.reduce((a, b) => a + b, 0);
  const mem = (s) => s && { heapMB: +(s.heapUsed / 1048576).toFixed(1), rssMB: +(s.rss / 1048576).toFixed(1),
                            connections: s.connections };
  console.log(JSON.stringify({
    runtime, connections: sockets.length, seconds: +elapsed.toFixed(2), requests,
    requestsPerSecond: Math.round(requests / elapsed), errors,
    serverCpuSeconds: during && before ? +((during.cpuMicros - before.cpuMicros) / 1e6).toFixed(2) : null,
    server: { before: mem(before), during: mem(during), after: mem(after) },
  }));
  server.kill();
})().catch((e) => { console.error(e); process.exit(1); });
