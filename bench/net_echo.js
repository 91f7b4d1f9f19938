'use strict';
// TCP echo benchmark, client and server in one process on 127.0.0.1 (and a Unix socket):
//   echo_64k_MBps      bulk: 64 KiB writes echoed back (server: socket.pipe(socket)), MB/s echoed
//   echo_unix_MBps     the same over a Unix socket
//   pingpong_100B      100-byte request/response round trips per second, one in flight
//   connections        connect + 1 byte reply + close, 16 in parallel, connections per second
// Prints "<case> <number>" lines for bench/net_run.sh. BENCH_MS: time per case (default 1000).
const net = require('net');
const os = require('os');
const path = require('path');
const fs = require('fs');

const ms = Number(process.env.BENCH_MS || 1000);

function echoServer(listenArgs) {
  return new Promise((resolve) => {
    const server = net.createServer((s) => {
      s.on('error', () => {});
      s.pipe(s);
    });
    server.listen(...listenArgs, () => resolve(server));
  });
}

async function bulk(name, listenArgs, connectArgs) {
  const server = await echoServer(listenArgs);
  const chunk = Buffer.alloc(64 * 1024, 'x');
  await new Promise((resolve) => {
    const c = net.connect(...connectArgs(server));
    let received = 0;
    let start = 0;
    let done = false;
    c.on('data', (d) => {
      received += d.length;
      if (!done && performance.now() - start >= ms) {
        done = true;
        const secs = (performance.now() - start) / 1000;
        console.log(`${name} ${Math.round(received / secs / 1e6)}`);
        c.destroy();
        server.close(resolve);
      }
    });
    function pump() {
      while (!done && c.write(chunk));
      if (!done) c.once('drain', pump);
    }
    c.on('connect', () => {
      start = performance.now();
      pump();
    });
  });
}

async function pingpong() {
  const server = await new Promise((resolve) => {
    const s = net.createServer((sock) => {
      sock.on('error', () => {});
      sock.on('data', (d) => sock.write(d));
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
  const msg = Buffer.alloc(100, 'p');
  await new Promise((resolve) => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.setNoDelay(true);
    let trips = 0;
    let pending = 0;
    let start = 0;
    c.on('data', (d) => {
      pending -= d.length;
      if (pending > 0) return;
      trips++;
      if (performance.now() - start >= ms) {
        const secs = (performance.now() - start) / 1000;
        console.log(`pingpong_100B ${Math.round(trips / secs)}`);
        c.destroy();
        server.close(resolve);
        return;
      }
      pending = msg.length;
      c.write(msg);
    });
    c.on('connect', () => {
      start = performance.now();
      pending = msg.length;
      c.write(msg);
    });
  });
}

async function connections() {
  const server = await new Promise((resolve) => {
    const s = net.createServer((sock) => sock.end('x'));
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address();
  const start = performance.now();
  let count = 0;
  await new Promise((resolve) => {
    let running = 0;
    function one() {
      if (performance.now() - start >= ms) {
        if (running === 0) resolve();
        return;
      }
      running++;
      const c = net.connect(port, '127.0.0.1');
      c.resume();
      c.on('error', () => {});
      c.on('close', () => {
        running--;
        count++;
        one();
      });
    }
    for (let i = 0; i < 16; i++) one();
  });
  const secs = (performance.now() - start) / 1000;
  console.log(`connections ${Math.round(count / secs)}`);
  await new Promise((resolve) => server.close(resolve));
}

(async () => {
  await bulk('echo_64k_MBps', [0, '127.0.0.1'], (s) => [s.address().port, '127.0.0.1']);
  const sock = path.join(os.tmpdir(), `nodus-bench-${process.pid}.sock`);
  try { fs.unlinkSync(sock); } catch {}
  await bulk('echo_unix_MBps', [sock], () => [sock]);
  await pingpong();
  await connections();
})();
