'use strict';
// Informational answers and expectations: writeProcessing (102) and writeEarlyHints (103) go out
// before the final response, byte for byte as in Node, and reach the client as 'information'
// events; an Expect other than 100-continue gets 417, by default or from 'checkExpectation'.
const assert = require('assert');
const http = require('http');
const { mustCall, rawRequest, listen, close } = require('./common');

const withoutDate = (s) => s.replace(/\r\nDate: [^\r]*/, '\r\nDate: X');

(async () => {
  const server = http.createServer(mustCall((req, res) => {
    res.writeProcessing();
    res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style', 'x-hint': 'a' });
    res.end('done');
  }, 2));
  server.on('checkExpectation', mustCall((req, res) => {
    assert.strictEqual(req.headers.expect, 'something');
    res.writeHead(417, { 'x-why': 'nope' });
    res.end();
  }));
  const port = await listen(server);

  assert.strictEqual(withoutDate(await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')),
                     'HTTP/1.1 102 Processing\r\n\r\n' +
                     'HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\nx-hint: a\r\n\r\n' +
                     'HTTP/1.1 200 OK\r\nDate: X\r\nConnection: close\r\nContent-Length: 4\r\n\r\ndone');
  assert.strictEqual(
    withoutDate(await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nExpect: something\r\nConnection: close\r\n\r\n')),
    'HTTP/1.1 417 Expectation Failed\r\nx-why: nope\r\nDate: X\r\nConnection: close\r\n' +
    'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n');

  // The client sees each informational answer, then the response.
  const infos = [];
  const body = await new Promise((resolve, reject) => {
    const req = http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve(text));
    });
    req.on('information', (info) => infos.push([info.statusCode, info.statusMessage, info.httpVersion,
                                                 info.headers, info.rawHeaders]));
    req.on('error', reject);
  });
  assert.strictEqual(body, 'done');
  assert.deepStrictEqual(infos, [
    [102, 'Processing', '1.1', {}, []],
    [103, 'Early Hints', '1.1', { 'link': '</style.css>; rel=preload; as=style', 'x-hint': 'a' },
     ['Link', '</style.css>; rel=preload; as=style', 'x-hint', 'a']],
  ]);
  await close(server);

  // Without a 'checkExpectation' listener the server answers 417 itself; no request event.
  const plain = http.createServer(() => assert.fail('no request event'));
  const plainPort = await listen(plain);
  assert.strictEqual(
    withoutDate(await rawRequest(plainPort, 'GET / HTTP/1.1\r\nHost: x\r\nExpect: weird\r\nConnection: close\r\n\r\n')),
    'HTTP/1.1 417 Expectation Failed\r\nDate: X\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
  await close(plain);
})().then(mustCall());
