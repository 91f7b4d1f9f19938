'use strict';
// Request smuggling on real sockets: every framing ambiguity (Content-Length with
// Transfer-Encoding, duplicate lengths, obs-fold, bare LF/CR, bad or overflowing chunk sizes) gets
// Node 20's exact default answer — 400 and the connection closed — and the request hidden
// behind it is never served. Runs unchanged under Node 20 (the reference).
const assert = require('assert');
const http = require('http');
const net = require('net');
const { listen, close, exchange } = require('./common');

const smuggled = 'GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n';
const post = (headers, body) => `POST /front HTTP/1.1\r\nHost: x\r\n${headers}\r\n${body}`;
const chunked = (body) => post('Transfer-Encoding: chunked\r\n', body);

// [name, bytes, the parser error code Node 20 (llhttp 9) reports, and llhttp 8.1's (nodus) where
// it names the same rejection differently]
const vectors = [
  ['CL then TE', post('Content-Length: 40\r\nTransfer-Encoding: chunked\r\n', `0\r\n\r\n${smuggled}`),
   'HPE_INVALID_TRANSFER_ENCODING', 'HPE_UNEXPECTED_CONTENT_LENGTH'],
  ['TE then CL', post('Transfer-Encoding: chunked\r\nContent-Length: 5\r\n', `0\r\n\r\n${smuggled}`),
   'HPE_INVALID_CONTENT_LENGTH', 'HPE_UNEXPECTED_CONTENT_LENGTH'],
  ['duplicate differing CL', post('Content-Length: 0\r\nContent-Length: 36\r\n', smuggled),
   'HPE_UNEXPECTED_CONTENT_LENGTH'],
  ['duplicate equal CL', post('Content-Length: 36\r\nContent-Length: 36\r\n', smuggled),
   'HPE_UNEXPECTED_CONTENT_LENGTH'],
  ['CL as a list', post('Content-Length: 36, 36\r\n', smuggled), 'HPE_INVALID_CONTENT_LENGTH'],
  ['CL with a sign', post('Content-Length: +36\r\n', smuggled), 'HPE_INVALID_CONTENT_LENGTH'],
  ['CL overflow', post(`Content-Length: ${'9'.repeat(30)}\r\n`, smuggled), 'HPE_INVALID_CONTENT_LENGTH'],
  ['obs-fold (space)', `GET /front HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n${smuggled}`,
   'HPE_INVALID_HEADER_TOKEN'],
  ['obs-fold (tab)', `GET /front HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tb\r\n\r\n${smuggled}`,
   'HPE_INVALID_HEADER_TOKEN'],
  ['obs-fold hiding TE', post('Content-Length: 5\r\nX-A: a\r\n Transfer-Encoding: chunked\r\n', `0\r\n\r\n${smuggled}`),
   'HPE_INVALID_HEADER_TOKEN'],
  ['bare LF after the request line', `GET /front HTTP/1.1\nHost: x\n\n${smuggled}`, 'HPE_INVALID_VERSION',
   'HPE_INVALID_HEADER_TOKEN'],
  ['bare LF after a header', `GET /front HTTP/1.1\r\nHost: x\nTransfer-Encoding: chunked\r\n\r\n${smuggled}`,
   'HPE_CR_EXPECTED', 'HPE_INVALID_HEADER_TOKEN'],
  ['bare CR in the head', `GET /front HTTP/1.1\r\nHost: x\rX-A: b\r\n\r\n${smuggled}`, 'HPE_LF_EXPECTED'],
  ['invalid chunk size', chunked(`zz\r\nabc\r\n0\r\n\r\n${smuggled}`), 'HPE_INVALID_CHUNK_SIZE'],
  ['negative chunk size', chunked(`-1\r\nabc\r\n0\r\n\r\n${smuggled}`), 'HPE_INVALID_CHUNK_SIZE'],
  ['chunk size overflow', chunked(`1${'0'.repeat(16)}\r\nabc\r\n0\r\n\r\n${smuggled}`), 'HPE_INVALID_CHUNK_SIZE'],
  ['whitespace before a chunk extension', chunked(`3 ;x=1\r\nabc\r\n0\r\n\r\n${smuggled}`),
   'HPE_INVALID_CHUNK_SIZE'],
  ['bare LF after a chunk size', chunked(`3\nabc\r\n0\r\n\r\n${smuggled}`), 'HPE_CR_EXPECTED',
   'HPE_INVALID_CHUNK_SIZE'],
  ['chunk longer than its size', chunked(`3\r\nabcX\r\n0\r\n\r\n${smuggled}`), 'HPE_STRICT'],
  ['TE chunked not last', post('Transfer-Encoding: chunked, gzip\r\n', `0\r\n\r\n${smuggled}`),
   'HPE_INVALID_TRANSFER_ENCODING'],
  ['TE identity', post('Transfer-Encoding: identity\r\n', smuggled), 'HPE_INVALID_TRANSFER_ENCODING'],
  ['space before the colon', post('Transfer-Encoding : chunked\r\n', `0\r\n\r\n${smuggled}`),
   'HPE_INVALID_HEADER_TOKEN'],
  ['NUL in a header value', `GET /front HTTP/1.1\r\nHost: x\r\nX-A: b\0c\r\n\r\n${smuggled}`,
   'HPE_INVALID_HEADER_TOKEN'],
];

const badRequest = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';

(async () => {
  const served = [];
  const server = http.createServer((req, res) => {
    served.push(req.url);
    req.resume();
    req.on('end', () => res.end('served'));
  });
  const port = await listen(server);

  // Without a 'clientError' listener: the default answer, then the server closes.
  for (const [name, bytes] of vectors) {
    const r = await exchange(port, bytes);
    assert.strictEqual(r.data, badRequest, name);
    assert.ok(r.serverEnded || r.reset, `${name}: the server left the connection open`);
  }
  // Broken chunked bodies come after a valid head, so the front request may start; what hides
  // behind it never does.
  assert.ok(!served.includes('/smuggled'), served.join());
  served.length = 0;

  // With a listener: the parser error Node 20 reports for each vector.
  const codes = [];
  server.on('clientError', (err, socket) => {
    codes.push(err.code);
    socket.destroy();
  });
  for (const [, bytes] of vectors) await exchange(port, bytes);
  vectors.forEach(([name, , node20, llhttp8], i) => {
    assert.ok(codes[i] === node20 || codes[i] === llhttp8, `${name}: ${codes[i]}`);
  });

  // Pipelined behind a well-formed request in the same packet: the error wins before the first
  // answer is written, so only the 400 goes out (Node's rule: no 400 once an answer has begun).
  server.removeAllListeners('clientError');
  served.length = 0;
  let r = await exchange(port, 'GET /first HTTP/1.1\r\nHost: x\r\n\r\n' + vectors[0][1]);
  assert.strictEqual(r.data, badRequest);
  assert.deepStrictEqual(served, ['/first']);

  // On a kept-alive connection after a complete exchange: the answer, then the 400 and the close.
  r = await new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    let data = '';
    c.setEncoding('latin1');
    c.write('GET /second HTTP/1.1\r\nHost: x\r\n\r\n');
    let sentBad = false;
    c.on('data', (d) => {
      data += d;
      if (!sentBad && data.endsWith('served')) {
        sentBad = true;
        c.write(vectors[0][1]);
      }
    });
    c.on('close', () => resolve(data));
  });
  assert.match(r, /^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\nserved/);
  assert.ok(r.endsWith(`served${badRequest}`), JSON.stringify(r));
  assert.deepStrictEqual(served, ['/first', '/second']);

  // The server is still up for everyone else.
  const ok = await exchange(port, 'GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.ok(ok.data.endsWith('served'), ok.data);
  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
