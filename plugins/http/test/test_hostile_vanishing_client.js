'use strict';
// Clients that vanish mid-response, by FIN or by RST: the server's response reports 'close'
// unfinished, writes after it fail through their callback (never a throw), a piped source is
// destroyed with ERR_STREAM_PREMATURE_CLOSE, an answer sent late is dropped quietly, and the
// server goes on serving with no connection left behind. Runs unchanged under Node 20.
const assert = require('assert');
const http = require('http');
const net = require('net');
const { Readable, pipeline } = require('stream');
const { listen, close, exchange } = require('./common');

const chunk = Buffer.alloc(64 * 1024, 'x');
const maxChunks = 1024; // 64 MiB: far more than socket buffers hold, and a bound for the loop.

// The server side of one vanished request, reported when the server is done with it.
function handler(report) {
  return (req, res) => {
    if (req.url === '/write') {
      let sent = 0;
      const pump = () => {
        while (sent < maxChunks && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
      };
      res.on('close', () => {
        // Writing to a response whose client is gone: false and an error in the callback.
        const finished = res.writableFinished;
        const returned = res.write(chunk, (err) => {
          res.end(); // ending it too must not throw
          report({ url: req.url, finished, returned, writeError: err && err.code,
                   sentAll: sent === maxChunks });
        });
      });
      pump();
    } else if (req.url === '/pipe') {
      let produced = 0;
      const source = new Readable({
        read() { this.push(produced++ < maxChunks ? chunk : null); },
      });
      pipeline(source, res, (err) => report({ url: req.url, pipelineError: err && err.code,
                                              sourceDestroyed: source.destroyed }));
    } else if (req.url === '/late') {
      // Answers only after the client has gone.
      res.on('close', () => {
        res.end('too late');
        report({ url: req.url, destroyed: res.destroyed });
      });
    } else {
      res.end('still here');
    }
  };
}

// Requests `path`, waits for the first bytes of the answer (or only for the request to be sent,
// for '/late'), then vanishes by FIN or RST.
function vanish(port, path, how) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    const leave = () => (how === 'rst' ? c.resetAndDestroy() : c.destroy());
    c.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
    if (path === '/late') c.once('ready', () => setImmediate(leave));
    else c.once('data', leave);
    c.on('error', () => {});
    c.on('close', resolve);
  });
}

(async () => {
  let report;
  const server = http.createServer(handler((r) => report(r)));
  const port = await listen(server);
  for (const how of ['fin', 'rst']) {
    for (const path of ['/write', '/pipe', '/late']) {
      const done = new Promise((resolve) => { report = resolve; });
      await vanish(port, path, how);
      const r = await done;
      const label = `${path} (${how})`;
      if (path === '/write') {
        assert.deepStrictEqual(r, { url: path, finished: false, returned: false,
                                    writeError: 'ERR_STREAM_DESTROYED', sentAll: false }, label);
      } else if (path === '/pipe') {
        assert.deepStrictEqual(r, { url: path, pipelineError: 'ERR_STREAM_PREMATURE_CLOSE',
                                    sourceDestroyed: true }, label);
      } else {
        assert.deepStrictEqual(r, { url: path, destroyed: true }, label);
      }
    }
  }
  // Still serving, and no connection left open.
  const r = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.ok(r.data.endsWith('still here'), r.data);
  const open = await new Promise((resolve, reject) => server.getConnections((e, n) => (e ? reject(e) : resolve(n))));
  assert.strictEqual(open, 0);
  await close(server);
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
