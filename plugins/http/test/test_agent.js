'use strict';
// http.Agent: keep-alive reuse (reusedSocket), maxSockets queueing, free socket pool, destroy,
// getName, and the global agent.
const assert = require('assert');
const http = require('http');
const { listen, close } = require('./common');

const seenPorts = new Set();
let active = 0;
let maxActive = 0;
const server = http.createServer((req, res) => {
  seenPorts.add(req.socket.remotePort);
  active++;
  maxActive = Math.max(maxActive, active);
  setTimeout(() => {
    active--;
    res.end(req.url);
  }, 10);
});

function get(agent, port, path) {
  return new Promise((resolve, reject) => {
    const req = http.get({ agent, port, host: '127.0.0.1', path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ body, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

(async () => {
  const port = await listen(server);
  assert.strictEqual(http.globalAgent.keepAlive, true);
  assert.ok(http.globalAgent instanceof http.Agent);

  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  assert.strictEqual(agent.getName({ host: '127.0.0.1', port }), `127.0.0.1:${port}:`);
  assert.strictEqual(agent.getName({ host: 'h', port: 1, localAddress: 'l', family: 6 }), 'h:1:l:6');

  // Five requests, at most two sockets: three queue.
  const results = await Promise.all([1, 2, 3, 4, 5].map((i) => get(agent, port, `/${i}`)));
  assert.deepStrictEqual(results.map((r) => r.body), ['/1', '/2', '/3', '/4', '/5']);
  assert.strictEqual(maxActive, 2);
  assert.strictEqual(seenPorts.size, 2);

  // Sockets return to the free pool; the next request reuses one.
  await new Promise((r) => setImmediate(r));
  const name = agent.getName({ host: '127.0.0.1', port });
  assert.strictEqual(agent.freeSockets[name].length, 2);
  assert.strictEqual(agent.sockets[name], undefined);
  const again = await get(agent, port, '/again');
  assert.strictEqual(again.reused, true);
  assert.strictEqual(seenPorts.size, 2);

  // maxTotalSockets validation and destroy().
  assert.throws(() => new http.Agent({ maxTotalSockets: 0 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => new http.Agent({ scheduling: 'random' }), { code: 'ERR_INVALID_ARG_VALUE' });
  await new Promise((r) => setImmediate(r));
  agent.destroy();
  await new Promise((r) => setTimeout(r, 20));
  assert.strictEqual(agent.freeSockets[name], undefined);

  // A non-keep-alive agent closes each connection: a new port every time.
  const plain = new http.Agent();
  seenPorts.clear();
  await get(plain, port, '/p1');
  await get(plain, port, '/p2');
  assert.strictEqual(seenPorts.size, 2);

  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
