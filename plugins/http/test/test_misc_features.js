'use strict';
// Smaller features: EOF-delimited and chunked response bodies on the client, 103 Early Hints,
// client maxHeaderSize, raw header arrays, setHost: false, Unix sockets, flushHeaders,
// joinDuplicateHeaders, insecureHTTPParser, and 'aborted'/'close' on the server when the client
// goes away mid-request.
const assert = require('assert');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { listen, close, mustCall, rawRequest } = require('./common');

function get(options, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(options, (res) => {
      let text = '';
      res.setEncoding('latin1');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ res, text, req }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

(async () => {
  // A raw server that answers with hand-written responses.
  const raw = net.createServer((c) => {
    c.once('data', (d) => {
      const line = d.toString('latin1').split('\r\n')[0];
      if (line.includes('/eof')) c.end('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end');
      else if (line.includes('/chunked')) c.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nX-T: 1\r\n\r\n');
      else if (line.includes('/big-head')) c.end(`HTTP/1.1 200 OK\r\nX-Big: ${'b'.repeat(3000)}\r\nContent-Length: 0\r\n\r\n`);
      else if (line.includes('/hints')) c.end('HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
      else c.end(`HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: ${d.length}\r\n\r\n${d.toString('latin1')}`);
    });
  });
  const rawPort = await listen(raw);
  const base = { host: '127.0.0.1', port: rawPort, agent: false };

  let r = await get({ ...base, path: '/eof' });
  assert.strictEqual(r.text, 'until the end');
  assert.strictEqual(r.res.complete, true);

  r = await get({ ...base, path: '/chunked' });
  assert.strictEqual(r.text, 'abcde');
  assert.deepStrictEqual(r.res.trailers, { 'x-t': '1' });

  const infos = [];
  const hintReq = http.get({ ...base, path: '/hints' });
  hintReq.on('information', (info) => infos.push(info));
  await new Promise((resolve) => hintReq.on('response', (res) => { res.resume(); res.on('end', resolve); }));
  assert.strictEqual(infos.length, 1);
  assert.strictEqual(infos[0].statusCode, 103);
  assert.strictEqual(infos[0].headers.link, '</a.css>; rel=preload');

  await new Promise((resolve) => {
    const req = http.get({ ...base, path: '/big-head', maxHeaderSize: 1024 });
    req.on('error', mustCall((err) => {
      assert.strictEqual(err.code, 'HPE_HEADER_OVERFLOW');
      resolve();
    }));
  });

  // Raw header arrays go out as given; setHost: false sends no Host.
  r = await get({ ...base, path: '/echo', setHost: false, headers: ['X-One', '1', 'x-one', '2'] });
  assert.match(r.text, /^GET \/echo HTTP\/1\.1\r\nX-One: 1\r\nx-one: 2\r\nConnection: close\r\n\r\n$/);
  await close(raw);

  // A server on a Unix socket, reached with socketPath.
  const sockPath = path.join(os.tmpdir(), `nodus-http-${process.pid}.sock`);
  const unix = http.createServer((req, res) => res.end('over unix ' + req.url));
  await new Promise((resolve) => unix.listen(sockPath, resolve));
  r = await get({ socketPath: sockPath, path: '/u' });
  assert.strictEqual(r.text, 'over unix /u');
  await close(unix);

  // flushHeaders sends the head before any body; joinDuplicateHeaders; the client going away.
  let flushedAt = 0;
  const server = http.createServer({ joinDuplicateHeaders: true }, (req, res) => {
    if (req.url === '/flush') {
      res.flushHeaders();
      flushedAt = Date.now();
      setTimeout(() => res.end('later'), 100);
    } else if (req.url === '/join') {
      res.end(JSON.stringify(req.headers));
    } else if (req.url === '/abandon') {
      req.on('aborted', mustCall());
      res.on('close', mustCall(() => {
        assert.strictEqual(res.writableFinished, false);
        server.emit('abandoned');
      }));
    }
  });
  const port = await listen(server);
  await new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port, path: '/flush', agent: false }, (res) => {
      const headAt = Date.now();
      assert.ok(headAt - flushedAt < 90, 'head arrived before the body');
      res.resume();
      res.on('end', resolve);
    });
  });
  r = await rawRequest(port, 'GET /join HTTP/1.1\r\nHost: x\r\nContent-Type: a\r\nContent-Type: b\r\nConnection: close\r\n\r\n');
  assert.strictEqual(JSON.parse(r.slice(r.indexOf('\r\n\r\n') + 4))['content-type'], 'a, b');

  const abandoned = new Promise((resolve) => server.once('abandoned', resolve));
  const c = net.connect(port, '127.0.0.1', () => {
    c.write('POST /abandon HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial');
    setTimeout(() => c.destroy(), 50);
  });
  await abandoned;
  await close(server);

  // insecureHTTPParser accepts what strict parsing refuses.
  const lenient = http.createServer({ insecureHTTPParser: true }, (req, res) => res.end(req.headers['x-folded'] || 'none'));
  const lport = await listen(lenient);
  r = await rawRequest(lport, 'GET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\nConnection: close\r\n\r\n');
  assert.match(r, /^HTTP\/1\.1 200 OK/);
  await close(lenient);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
