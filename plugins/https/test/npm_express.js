'use strict';
// An unmodified express app (installed from npm by the http/npm_install test fixture) served by
// https.createServer on nodus, fetched by nodus's https client: routing, JSON bodies, static
// files, a large body, error middleware, 404, all over one kept-alive TLS connection.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');
const { certs, deadline } = require('../../tls/test/common');

deadline(40000);
const c = certs();
const modules = path.join(process.env.NODUS_TEST_BUILD_DIR || path.join(__dirname, '../../../build'),
                          'npm-test', 'node_modules');
const express = require(path.join(modules, 'express'));

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-https-express-'));
process.on('exit', () => fs.rmSync(staticDir, { recursive: true, force: true }));
fs.writeFileSync(path.join(staticDir, 'hello.txt'), 'static hello\n');
const big = Buffer.alloc(700 * 1024, 'b');
fs.writeFileSync(path.join(staticDir, 'big.bin'), big);

const app = express();
app.use(express.json());
app.use('/files', express.static(staticDir));
app.get('/users/:id', (req, res) => res.json({ id: req.params.id, secure: req.secure, protocol: req.protocol }));
app.post('/echo', (req, res) => res.status(201).json({ got: req.body }));
app.get('/boom', () => { throw new Error('kaboom'); });
app.use((req, res) => res.status(404).send('nothing here'));
app.use((err, req, res, next) => res.status(500).json({ error: err.message }));

const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca: c.ca });

function call(port, method, urlPath, body) {
  return new Promise((resolve, reject) => {
    const headers = {};
    let payload;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    const req = https.request({ host: 'localhost', port, method, path: urlPath, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers,
        body: Buffer.concat(chunks), reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const server = https.createServer({ key: c.server.key, cert: c.server.cert }, app);
server.listen(0, '127.0.0.1', async () => {
  try {
    const port = server.address().port;
    let r = await call(port, 'GET', '/users/42');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.headers['x-powered-by'], 'Express');
    assert.deepStrictEqual(JSON.parse(r.body), { id: '42', secure: true, protocol: 'https' });

    r = await call(port, 'POST', '/echo', { a: [1, 2, { b: 'c' }], unicode: 'é☃' });
    assert.strictEqual(r.status, 201);
    assert.deepStrictEqual(JSON.parse(r.body), { got: { a: [1, 2, { b: 'c' }], unicode: 'é☃' } });
    assert.strictEqual(r.reused, true);

    r = await call(port, 'GET', '/files/hello.txt');
    assert.strictEqual(r.body.toString(), 'static hello\n');
    assert.match(r.headers['content-type'], /^text\/plain/);

    r = await call(port, 'GET', '/files/big.bin');
    assert.strictEqual(r.status, 200);
    assert.ok(r.body.equals(big));

    r = await call(port, 'GET', '/boom');
    assert.strictEqual(r.status, 500);
    assert.deepStrictEqual(JSON.parse(r.body), { error: 'kaboom' });

    r = await call(port, 'GET', '/missing');
    assert.strictEqual(r.status, 404);
    assert.strictEqual(r.body.toString(), 'nothing here');

    agent.destroy();
    server.close(() => console.log('ok'));
  } catch (e) {
    console.error(e);
    process.exit(1);
  }
});
