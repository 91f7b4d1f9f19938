'use strict';
// setTimeout measures idleness, not time since the last write() call: a large write draining
// slowly into a slow reader keeps the socket busy, so no 'timeout' fires until it is written.
const assert = require('assert');
const net = require('net');
const { watchdog, mustCall } = require('./common');

watchdog();

// Far more than the kernel's socket buffers hold (at most ~10 MiB on loopback): the rest drains
// at no more than 64 KiB per 5 ms, so for at least 3 s, past the 1.5 s timeout. A socket timing
// out on idle-since-last-write() would fire once; a draining one must not. (The timeout is long so
// that a loaded machine stalling this process for a moment does not make the socket look idle.)
const TOTAL = 48 * 1024 * 1024;
const server = net.createServer((sock) => {
  sock.pause();
  // A slow reader: 64 KiB every 5 ms.
  const iv = setInterval(() => sock.read(64 * 1024), 5);
  sock.on('end', () => {
    clearInterval(iv);
    sock.end();
  });
  sock.on('close', () => clearInterval(iv));
});

server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let written = false;
  let timeoutsWhileWriting = 0;
  c.on('connect', () => {
    c.write(Buffer.alloc(TOTAL, 1), mustCall(() => {
      written = true;
      c.end();
    }));
  });
  c.setTimeout(1500, () => {
    if (!written) timeoutsWhileWriting++;
  });
  c.resume();
  c.on('close', mustCall(() => {
    assert.strictEqual(written, true);
    assert.strictEqual(timeoutsWhileWriting, 0);
    server.close();
  }));
});
