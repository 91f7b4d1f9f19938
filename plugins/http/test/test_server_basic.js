'use strict';
// Server answers: status line, Content-Length when end() knows the whole body, chunked
// otherwise, Date and Connection headers, HEAD/204/304 without body, HTTP/1.0 closing.
const assert = require('assert');
const http = require('http');
const { rawRequest, listen, close } = require('./common');

const server = http.createServer((req, res) => {
  switch (req.url) {
    case '/fixed': res.end('hello'); break;
    case '/chunked': res.write('a'); res.write('bc'); res.end(); break;
    case '/head': res.setHeader('Content-Type', 'text/plain'); res.end('ignored body'); break;
    case '/204': res.writeHead(204); res.end(); break;
    case '/status': res.statusCode = 418; res.statusMessage = 'Short'; res.end(); break;
    case '/writehead':
      res.setHeader('X-Set', 'one');
      res.writeHead(201, 'Made', { 'X-Head': 'two', 'Content-Length': 2 });
      assert.strictEqual(res.headersSent, true);
      assert.throws(() => res.setHeader('X-Late', '1'), { code: 'ERR_HTTP_HEADERS_SENT' });
      res.end('ok');
      break;
    case '/array':
      res.writeHead(200, ['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'Content-Length', '0']);
      res.end();
      break;
    case '/buffer': res.end(Buffer.from('bytes')); break;
    case '/echo-headers':
      res.end(JSON.stringify({ headers: req.headers, raw: req.rawHeaders, method: req.method,
                               version: req.httpVersion, distinct: req.headersDistinct }));
      break;
    default: res.statusCode = 404; res.end();
  }
});

(async () => {
  const port = await listen(server);
  const ask = (path, extra = '', method = 'GET') =>
    rawRequest(port, `${method} ${path} HTTP/1.1\r\nHost: x\r\n${extra}Connection: close\r\n\r\n`);

  let r = await ask('/fixed');
  assert.match(r, /^HTTP\/1\.1 200 OK\r\n/);
  assert.match(r, /\r\nContent-Length: 5\r\n/);
  assert.match(r, /\r\nDate: [A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT\r\n/);
  assert.match(r, /\r\nConnection: close\r\n/);
  assert.ok(r.endsWith('\r\n\r\nhello'));

  r = await ask('/chunked');
  assert.match(r, /\r\nTransfer-Encoding: chunked\r\n/);
  assert.ok(r.endsWith('\r\n\r\n1\r\na\r\n2\r\nbc\r\n0\r\n\r\n'), JSON.stringify(r));

  r = await ask('/head', '', 'HEAD');
  assert.match(r, /^HTTP\/1\.1 200 OK\r\n/);
  assert.match(r, /Content-Type: text\/plain\r\n/);
  assert.ok(r.endsWith('\r\n\r\n'), 'HEAD carries no body');

  r = await ask('/204');
  assert.match(r, /^HTTP\/1\.1 204 No Content\r\n/);
  assert.doesNotMatch(r, /Content-Length|Transfer-Encoding/);

  r = await ask('/status');
  assert.match(r, /^HTTP\/1\.1 418 Short\r\n/);

  r = await ask('/writehead');
  assert.match(r, /^HTTP\/1\.1 201 Made\r\n/);
  assert.match(r, /X-Set: one\r\n/);
  assert.match(r, /X-Head: two\r\n/);
  assert.ok(r.endsWith('\r\n\r\nok'));

  r = await ask('/array');
  assert.match(r, /Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n/);

  r = await ask('/buffer');
  assert.match(r, /Content-Length: 5\r\n/);
  assert.ok(r.endsWith('bytes'));

  r = await ask('/echo-headers', 'X-Dup: 1\r\nX-Dup: 2\r\nCookie: a\r\nCookie: b\r\nSet-Cookie: s1\r\nSet-Cookie: s2\r\n' +
                'User-Agent: first\r\nUser-Agent: second\r\nX-Space:   padded  \r\n');
  const body = JSON.parse(r.slice(r.indexOf('\r\n\r\n') + 4));
  assert.strictEqual(body.method, 'GET');
  assert.strictEqual(body.version, '1.1');
  assert.strictEqual(body.headers['x-dup'], '1, 2');
  assert.strictEqual(body.headers.cookie, 'a; b');
  assert.deepStrictEqual(body.headers['set-cookie'], ['s1', 's2']);
  assert.strictEqual(body.headers['user-agent'], 'first');
  assert.strictEqual(body.headers['x-space'], 'padded');
  assert.deepStrictEqual(body.distinct['user-agent'], ['first', 'second']);
  assert.deepStrictEqual(body.raw.slice(0, 4), ['Host', 'x', 'X-Dup', '1']);

  // HTTP/1.0 without keep-alive: the server closes after the response, no chunking.
  r = await rawRequest(port, 'GET /chunked HTTP/1.0\r\n\r\n');
  assert.match(r, /^HTTP\/1\.1 200 OK\r\n/);
  assert.match(r, /Connection: close\r\n/);
  assert.ok(r.endsWith('\r\n\r\nabc'), JSON.stringify(r));

  // Keep-alive: two requests on one connection, the second after the first answer.
  r = await rawRequest(port, ['GET /fixed HTTP/1.1\r\nHost: x\r\n\r\n', '', '', 'GET /buffer HTTP/1.1\r\nHost: x\r\n\r\n'],
                       (t) => t.endsWith('bytes'));
  assert.strictEqual(r.match(/HTTP\/1\.1 200 OK/g).length, 2);
  assert.match(r, /Connection: keep-alive\r\nKeep-Alive: timeout=5\r\n/);

  // HTTP/1.1 without Host: 400.
  r = await rawRequest(port, 'GET / HTTP/1.1\r\n\r\n');
  assert.match(r, /^HTTP\/1\.1 400 Bad Request\r\n/);

  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
