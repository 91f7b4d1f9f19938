'use strict';
// The parser binding in-process (nodus's _http_common; Node's differs, so this test is
// nodus-only): a message split at every byte boundary parses exactly as in one piece, body views
// stay correct across reads, and random or mutated input only ever yields a number or a parse
// Error — never an exception, a crash or a message out of nothing.
const assert = require('assert');
const common = require('_http_common');
const { HTTPParser, kIncomingMessage, kOnIncoming } = common;

if (typeof HTTPParser !== 'function' || HTTPParser.kComplete === undefined) {
  console.log('skipped: not the nodus http plugin');
  process.exit(0);
}

class Recorder {
  constructor() { this.body = []; this.ended = false; this.rawTrailers = []; }
  _setRawHeaders(raw) { this.rawHeaders = raw; }
  _setRawTrailers(raw) { this.rawTrailers = raw; }
  push(chunk) {
    if (chunk === null) this.ended = true;
    else this.body.push(Buffer.from(chunk));
    return true;
  }
}

function makeParser(type, messages) {
  const p = new HTTPParser();
  p.initialize(type, 16384, 0);
  p.socket = { server: { [kIncomingMessage]: Recorder }, readable: false };
  p[kOnIncoming] = (msg) => { messages.push(msg); return 0; };
  return p;
}

function summary(messages) {
  return messages.map((m) => ({
    method: m.method, url: m.url, status: m.statusCode, version: m.httpVersion,
    headers: m.rawHeaders, body: Buffer.concat(m.body).toString('latin1'), ended: m.ended,
    complete: m.complete, trailers: m.rawTrailers,
  }));
}

function parseChunks(type, chunks) {
  const messages = [];
  const p = makeParser(type, messages);
  for (const c of chunks) {
    const ret = p.execute(c);
    if (ret instanceof Error) return { error: ret.code };
  }
  return summary(messages);
}

const request = Buffer.from(
  'POST /upload?x=1 HTTP/1.1\r\nHost: example\r\nX-Long: ' + 'v'.repeat(40) + '\r\n' +
  'Transfer-Encoding: chunked\r\n\r\n' +
  '5\r\nhello\r\n6;name=val\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n' +
  'GET /next HTTP/1.1\r\nHost: example\r\n\r\n' +
  'PUT /put HTTP/1.1\r\nHost: e\r\nContent-Length: 4\r\n\r\nbody', 'latin1');
const whole = parseChunks(HTTPParser.REQUEST, [request]);
assert.strictEqual(whole.length, 3);
assert.strictEqual(whole[0].body, 'hello world');
assert.deepStrictEqual(whole[0].trailers, ['X-Trailer', 'yes']);
assert.strictEqual(whole[1].url, '/next');
assert.strictEqual(whole[1].complete, true);
assert.strictEqual(whole[2].body, 'body');
for (let i = 1; i < request.length; i++) {
  assert.deepStrictEqual(parseChunks(HTTPParser.REQUEST, [request.subarray(0, i), request.subarray(i)]),
                         whole, `split at ${i}`);
}
// Byte by byte.
const bytes = [];
for (let i = 0; i < request.length; i++) bytes.push(request.subarray(i, i + 1));
assert.deepStrictEqual(parseChunks(HTTPParser.REQUEST, bytes), whole);

const response = Buffer.from('HTTP/1.1 200 Fine\r\nContent-Length: 3\r\nSet-Cookie: a\r\n\r\nabc' +
                             'HTTP/1.1 204 No Content\r\n\r\n', 'latin1');
const wholeRes = parseChunks(HTTPParser.RESPONSE, [response]);
assert.strictEqual(wholeRes.length, 2);
assert.strictEqual(wholeRes[0].status, 200);
assert.strictEqual(wholeRes[0].body, 'abc');
assert.strictEqual(wholeRes[1].status, 204);
for (let i = 1; i < response.length; i++) {
  assert.deepStrictEqual(parseChunks(HTTPParser.RESPONSE, [response.subarray(0, i), response.subarray(i)]), wholeRes);
}

// Garbage and mutations: execute answers with a number or an Error, nothing else.
let seed = 12345;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
for (let round = 0; round < 3000; round++) {
  let input;
  if (round % 2 === 0) {
    input = Buffer.alloc(1 + rand(200));
    for (let i = 0; i < input.length; i++) input[i] = rand(256);
  } else {
    input = Buffer.from(request);
    for (let k = 0; k < 1 + rand(4); k++) input[rand(input.length)] = rand(256);
  }
  const messages = [];
  const p = makeParser(round % 3 === 0 ? HTTPParser.RESPONSE : HTTPParser.REQUEST, messages);
  const cut = rand(input.length);
  for (const part of [input.subarray(0, cut), input.subarray(cut)]) {
    const ret = p.execute(part);
    assert.ok(typeof ret === 'number' || (ret instanceof Error && /^HPE_/.test(ret.code)), String(ret));
    if (ret instanceof Error) break;
  }
  p.finish();
}
console.log('ok');
