'use strict';
// pipeline() with async generators, iterables and functions; compose(); Duplex.from();
// stream/promises with signals; the errors they report. Compared with Node.
const { pipeline, compose, Duplex, Readable, Writable, PassThrough, finished } = require('stream');
const { pipeline: pipelineP, finished: finishedP } = require('stream/promises');

const log = (...a) => console.log(...a);

async function main() {
  // source iterable -> async generator transform -> async function sink
  const result = await pipelineP(
    ['a', 'b', 'c'],
    async function* (source) { for await (const chunk of source) yield chunk.toUpperCase(); },
    async function (source) {
      let all = '';
      for await (const chunk of source) all += chunk;
      return all;
    });
  log('generator pipeline result', result);

  // a generator that throws rejects the pipeline and destroys the streams
  const src = Readable.from(['x', 'y']);
  try {
    await pipelineP(src, async function* (source) {
      for await (const c of source) {
        if (c === 'y') throw new Error('gen fail');
        yield c;
      }
    }, new PassThrough());
  } catch (e) {
    log('rejected', e.message, src.destroyed);
  }

  // compose two transforms into one duplex
  const upper = compose(async function* (source) {
    for await (const c of source) yield String(c).toUpperCase();
  }, async function* (source) {
    for await (const c of source) yield `[${c}]`;
  });
  const out = [];
  await pipelineP(Readable.from(['p', 'q']), upper, new Writable({
    objectMode: true,
    write(c, e, cb) { out.push(String(c)); cb(); },
  }));
  log('compose', out);

  // Duplex.from a promise, an async generator function, an object of readable/writable
  const d1 = Duplex.from(async function* (source) { for await (const c of source) yield `d:${c}`; });
  const res = [];
  await pipelineP(Readable.from(['1', '2']), d1, new Writable({ objectMode: true, write(c, e, cb) { res.push(String(c)); cb(); } }));
  log('Duplex.from generator', res);
  const d2 = Duplex.from({ readable: Readable.from(['r']), writable: new PassThrough() });
  log('Duplex.from pair', d2.readable, d2.writable);

  // pipeline with a signal
  const ac = new AbortController();
  const slow = new Readable({ read() {} });
  const p = pipelineP(slow, new PassThrough(), { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { log('aborted', e.name, e.code); }

  // finished with options
  const w = new PassThrough();
  const f = finishedP(w, { readable: false });
  w.end('z');
  await f;
  log('finished writable side', w.writableFinished);

  // callback pipeline with a bad argument
  try {
    pipeline(Readable.from(['a']), (err) => {});
  } catch (e) {
    log('too few', e.code, e.message);
  }
  pipeline(Readable.from(['a']), 42, () => {});
}

main().catch((e) => log('unexpected', e.code, e.message));
