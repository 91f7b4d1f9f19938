'use strict';
// createReadStream/createWriteStream: start/end, highWaterMark, fd, FileHandle, autoClose, flush,
// errors, pipe; FileHandle.readLines.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const { tmp, assertUvError, mustCall } = require('./common');

const src = tmp('src.bin');
const data = Buffer.alloc(200 * 1024 + 13);
for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
fs.writeFileSync(src, data);

// whole file, default highWaterMark (64 KiB)
{
  const chunks = [];
  const rs = fs.createReadStream(src);
  assert.ok(rs instanceof fs.ReadStream);
  assert.strictEqual(rs.pending, true);
  rs.on('open', mustCall((fd) => assert.strictEqual(typeof fd, 'number')));
  rs.on('ready', mustCall());
  rs.on('data', (c) => chunks.push(c));
  rs.on('end', mustCall(() => {
    assert.ok(Buffer.concat(chunks).equals(data));
    assert.strictEqual(chunks[0].length, 64 * 1024);
    assert.strictEqual(rs.bytesRead, data.length);
  }));
  rs.on('close', mustCall());
}

// start/end (inclusive), encoding, small highWaterMark
{
  let out = '';
  fs.writeFileSync(tmp('abc.txt'), 'abcdefghij');
  fs.createReadStream(tmp('abc.txt'), { start: 2, end: 5, encoding: 'utf8', highWaterMark: 2 })
    .on('data', (s) => { out += s; })
    .on('end', mustCall(() => assert.strictEqual(out, 'cdef')));
}

// errors
fs.createReadStream(tmp('missing')).on('error', mustCall((err) => {
  assertUvError(err, 'ENOENT', 'open', tmp('missing'));
}));
assert.throws(() => fs.createReadStream(tmp('abc.txt'), { start: 5, end: 2 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.createReadStream(42), { code: 'ERR_INVALID_ARG_TYPE' });

// write stream + pipe
{
  const dst = tmp('dst.bin');
  const ws = fs.createWriteStream(dst);
  assert.ok(ws instanceof fs.WriteStream);
  ws.on('finish', mustCall(() => {
    assert.ok(fs.readFileSync(dst).equals(data));
    assert.strictEqual(ws.bytesWritten, data.length);
  }));
  ws.on('close', mustCall());
  fs.createReadStream(src).pipe(ws);
}

// writes with strings, start, flags 'r+', flush, fd
{
  const p = tmp('ws.txt');
  fs.writeFileSync(p, '..........');
  const ws = fs.createWriteStream(p, { flags: 'r+', start: 3, flush: true });
  ws.write('abc');
  ws.write(Buffer.from('de'));
  ws.end('f', mustCall(() => {
    ws.on('close', mustCall(() => assert.strictEqual(fs.readFileSync(p, 'utf8'), '...abcdef.')));
  }));
}
{
  const p = tmp('fdws.txt');
  const fd = fs.openSync(p, 'w');
  const ws = fs.createWriteStream(null, { fd, autoClose: false });
  ws.end('via fd', mustCall(() => {
    fs.closeSync(fd);
    assert.strictEqual(fs.readFileSync(p, 'utf8'), 'via fd');
  }));
}
fs.createWriteStream(tmp('nodir', 'x')).on('error', mustCall((err) => {
  assertUvError(err, 'ENOENT', 'open', tmp('nodir', 'x'));
}));

// close() with a callback
{
  const rs = fs.createReadStream(src);
  rs.close(mustCall());
}

// FileHandle streams and readLines
(async () => {
  const fh = await fsp.open(src);
  const chunks = [];
  for await (const c of fh.createReadStream({ start: 10, end: 19 })) chunks.push(c);
  assert.ok(Buffer.concat(chunks).equals(data.subarray(10, 20)));
  assert.strictEqual(fh.fd, -1); // autoClose closed the handle

  const out = await fsp.open(tmp('fhws.txt'), 'w');
  const ws = out.createWriteStream();
  await new Promise((resolve) => ws.end('handle stream', resolve));
  await new Promise((resolve) => (ws.closed ? resolve() : ws.on('close', resolve)));
  assert.strictEqual(fs.readFileSync(tmp('fhws.txt'), 'utf8'), 'handle stream');

  fs.writeFileSync(tmp('lines.txt'), 'one\ntwo\r\nthree');
  const lh = await fsp.open(tmp('lines.txt'));
  const lines = [];
  for await (const line of lh.readLines()) lines.push(line);
  assert.deepStrictEqual(lines, ['one', 'two', 'three']);

  // Leaving readLines early and closing the handle: the stream stops with the handle's 'close'
  // (emitted by the call, as in Node), so no read hits the closed descriptor.
  fs.writeFileSync(tmp('many_lines.txt'), 'line\n'.repeat(100000));
  const mh = await fsp.open(tmp('many_lines.txt'));
  let seen = 0;
  for await (const line of mh.readLines()) {
    assert.strictEqual(line, 'line');
    if (++seen === 3) break;
  }
  let closeEvents = 0;
  mh.on('close', () => closeEvents++);
  const closing = mh.close();
  assert.strictEqual(closeEvents, 1);
  assert.strictEqual(mh.fd, -1);
  await assert.rejects(mh.read(Buffer.alloc(1)), { code: 'EBADF', message: 'file closed' });
  await closing;
  await new Promise((resolve) => setImmediate(resolve));

  // readableWebStream: the file's bytes as a WHATWG stream; the handle stays open and locked
  const wh = await fsp.open(src);
  let total = 0;
  for await (const chunk of wh.readableWebStream()) total += chunk.byteLength;
  assert.strictEqual(total, data.length);
  assert.throws(() => wh.readableWebStream(), { code: 'ERR_INVALID_STATE' });
  await wh.close();
  assert.throws(() => wh.readableWebStream(), { code: 'ERR_INVALID_STATE' });
})().then(mustCall());
