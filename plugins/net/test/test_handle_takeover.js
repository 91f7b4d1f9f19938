'use strict';
// The contract plugins/net/README.md documents for other plugins (http): replace
// socket._handle.onread to receive the bytes directly, drive readStart/readStop, give the handle
// back to net for EOF, and write through the socket.
const assert = require('assert');
const net = require('net');
const { watchdog, mustCall } = require('./common');

watchdog();

const server = net.createServer(mustCall((socket) => {
  const handle = socket._handle;
  assert.strictEqual(typeof handle.readStart, 'function');
  const netOnread = handle.onread;
  const chunks = [];
  let paused = false;
  handle.onread = function(nread, ab, offset) {
    assert.strictEqual(this, handle);
    if (nread > 0) {
      chunks.push(Buffer.from(Buffer.from(ab, offset, nread)));  // copy: the slab is reused
      if (!paused) {
        // Backpressure by hand: stop, then start again.
        paused = true;
        handle.reading = false;
        assert.strictEqual(handle.readStop(), 0);
        setTimeout(() => { handle.reading = true; handle.readStart(); }, 10);
      }
      return;
    }
    // EOF: give the handle back so the socket ends and closes as usual.
    handle.onread = netOnread;
    netOnread.call(handle, nread, ab, offset);
  };
  socket.on('data', () => assert.fail('data while taken over'));
  socket.on('end', mustCall(() => {
    const all = Buffer.concat(chunks).toString();
    assert.strictEqual(all, 'abc'.repeat(10000));
    socket.end(`got ${all.length}`);
  }));
}));

server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.end('abc'.repeat(10000)));
  let reply = '';
  c.setEncoding('utf8');
  c.on('data', (d) => { reply += d; });
  c.on('close', mustCall(() => {
    assert.strictEqual(reply, 'got 30000');
    server.close();
  }));
});
