'use strict';
// An unmodified `ws` (installed from npm by the http/npm_install fixture): a WebSocket echo
// server on http.Server's 'upgrade' and a ws client over http.request's 'upgrade' — text,
// binary, a message larger than one socket read, ping/pong and a clean close.
const assert = require('assert');
const path = require('path');
const http = require('http');
const { mustCall } = require('./common');

// ws loads https and tls at startup: without those plugins in the runtime it cannot run at all.
for (const id of ['https', 'tls']) {
  try {
    require(id);
  } catch (e) {
    if (e.code !== 'ERR_UNKNOWN_BUILTIN_MODULE') throw e;
    console.log(`skipped: ws needs the '${id}' module, which this runtime does not provide`);
    process.exit(0);
  }
}

const modules = path.join(process.env.NODUS_TEST_BUILD_DIR || path.join(__dirname, '../../../build'),
                          'npm-test', 'node_modules');
const { WebSocketServer, WebSocket } = require(path.join(modules, 'ws'));

const server = http.createServer((req, res) => res.end('plain http still works'));
const wss = new WebSocketServer({ server });
wss.on('connection', mustCall((socket, req) => {
  assert.strictEqual(req.url, '/chat?room=1');
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
}));

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/chat?room=1`);
  const big = Buffer.alloc(300 * 1024);
  for (let i = 0; i < big.length; i++) big[i] = i & 0xff;
  const replies = [];
  ws.on('open', mustCall(() => {
    ws.send('hello');
    ws.send(Buffer.from([1, 2, 3]));
    ws.send(big);
    ws.ping('are you there');
  }));
  ws.on('pong', mustCall((data) => assert.strictEqual(data.toString(), 'are you there')));
  ws.on('message', (data, isBinary) => {
    replies.push({ data: Buffer.from(data), isBinary });
    if (replies.length === 3) {
      assert.strictEqual(replies[0].data.toString(), 'hello');
      assert.strictEqual(replies[0].isBinary, false);
      assert.deepStrictEqual([...replies[1].data], [1, 2, 3]);
      assert.strictEqual(replies[1].isBinary, true);
      assert.ok(replies[2].data.equals(big));
      ws.close(1000, 'done');
    }
  });
  ws.on('close', mustCall((code, reason) => {
    assert.strictEqual(code, 1000);
    assert.strictEqual(reason.toString(), 'done');
    http.get({ host: '127.0.0.1', port, agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        assert.strictEqual(text, 'plain http still works');
        wss.close();
        server.close(() => console.log('ok'));
      });
    });
  }));
  ws.on('error', (e) => { console.error(e); process.exit(1); });
});
