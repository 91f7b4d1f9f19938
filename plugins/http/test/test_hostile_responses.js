'use strict';
// The client against a hostile server on a real socket: ambiguous framing, obs-fold, an oversized
// head, a bad chunk size and garbage end the request with the parser's error (never a response
// built from them, never a crash), and a body cut short aborts the response. Runs unchanged under
// Node 20 (the reference).
const assert = require('assert');
const http = require('http');
const net = require('net');
const { listen, close } = require('./common');

// [name, the server's bytes, Node 20's (llhttp 9) error code, llhttp 8.1's where it differs]
const answers = [
  ['CL with TE', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
   'HPE_INVALID_TRANSFER_ENCODING', 'HPE_UNEXPECTED_CONTENT_LENGTH'],
  ['duplicate CL', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
   'HPE_UNEXPECTED_CONTENT_LENGTH'],
  ['obs-fold', 'HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\nContent-Length: 0\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
  ['oversized head', `HTTP/1.1 200 OK\r\nX-A: ${'a'.repeat(20000)}\r\nContent-Length: 0\r\n\r\n`,
   'HPE_HEADER_OVERFLOW'],
  ['bad chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 'HPE_INVALID_CHUNK_SIZE'],
  ['not HTTP', 'HELLO\r\n\r\n', 'HPE_INVALID_CONSTANT'],
];

function get(port) {
  return new Promise((resolve) => {
    const req = http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
      res.resume();
      res.on('aborted', () => resolve({ aborted: true, complete: res.complete }));
      res.on('end', () => resolve({ status: res.statusCode }));
    });
    req.on('error', (err) => resolve({ error: err.code }));
  });
}

(async () => {
  let reply;
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', () => socket.end(reply));
  });
  const port = await listen(server);
  for (const [name, bytes, node20, llhttp8] of answers) {
    reply = bytes;
    const r = await get(port);
    assert.ok(r.error === node20 || r.error === llhttp8, `${name}: ${JSON.stringify(r)}`);
  }
  // A body shorter than its Content-Length: the response aborts, incomplete.
  reply = 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc';
  assert.deepStrictEqual(await get(port), { aborted: true, complete: false });
  // And a well-formed answer still works.
  reply = 'HTTP/1.1 204 No Content\r\n\r\n';
  assert.deepStrictEqual(await get(port), { status: 204 });
  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
