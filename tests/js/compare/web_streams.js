'use strict';
// WHATWG streams from stream/web: reading, backpressure, pipeTo/pipeThrough, tee, errors,
// async iteration, text streams. Printed and compared with Node.
const { ReadableStream, WritableStream, TransformStream, CountQueuingStrategy,
  ByteLengthQueuingStrategy, TextEncoderStream, TextDecoderStream } = require('stream/web');

const steps = [];
const step = (name, fn) => steps.push([name, fn]);
const log = (...a) => console.log(' ', ...a);

step('inspect', async () => {
  const r = new ReadableStream();
  log(r, new WritableStream(), new TransformStream());
  log(new CountQueuingStrategy({ highWaterMark: 3 }), new ByteLengthQueuingStrategy({ highWaterMark: 5 }));
  const reader = r.getReader();
  log(r.locked);
  try { r.getReader(); } catch (e) { log(e.name, e.code, e.message); }
  reader.releaseLock();
  log(r.locked);
});

step('read queue and pull', async () => {
  let pulls = 0;
  const r = new ReadableStream({
    start(c) { c.enqueue('a'); c.enqueue('b'); log('desired', c.desiredSize); },
    pull(c) { pulls++; if (pulls === 3) c.close(); else c.enqueue(`p${pulls}`); },
  }, { highWaterMark: 2 });
  const reader = r.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    log('read', value, done);
    if (done) break;
  }
  log('pulls', pulls);
  await reader.closed;
  log('closed');
});

step('error', async () => {
  let ctl;
  const r = new ReadableStream({ start(c) { ctl = c; } });
  const reader = r.getReader();
  const p = reader.read();
  ctl.error(new Error('bad'));
  try { await p; } catch (e) { log('read rejected', e.message); }
  try { await reader.closed; } catch (e) { log('closed rejected', e.message); }
  try { ctl.enqueue(1); } catch (e) { log(e.name, e.code); }
});

step('cancel', async () => {
  const r = new ReadableStream({ cancel(reason) { log('cancel called', reason); } });
  await r.cancel('why');
  const reader = r.getReader();
  log(await reader.read());
});

step('async iteration', async () => {
  const r = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } });
  for await (const x of r) log('item', x);
  const r2 = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); }, cancel() { log('cancelled by break'); } });
  for await (const x of r2) { log('first', x); break; }
  log('locked after break', r2.locked);
});

step('from', async () => {
  const r = ReadableStream.from(['x', 'y']);
  const out = [];
  for await (const v of r) out.push(v);
  log(out);
  async function* g() { yield 1; yield 2; }
  const out2 = [];
  for await (const v of ReadableStream.from(g())) out2.push(v);
  log(out2);
});

step('writable', async () => {
  const written = [];
  const w = new WritableStream({
    write(chunk) { written.push(chunk); return new Promise((r) => setTimeout(r, 5)); },
    close() { log('sink close'); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const writer = w.getWriter();
  log('desired', writer.desiredSize);
  const p1 = writer.write('a');
  const p2 = writer.write('b');
  log('desired after 2', writer.desiredSize);
  await p1;
  await p2;
  await writer.ready;
  await writer.close();
  log(written);
  try { await writer.write('late'); } catch (e) { log('late write rejected'); }
});

step('writable error and abort', async () => {
  const w = new WritableStream({ write() { throw new Error('sink fail'); } });
  const writer = w.getWriter();
  try { await writer.write('x'); } catch (e) { log('write rejected', e.message); }
  try { await writer.closed; } catch (e) { log('closed rejected', e.message); }
  const w2 = new WritableStream({ abort(reason) { log('abort called', reason); } });
  await w2.abort('stop');
  log('after abort', w2);
});

step('pipeTo', async () => {
  const chunks = [];
  const r = new ReadableStream({ start(c) { for (const x of [1, 2, 3]) c.enqueue(x); c.close(); } });
  const w = new WritableStream({ write(c) { chunks.push(c); }, close() { log('dest closed'); } });
  await r.pipeTo(w);
  log(chunks, r.locked, w.locked);
});

step('pipeThrough transform', async () => {
  const r = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  const upper = new TransformStream({
    transform(chunk, c) { c.enqueue(chunk.toUpperCase()); },
    flush(c) { c.enqueue('!'); },
  });
  const out = [];
  for await (const v of r.pipeThrough(upper)) out.push(v);
  log(out);
});

step('pipeTo source error', async () => {
  const r = new ReadableStream({ pull(c) { c.error(new Error('src')); } });
  const w = new WritableStream({ abort(reason) { log('dest aborted', reason.message); } });
  try { await r.pipeTo(w); } catch (e) { log('pipe rejected', e.message); }
});

step('pipeTo signal', async () => {
  const ac = new AbortController();
  const r = new ReadableStream({ cancel(reason) { log('source cancelled', reason.name); } });
  const w = new WritableStream({ abort(reason) { log('dest aborted', reason.name); } });
  const p = r.pipeTo(w, { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { log('rejected', e.name); }
});

step('tee', async () => {
  const r = new ReadableStream({ start(c) { c.enqueue('t1'); c.enqueue('t2'); c.close(); } });
  const [a, b] = r.tee();
  const ra = [];
  const rb = [];
  for await (const v of a) ra.push(v);
  for await (const v of b) rb.push(v);
  log(ra, rb, r.locked);
});

step('text streams', async () => {
  const bytes = new Uint8Array([0xe2, 0x82, 0xac, 0x41]);
  const r = new ReadableStream({ start(c) { c.enqueue(bytes.slice(0, 1)); c.enqueue(bytes.slice(1)); c.close(); } });
  const out = [];
  for await (const s of r.pipeThrough(new TextDecoderStream())) out.push(s);
  log(out);
  const enc = [];
  const r2 = new ReadableStream({ start(c) { c.enqueue('h€'); c.close(); } });
  for await (const b of r2.pipeThrough(new TextEncoderStream())) enc.push(Array.from(b));
  log(enc);
});

step('globals', async () => {
  log(typeof globalThis.ReadableStream, globalThis.ReadableStream === ReadableStream,
    typeof TransformStream, typeof TextDecoderStream);
  const blob = new Blob(['hello ', 'blob']);
  const parts = [];
  for await (const c of blob.stream()) parts.push(Buffer.from(c).toString());
  log(parts.join(''));
});

step('node <-> web adapters', async () => {
  const { Readable, Writable, Duplex, duplexPair } = require('stream');
  const web = Readable.toWeb(Readable.from([Buffer.from('a'), Buffer.from('b')]));
  const got = [];
  for await (const c of web) got.push(`${c.constructor.name}:${Buffer.from(c)}`);
  log(Object.prototype.toString.call(web), got);
  const back = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue('x'); c.close(); } }), { objectMode: true });
  for await (const c of back) log('from web', c);
  const w = Writable.fromWeb(new WritableStream({ write(c) { log('web sink', String(c), Buffer.isBuffer(c)); } }));
  w.end('hello');
  await new Promise((res) => w.on('finish', res));
  const ws = Writable.toWeb(new Writable({ write(c, e, cb) { log('node sink', String(c)); cb(); } }));
  const writer = ws.getWriter();
  await writer.write('via web');
  await writer.close();
  const pair = Duplex.toWeb(new (require('stream').PassThrough)());
  const pw = pair.writable.getWriter();
  pw.write('through');
  pw.close();
  for await (const c of pair.readable) log('duplex toWeb', String(Buffer.from(c)));
  const [a, b] = duplexPair();
  b.on('data', (d) => log('pair', String(d)));
  a.write('ping');
  await new Promise((res) => setTimeout(res, 5));
});

(async () => {
  for (const [name, fn] of steps) {
    console.log(name);
    await fn();
  }
})();
