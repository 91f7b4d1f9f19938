'use strict';
// Agent limits across origins: maxTotalSockets caps sockets over every origin, maxFreeSockets
// caps the idle pool, scheduling 'fifo' hands out the least recently used socket, and an agent
// timeout closes idle pooled sockets.
const assert = require('assert');
const http = require('http');
const { listen, close } = require('./common');

let active = 0;
let maxActive = 0;
const handler = (req, res) => {
  active++;
  maxActive = Math.max(maxActive, active);
  setTimeout(() => {
    active--;
    res.end(String(req.socket.remotePort));
  }, 15);
};
const a = http.createServer(handler);
const b = http.createServer(handler);

function get(agent, port) {
  return new Promise((resolve, reject) => {
    http.get({ agent, host: '127.0.0.1', port }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(Number(body)));
    }).on('error', reject);
  });
}

(async () => {
  const pa = await listen(a);
  const pb = await listen(b);

  // Two origins, maxSockets 5 each but maxTotalSockets 3: never more than 3 at once.
  const capped = new http.Agent({ keepAlive: true, maxSockets: 5, maxTotalSockets: 3 });
  const ports = await Promise.all([pa, pb, pa, pb, pa, pb, pa, pb].map((p) => get(capped, p)));
  assert.strictEqual(ports.length, 8);
  assert.ok(maxActive <= 3, `maxActive ${maxActive}`);
  assert.ok(capped.totalSocketCount <= 3);
  capped.destroy();

  // maxFreeSockets 1: of three parallel sockets only one stays pooled.
  const small = new http.Agent({ keepAlive: true, maxFreeSockets: 1 });
  await Promise.all([get(small, pa), get(small, pa), get(small, pa)]);
  await new Promise((r) => setTimeout(r, 20));
  const name = small.getName({ host: '127.0.0.1', port: pa });
  assert.strictEqual(small.freeSockets[name].length, 1);
  small.destroy();

  // fifo: the socket freed first is reused first; lifo: the one freed last.
  for (const scheduling of ['fifo', 'lifo']) {
    const agent = new http.Agent({ keepAlive: true, scheduling });
    const first = await Promise.all([get(agent, pa), new Promise((r) => setTimeout(r, 5)).then(() => get(agent, pa))]);
    await new Promise((r) => setTimeout(r, 20));
    const reused = await get(agent, pa);
    assert.strictEqual(reused, scheduling === 'fifo' ? first[0] : first[1], scheduling);
    agent.destroy();
  }

  // timeout: an idle pooled socket is closed after it.
  const timed = new http.Agent({ keepAlive: true, timeout: 50 });
  await get(timed, pa);
  await new Promise((r) => setTimeout(r, 20));
  const tname = timed.getName({ host: '127.0.0.1', port: pa });
  assert.strictEqual(timed.freeSockets[tname].length, 1);
  await new Promise((r) => setTimeout(r, 150));
  assert.strictEqual(timed.freeSockets[tname], undefined);
  assert.strictEqual(timed.totalSocketCount, 0);

  await close(a);
  await close(b);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
