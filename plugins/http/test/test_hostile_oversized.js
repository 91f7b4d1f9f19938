'use strict';
// Oversized heads on real sockets, as Node 20 counts them (URL, header names and values against
// the 16 KiB default): one byte under the limit is served, the limit itself gets 431 and a closed
// connection, whether the head comes in one packet, dribbled in pieces, or as a megabyte flood.
// Runs unchanged under Node 20 (the reference).
const assert = require('assert');
const http = require('http');
const { listen, close, exchange } = require('./common');

const tooLarge = 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';
const limit = http.maxHeaderSize;

(async () => {
  const served = [];
  const server = http.createServer((req, res) => {
    served.push(req.url.length);
    res.end(req.url === '/many' ? `${Object.keys(req.headers).length} distinct` :
      `${req.rawHeaders.length / 2} headers`);
  });
  const port = await listen(server);
  const get = (url, headers = '') => `GET ${url} HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`;
  // Counted bytes besides the URL: "Host" "x" "Connection" "close".
  const fixed = 4 + 1 + 10 + 5;

  // The URL: the largest one that fits is served, one byte more is refused.
  let r = await exchange(port, get('/' + 'u'.repeat(limit - fixed - 2)));
  assert.match(r.data, /^HTTP\/1\.1 200 OK\r\n/);
  r = await exchange(port, get('/' + 'u'.repeat(limit - fixed - 1)));
  assert.strictEqual(r.data, tooLarge);
  assert.ok(r.serverEnded || r.reset);

  // A header value, the same boundary.
  const header = (n) => `X-Big: ${'v'.repeat(n)}\r\n`;
  r = await exchange(port, get('/', header(limit - fixed - 1 - 5 - 1)));
  assert.match(r.data, /^HTTP\/1\.1 200 OK\r\n/);
  r = await exchange(port, get('/', header(limit - fixed - 1 - 5)));
  assert.strictEqual(r.data, tooLarge);

  // Many short headers: the separators do not count, so 3000 distinct ones (over 16 KiB on the
  // wire) are served, and the request keeps the first 1000 (maxHeadersCount unset).
  const name = (i) => [i % 26, (i / 26 | 0) % 26, i / 676 | 0].map((d) => String.fromCharCode(97 + d)).join('');
  const many = Array.from({ length: 3000 }, (_, i) => `${name(i)}:\r\n`).join('');
  r = await exchange(port, `GET /many HTTP/1.1\r\nHost: x\r\n${many}Connection: close\r\n\r\n`);
  assert.ok(r.data.endsWith('\r\n\r\n1000 distinct'), r.data.slice(0, 200));

  // Dribbled in 400-byte pieces: the limit holds across reads.
  const head = get('/', header(3 * limit));
  const pieces = [];
  for (let i = 0; i < head.length; i += 400) pieces.push(head.slice(i, i + 400));
  r = await exchange(port, pieces, { gap: 2 });
  assert.strictEqual(r.data, tooLarge);
  assert.ok(r.piecesSent < pieces.length, 'the server closed before the head was complete');

  // A megabyte URL in one write: refused without reading it all (the answer itself may be lost
  // to the reset that unread bytes cause).
  r = await exchange(port, get('/' + 'u'.repeat(1 << 20)));
  assert.ok(r.data === tooLarge || (r.data === '' && r.reset), JSON.stringify(r.data.slice(0, 100)));
  assert.ok(r.serverEnded || r.reset);

  // Nothing oversized was served, and the server answers normally afterwards.
  assert.deepStrictEqual(served, [limit - fixed - 2 + 1, 1, 5]);
  r = await exchange(port, get('/fine'));
  assert.ok(r.data.endsWith('2 headers'), r.data);
  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
