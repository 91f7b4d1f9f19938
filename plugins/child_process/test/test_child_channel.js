'use strict';
// The child's side of an IPC channel comes from the runtime's startup: a nodus child gets
// process.send/'message' without requiring child_process, whether nodus forked it, spawned it
// with an 'ipc' stdio, or Node.js forked it (when Node.js is on the machine).
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const { test } = require('./common');

const child = path.join(__dirname, 'fixtures', 'plain_ipc_child.js');
const runtime = process.execPath;  // nodus under nodus (node when this file runs under Node)

// Sends one message and resolves with the child's answer and its exit.
function roundTrip(c, msg) {
  return new Promise((resolve, reject) => {
    let reply;
    let stderr = '';
    if (c.stderr) c.stderr.on('data', (d) => { stderr += d; });
    c.on('error', reject);
    c.on('message', (m) => { reply = m; });
    c.on('close', (code, signal) => resolve({ reply, code, signal, stderr }));
    c.send(msg);
  });
}

test('fork() by this runtime', async () => {
  const r = await roundTrip(cp.fork(child, ['a', 'b']), { n: 1 });
  assert.deepStrictEqual(r.reply, { echo: { n: 1 }, connected: true, channelFdLeft: false, argv: ['a', 'b'] });
  assert.strictEqual(r.code, 0);
});

test("spawn() with an 'ipc' stdio and advanced serialization", async () => {
  const c = cp.spawn(runtime, [child, 'x'], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'], serialization: 'advanced' });
  const r = await roundTrip(c, { big: 10n, when: new Date(0) });
  assert.strictEqual(r.stderr, '');
  assert.deepStrictEqual(r.reply.echo, { big: 10n, when: new Date(0) });
  assert.strictEqual(r.reply.connected, true);
  assert.strictEqual(r.code, 0);
});

test('no channel: process.send stays undefined', async () => {
  const out = cp.execFileSync(runtime, ['-e', 'console.log(typeof process.send, typeof process.channel)'],
    { env: { ...process.env, NODE_CHANNEL_FD: undefined } });
  assert.strictEqual(String(out).trim(), 'undefined undefined');
});

test('a NODE_CHANNEL_FD that is no channel does not stop the program', async () => {
  const out = cp.execFileSync(runtime, ['-e', 'console.log("ran")'], { env: { ...process.env, NODE_CHANNEL_FD: '99' } });
  assert.strictEqual(String(out).trim(), 'ran');
});

// Node.js as the parent: a nodus child speaks Node's channel protocol from its first line.
function findNode() {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', 'node');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

test('fork() by Node.js with this runtime as execPath', async () => {
  const node = findNode();
  if (node === null) {
    console.log('skipped: no node on PATH');
    return;
  }
  const parent = `
    const c = require('child_process').fork(${JSON.stringify(child)}, ['from-node'], { execPath: ${JSON.stringify(runtime)} });
    c.on('message', (m) => console.log(JSON.stringify(m)));
    c.on('exit', (code) => { if (code !== 0) process.exitCode = 10 + code; });
    c.send('hello from node');`;
  const out = cp.execFileSync(node, ['-e', parent], { encoding: 'utf8', timeout: 20000 });
  assert.deepStrictEqual(JSON.parse(out), { echo: 'hello from node', connected: true, channelFdLeft: false, argv: ['from-node'] });
});
