'use strict';
// A head with very many header lines (60000, allowed by a raised maxHeaderSize) reaches the
// request listener intact: the parser hands JS the headers without running out of stack, and
// maxHeadersCount caps them as in Node (1000 by default, 0 for no cap).
const assert = require('assert');
const http = require('http');
const { mustCall, rawRequest, listen, close } = require('./common');

const count = 60000;
const head = `GET / HTTP/1.1\r\nHost: x\r\n${Array.from({ length: count }, (_, i) => `h${i}:v${i}\r\n`).join('')}` +
  'Connection: close\r\n\r\n';

async function serve(maxHeadersCount) {
  const server = http.createServer({ maxHeaderSize: 2 * 1024 * 1024 }, mustCall((req, res) => {
    res.end(JSON.stringify({
      raw: req.rawHeaders.length,
      keys: Object.keys(req.headers).length,
      last: req.headers[`h${count - 1}`],
    }));
  }));
  if (maxHeadersCount !== undefined) server.maxHeadersCount = maxHeadersCount;
  server.on('clientError', (err) => assert.fail(err));
  const port = await listen(server);
  const answer = await rawRequest(port, head);
  await close(server);
  assert.match(answer, /^HTTP\/1\.1 200 OK\r\n/);
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
}

(async () => {
  // No cap: every line, the last one included.
  assert.deepStrictEqual(await serve(0), { raw: 2 * (count + 2), keys: count + 2, last: `v${count - 1}` });
  // Node's default and a small cap keep the first ones (rawHeaders may hold a few more in Node).
  for (const [cap, expected] of [[undefined, 1000], [10, 10]]) {
    const r = await serve(cap);
    assert.strictEqual(r.keys, expected);
    assert.ok(r.raw >= 2 * expected && r.raw < 2 * expected + 100, `${r.raw}`);
    assert.strictEqual(r.last, undefined);
  }
})().then(mustCall());
