'use strict';
// Many idle keep-alive connections (NODUS_TEST_CONNECTIONS, 1000 by default; the `slow` ctest
// label runs 10000) against a server in its own process: it holds them all, still answers new
// clients and every idle one, and once they close its connection count is back to zero and its
// heap (after a full GC) back near where it started.
const assert = require('assert');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');

const count = Number(process.env.NODUS_TEST_CONNECTIONS) || 1000;
const batch = 200;
const watchdog = setTimeout(() => {
  console.error('test timed out');
  process.exit(2);
}, 30000 + count * 10);
watchdog.unref();

// Sends one keep-alive request on `socket` and resolves with the body of the answer.
function ask(socket, url) {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (d) => {
      data += d;
      const end = data.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(data);
      if (end >= 0 && length && data.length >= end + 4 + Number(length[1])) {
        socket.off('data', onData);
        socket.off('error', reject);
        resolve(data.slice(end + 4));
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(`GET ${url} HTTP/1.1\r\nHost: x\r\n\r\n`);
  });
}

function connect(port) {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.setEncoding('latin1');
    s.once('error', reject);
  });
}

async function stats(port) {
  const s = await connect(port);
  const r = JSON.parse(await ask(s, '/stats'));
  s.destroy();
  return r;
}

(async () => {
  const server = spawn(process.execPath, ['--expose-gc', path.join(__dirname, 'fixtures', 'idle_server.js')],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(Number(d))));
  let serverExited = false;
  server.on('exit', () => { serverExited = true; });
  process.on('exit', () => server.kill());

  // Warm up (parsers, compiled code), then the baseline.
  for (let i = 0; i < 3; i++) await stats(port);
  const base = await stats(port);

  // Open them in batches (the listen backlog is finite), one request each, then leave them idle.
  const idle = [];
  for (let i = 0; i < count; i += batch) {
    const group = await Promise.all(Array.from({ length: Math.min(batch, count - i) }, () => connect(port)));
    assert.deepStrictEqual(new Set(await Promise.all(group.map((s) => ask(s, '/')))), new Set(['ok']));
    idle.push(...group);
  }
  const held = await stats(port);
  assert.strictEqual(held.connections, count + 1);

  // A new client is served while they are held, and so is each idle one, again.
  const fresh = await connect(port);
  assert.strictEqual(await ask(fresh, '/'), 'ok');
  fresh.destroy();
  for (let i = 0; i < count; i += batch) {
    const answers = await Promise.all(idle.slice(i, i + batch).map((s) => ask(s, '/')));
    assert.ok(answers.every((a) => a === 'ok'));
  }

  // They all leave. The server notices every one and gives back what they cost: at most a tenth
  // of it (or 1 MB) stays on its heap. Node 20 frees it within a second or two, so poll (bounded).
  for (const s of idle) s.destroy();
  const grown = held.heapUsed - base.heapUsed;
  const settled = (r) => r.connections === 1 && r.heapUsed - base.heapUsed <= Math.max(grown / 10, 1 << 20);
  let after = await stats(port);
  for (let i = 0; i < 50 && !settled(after); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    after = await stats(port);
  }
  const mb = (n) => (n / 1048576).toFixed(1);
  console.log(`${count} idle connections: heap ${mb(base.heapUsed)} -> ${mb(held.heapUsed)} -> ` +
              `${mb(after.heapUsed)} MB, rss ${mb(base.rss)} -> ${mb(held.rss)} -> ${mb(after.rss)} MB`);
  assert.strictEqual(after.connections, 1, 'connections left open on the server');
  assert.ok(settled(after), 'heap did not return near its baseline');
  assert.strictEqual(serverExited, false);
  server.kill();
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
