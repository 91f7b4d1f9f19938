'use strict';
// Sending handles over the IPC channel: a listening net.Server the child then serves from, and an
// accepted net.Socket the child answers on, with and without keepOpen.
const assert = require('assert');
const cp = require('child_process');
const net = require('net');
const path = require('path');
const { test } = require('./common');

const fixture = path.join(__dirname, 'fixtures', 'handle_child.js');

function nextMessage(c) {
  return new Promise((resolve) => c.once('message', resolve));
}

function fetchLine(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => { data += d; });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

test('a net.Server sent to the child serves there', async () => {
  const child = cp.fork(fixture);
  assert.strictEqual(await nextMessage(child), 'ready');
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  child.send('server', server);
  assert.strictEqual(await nextMessage(child), 'got server');
  // The parent stops accepting, so every connection lands in the child.
  await new Promise((resolve) => server.close(resolve));
  assert.strictEqual(await fetchLine(port), `served by child ${child.pid}\n`);
  child.kill();
  await new Promise((resolve) => child.on('close', resolve));
});

test('an accepted net.Socket sent to the child is answered there', async () => {
  const child = cp.fork(fixture);
  assert.strictEqual(await nextMessage(child), 'ready');
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    child.send('socket', socket);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const line = fetchLine(server.address().port);
  assert.strictEqual(await nextMessage(child), 'got socket');
  assert.strictEqual(await line, `socket handled by child ${child.pid}\n`);
  server.close();
  child.send('bye');
  await new Promise((resolve) => child.on('exit', resolve));
});

test('keepOpen: a sent socket stays usable in the sender', async () => {
  const child = cp.fork(fixture);
  assert.strictEqual(await nextMessage(child), 'ready');
  let kept;
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    kept = socket;
    child.send('socket-shared', socket, { keepOpen: true });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const lines = fetchLine(server.address().port);
  assert.strictEqual(await nextMessage(child), 'wrote');
  assert.strictEqual(kept.destroyed, false);
  kept.end('parent\n');
  assert.strictEqual(await lines, `child ${child.pid}\nparent\n`);

  server.close();
  child.send('bye');
  await new Promise((resolve) => child.on('exit', resolve));
});

test('only servers and sockets can be sent', () => {
  const child = cp.fork(fixture, { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  assert.throws(() => child.send('x', {}), { code: 'ERR_INVALID_HANDLE_TYPE' });
  child.kill();
});
