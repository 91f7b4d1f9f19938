'use strict';
// Out of file descriptors: an HTTP server started under `ulimit -n 64` is offered 100
// connections. It serves those it could accept, refuses the rest by closing them (libuv's reserve
// descriptor), never dies of an accept error, keeps answering the connections it holds (a file
// it opens meanwhile fails with EMFILE), and accepts again once descriptors are free.
const assert = require('assert');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');
const { exchange } = require('./common');

const limit = 64;
const offered = 100;

// One keep-alive request on `socket`: resolves with the body, or how the connection ended.
function ask(socket, url) {
  return new Promise((resolve) => {
    let data = '';
    const done = (outcome) => {
      socket.removeAllListeners('data').removeAllListeners('end').removeAllListeners('error');
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => done('no answer'), 3000);
    socket.on('data', (d) => {
      data += d;
      const m = /Content-Length: (\d+)\r\n\r\n/.exec(data);
      if (m && data.length >= m.index + m[0].length + Number(m[1])) done(data.slice(m.index + m[0].length));
    });
    socket.on('end', () => done('closed'));
    socket.on('error', (e) => done(e.code === 'ECONNRESET' ? 'closed' : e.code));
    socket.write(`GET ${url} HTTP/1.1\r\nHost: x\r\n\r\n`);
  });
}

(async () => {
  const server = spawn('/bin/sh', ['-c', `ulimit -n ${limit} && exec "$0" "$1"`, process.execPath,
                                   path.join(__dirname, 'fixtures', 'emfile_server.js')],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => server.kill());
  let exited = null;
  server.on('exit', (code, signal) => { exited = { code, signal }; });
  let out = '';
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (d) => { out += d; });
  while (!out.includes('\n') && exited === null) await new Promise((resolve) => setTimeout(resolve, 10));
  const port = Number(out.split('\n')[0]);
  assert.ok(port > 0, `server did not start: ${out}`);

  // Offer connections one at a time; each is served or refused.
  const held = [];
  const outcomes = {};
  for (let i = 0; i < offered; i++) {
    const socket = net.connect(port, '127.0.0.1');
    socket.setEncoding('latin1');
    const outcome = await ask(socket, '/');
    outcomes[outcome] = (outcomes[outcome] || 0) + 1;
    if (outcome === 'ok') held.push(socket);
  }
  assert.deepStrictEqual(Object.keys(outcomes).sort(), ['closed', 'ok'], JSON.stringify(outcomes));
  assert.ok(held.length < limit, `${held.length} served under a limit of ${limit}`);

  // Full: every connection it holds is still answered, and a file it opens fails with EMFILE.
  for (const socket of held) assert.strictEqual(await ask(socket, '/'), 'ok');
  assert.strictEqual(await ask(held[0], '/open'), 'EMFILE open');

  // Freed: new connections are accepted again.
  for (const socket of held.splice(0, 10)) socket.destroy();
  let r;
  for (let i = 0; i < 50 && !(r && r.data.endsWith('opened')); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    r = await exchange(port, 'GET /open HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  }
  assert.ok(r.data.endsWith('opened'), r.data);

  // Alive throughout; any accept error it saw was reported as EMFILE/ENFILE from accept.
  assert.strictEqual(exited, null);
  for (const line of out.split('\n').slice(1).filter(Boolean)) {
    const err = JSON.parse(line);
    assert.ok(['EMFILE', 'ENFILE'].includes(err.code) && err.syscall === 'accept', line);
  }
  console.log(`${outcomes.ok} served, ${outcomes.closed} refused under ulimit -n ${limit}`);
  for (const socket of held) socket.destroy();
  server.kill();
})().catch((e) => { console.error(e); process.exit(1); });
