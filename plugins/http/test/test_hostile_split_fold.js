'use strict';
// obs-fold is refused wherever the reads split the head. The http parser fuzzer
// (tests/fuzz/fuzz_http_parser.cc) found a fold accepted when a read ended right before the
// continuation line: the second value span then began a read, which the check took for a plain
// continuation. Runs unchanged under Node 20.
const assert = require('assert');
const http = require('http');
const { listen, close, exchange } = require('./common');

const head = 'GET /front HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n';
const foldAt = head.indexOf('\r\n b') + 2;  // where the continuation line starts
const badRequest = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';

(async () => {
  const served = [];
  const server = http.createServer((req, res) => {
    served.push(req.url);
    res.end('served');
  });
  const port = await listen(server);
  for (const cut of [foldAt - 2, foldAt - 1, foldAt, foldAt + 1, foldAt + 2]) {
    const r = await exchange(port, [head.slice(0, cut), head.slice(cut)]);
    assert.strictEqual(r.data, badRequest, `cut at ${cut}`);
  }
  // Split the same way without a fold, the value is simply read on.
  const plain = 'GET /plain HTTP/1.1\r\nHost: x\r\nX-A: ab\r\nConnection: close\r\n\r\n';
  const at = plain.indexOf('ab') + 1;
  const ok = await exchange(port, [plain.slice(0, at), plain.slice(at)]);
  assert.ok(ok.data.startsWith('HTTP/1.1 200 OK') && ok.data.endsWith('served'), ok.data);
  assert.deepStrictEqual(served, ['/plain']);
  await close(server);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
