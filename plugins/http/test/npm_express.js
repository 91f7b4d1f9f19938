'use strict';
// An unmodified express app (installed from npm by the http/npm_install test fixture): routing
// with parameters, JSON body parsing, static files, redirects, error middleware and 404s.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
require('./common');

const modules = path.join(process.env.NODUS_TEST_BUILD_DIR || path.join(__dirname, '../../../build'),
                          'npm-test', 'node_modules');
const express = require(path.join(modules, 'express'));

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-express-'));
fs.writeFileSync(path.join(staticDir, 'hello.txt'), 'static hello\n');
fs.writeFileSync(path.join(staticDir, 'page.html'), '<h1>page</h1>');

const app = express();
app.use(express.json());
app.use('/files', express.static(staticDir));
app.get('/users/:id', (req, res) => res.json({ id: req.params.id, q: req.query.q || null }));
app.post('/echo', (req, res) => res.status(201).json({ got: req.body, type: req.get('content-type') }));
app.get('/old', (req, res) => res.redirect(301, '/users/7'));
app.get('/boom', () => { throw new Error('kaboom'); });
app.get('/async-boom', (req, res, next) => setTimeout(() => next(new Error('later')), 5));
app.use((req, res) => res.status(404).send('nothing here'));
app.use((err, req, res, next) => res.status(500).json({ error: err.message }));

function call(port, method, urlPath, body) {
  return new Promise((resolve, reject) => {
    const headers = {};
    let payload;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const server = app.listen(0, '127.0.0.1', async () => {
  try {
    const port = server.address().port;
    let r = await call(port, 'GET', '/users/42?q=find');
    assert.strictEqual(r.status, 200);
    assert.match(r.headers['content-type'], /^application\/json/);
    assert.strictEqual(r.headers['x-powered-by'], 'Express');
    assert.ok(r.headers.etag);
    assert.deepStrictEqual(JSON.parse(r.text), { id: '42', q: 'find' });

    r = await call(port, 'POST', '/echo', { a: [1, 2, { b: 'c' }], unicode: 'é☃' });
    assert.strictEqual(r.status, 201);
    assert.deepStrictEqual(JSON.parse(r.text), { got: { a: [1, 2, { b: 'c' }], unicode: 'é☃' }, type: 'application/json' });

    r = await call(port, 'GET', '/files/hello.txt');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.text, 'static hello\n');
    assert.match(r.headers['content-type'], /^text\/plain/);
    assert.strictEqual(r.headers['content-length'], '13');
    assert.ok(r.headers['last-modified']);

    r = await call(port, 'GET', '/files/page.html');
    assert.match(r.headers['content-type'], /^text\/html/);
    assert.strictEqual(r.text, '<h1>page</h1>');

    r = await call(port, 'HEAD', '/files/page.html');
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.text, '');

    r = await call(port, 'GET', '/old');
    assert.strictEqual(r.status, 301);
    assert.strictEqual(r.headers.location, '/users/7');

    r = await call(port, 'GET', '/boom');
    assert.strictEqual(r.status, 500);
    assert.deepStrictEqual(JSON.parse(r.text), { error: 'kaboom' });

    r = await call(port, 'GET', '/async-boom');
    assert.strictEqual(r.status, 500);
    assert.deepStrictEqual(JSON.parse(r.text), { error: 'later' });

    r = await call(port, 'GET', '/missing');
    assert.strictEqual(r.status, 404);
    assert.strictEqual(r.text, 'nothing here');

    r = await call(port, 'POST', '/echo', undefined);
    assert.strictEqual(r.status, 201);

    server.close(() => {
      fs.rmSync(staticDir, { recursive: true, force: true });
      console.log('ok');
    });
  } catch (e) {
    console.error(e);
    process.exit(1);
  }
});
