'use strict';
// http.request/http.get: options objects and URLs, request bodies (Content-Length and chunked),
// response bodies, 'socket'/'response'/'finish'/'close' events, HEAD and 304 without bodies.
const assert = require('assert');
const http = require('http');
const { listen, close, mustCall } = require('./common');

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    if (req.url === '/304') { res.writeHead(304); res.end(); return; }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({
      method: req.method, url: req.url, body, te: req.headers['transfer-encoding'] || null,
      cl: req.headers['content-length'] || null, host: req.headers.host,
      auth: req.headers.authorization || null, custom: req.headers['x-custom'] || null,
    }));
  });
});

function collect(res) {
  return new Promise((resolve, reject) => {
    let data = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { data += d; });
    res.on('end', () => resolve(data));
    res.on('error', reject);
  });
}

function request(...args) {
  return new Promise((resolve, reject) => {
    const req = http.request(...args, (res) => collect(res).then((body) => resolve({ res, body, req })));
    req.on('error', reject);
    if (args[args.length - 1].body !== undefined) {
      for (const part of args[args.length - 1].body) req.write(part);
    }
    req.end();
  });
}

(async () => {
  const port = await listen(server);

  // Options object, GET.
  let { res, body } = await request({ port, host: '127.0.0.1', path: '/a?b=1', headers: { 'X-Custom': 'yes' } });
  assert.strictEqual(res.statusCode, 200);
  assert.strictEqual(res.statusMessage, 'OK');
  assert.strictEqual(res.httpVersion, '1.1');
  assert.strictEqual(res.headers['content-type'], 'application/json');
  body = JSON.parse(body);
  assert.deepStrictEqual(body, { method: 'GET', url: '/a?b=1', body: '', te: null, cl: null,
                                 host: `127.0.0.1:${port}`, auth: null, custom: 'yes' });

  // URL string with auth, POST with a chunked body (no Content-Length given).
  ({ res, body } = await request(`http://user:pw@127.0.0.1:${port}/post`, { method: 'post', body: ['ab', 'cd', Buffer.from('ef')] }));
  body = JSON.parse(body);
  assert.strictEqual(body.method, 'POST');
  assert.strictEqual(body.body, 'abcdef');
  assert.strictEqual(body.te, 'chunked');
  assert.strictEqual(body.auth, 'Basic ' + Buffer.from('user:pw').toString('base64'));

  // URL object, PUT with Content-Length.
  ({ body } = await request(new URL(`http://127.0.0.1:${port}/put`),
                            { method: 'PUT', headers: { 'Content-Length': 5 }, body: ['hello'] }));
  body = JSON.parse(body);
  assert.strictEqual(body.body, 'hello');
  assert.strictEqual(body.cl, '5');
  assert.strictEqual(body.te, null);

  // HEAD: headers only.
  ({ res, body } = await request({ port, host: '127.0.0.1', method: 'HEAD', path: '/h' }));
  assert.strictEqual(res.statusCode, 200);
  assert.strictEqual(body, '');

  ({ res, body } = await request({ port, host: '127.0.0.1', path: '/304' }));
  assert.strictEqual(res.statusCode, 304);
  assert.strictEqual(body, '');

  // Event order on one request.
  await new Promise((resolve) => {
    const events = [];
    const req = http.get({ port, host: '127.0.0.1', path: '/ev', agent: false }, (res) => {
      events.push('response');
      res.resume();
      res.on('end', () => events.push('end'));
    });
    req.on('socket', (s) => { events.push('socket'); assert.ok(s instanceof require('net').Socket); });
    req.on('finish', () => events.push('finish'));
    req.on('close', () => {
      events.push('close');
      assert.deepStrictEqual(events, ['socket', 'finish', 'response', 'end', 'close']);
      resolve();
    });
  });

  // Errors: invalid method, bad protocol, unescaped path, connection refused.
  assert.throws(() => http.request({ method: 'BAD METHOD' }), { code: 'ERR_INVALID_HTTP_TOKEN' });
  assert.throws(() => http.request('https://127.0.0.1/'), { code: 'ERR_INVALID_PROTOCOL' });
  assert.throws(() => http.request({ path: '/a b' }), { code: 'ERR_UNESCAPED_CHARACTERS' });
  await close(server);
  await new Promise((resolve) => {
    const req = http.get({ port, host: '127.0.0.1', agent: false });
    req.on('error', mustCall((err) => {
      assert.strictEqual(err.code, 'ECONNREFUSED');
      resolve();
    }));
  });
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
