'use strict';
// Backpressure both ways with bounded data: a fast writer against a paused reader sees write()
// return false and 'drain' later; the paused side stops reading from the kernel (its buffered
// amount stays bounded) and everything arrives intact once it resumes.
const assert = require('assert');
const net = require('net');
const { watchdog, mustCall } = require('./common');

watchdog();

const TOTAL = 16 * 1024 * 1024;
const CHUNK = 64 * 1024;

const server = net.createServer(mustCall((sock) => {
  sock.pause();
  let received = 0;
  let maxBuffered = 0;
  // Stay paused for a while: the writer must fill every buffer and stop.
  setTimeout(() => {
    maxBuffered = sock.readableLength;
    sock.on('data', (d) => {
      received += d.length;
      maxBuffered = Math.max(maxBuffered, sock.readableLength);
      // A slow reader: pause briefly now and then.
      if (received % (1024 * 1024) < d.length) {
        sock.pause();
        setTimeout(() => sock.resume(), 5);
      }
    });
    sock.resume();
  }, 200);
  sock.on('end', mustCall(() => {
    assert.strictEqual(received, TOTAL);
    // A paused socket stops reading at about its highWaterMark, not at TOTAL.
    assert.ok(maxBuffered <= 1024 * 1024, `buffered ${maxBuffered}`);
    sock.end();
  }));
}));

server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let written = 0;
  let sawFalse = 0;
  let drains = 0;
  const chunk = Buffer.alloc(CHUNK, 'a');
  function pump() {
    while (written < TOTAL) {
      written += CHUNK;
      if (!c.write(chunk)) {
        sawFalse++;
        // Bounded: the stream buffers only up to about its highWaterMark beyond what the kernel took.
        assert.ok(c.writableLength <= 2 * CHUNK + c.writableHighWaterMark, `${c.writableLength}`);
        c.once('drain', () => { drains++; pump(); });
        return;
      }
    }
    c.end();
  }
  c.on('connect', pump);
  c.resume();
  c.on('close', mustCall(() => {
    assert.ok(sawFalse > 0, 'write() never returned false');
    assert.strictEqual(drains, sawFalse);
    assert.strictEqual(c.bytesWritten, TOTAL);
    server.close();
  }));
});
