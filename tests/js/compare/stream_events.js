'use strict';
// Stream semantics printed as event logs: order of 'data'/'end'/'finish'/'close'/'error',
// backpressure, destroy, pipeline/finished, Readable.from, async iteration, object mode.
const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = stream;

const steps = [];
function step(name, fn) { steps.push([name, fn]); }
function log(...a) { console.log(...a); }

function track(name, s) {
  for (const ev of ['end', 'finish', 'close', 'error', 'pause', 'resume', 'drain', 'prefinish']) {
    s.on(ev, (arg) => log(`  ${name} ${ev}${ev === 'error' ? ` ${arg.code || ''} ${arg.message}` : ''}`));
  }
  return s;
}

step('readable basic', (done) => {
  const r = track('r', new Readable({ read() {} }));
  r.on('data', (c) => log('  data', c.toString()));
  r.push('a');
  r.push('b');
  r.push(null);
  r.on('close', done);
});

step('writable basic', (done) => {
  const w = track('w', new Writable({
    write(chunk, enc, cb) { log('  write', chunk.toString(), enc); cb(); },
    final(cb) { log('  final'); cb(); },
  }));
  log('  write returns', w.write('x'), w.write(Buffer.from('y')));
  w.end('z', () => log('  end cb'));
  w.on('close', done);
});

step('backpressure', (done) => {
  const w = track('w', new Writable({
    highWaterMark: 3,
    write(chunk, enc, cb) { setTimeout(cb, 1); },
  }));
  log('  ', w.write('ab'), w.write('cd'), w.writableLength, w.writableNeedDrain);
  w.once('drain', () => { log('  drained', w.writableLength); w.end(); });
  w.on('close', done);
});

step('destroy readable with error', (done) => {
  const r = track('r', new Readable({ read() {} }));
  r.destroy(new Error('boom'));
  log('  destroyed', r.destroyed);
  r.on('close', () => { log('  errored', r.errored && r.errored.message); done(); });
});

step('destroy writable no error', (done) => {
  const w = track('w', new Writable({ write(c, e, cb) { cb(); } }));
  w.destroy();
  w.write('late', (err) => log('  write cb', err && err.code));
  w.on("close", () => setTimeout(done, 1));
});

step('write after end', (done) => {
  const w = track('w', new Writable({ write(c, e, cb) { cb(); } }));
  w.end();
  w.write('x', (err) => log('  cb', err.code));
  w.on('close', done);
});

step('transform', (done) => {
  const t = track('t', new Transform({
    transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); },
    flush(cb) { this.push('!'); cb(); },
  }));
  t.on('data', (d) => log('  data', d.toString()));
  t.write('ab');
  t.end('cd');
  t.on('close', done);
});

step('pipeline ok', (done) => {
  const out = [];
  pipeline(
    Readable.from(['x', 'y', 'z']),
    new Transform({ transform(c, e, cb) { cb(null, `${c}${c}`); } }),
    new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } }),
    (err) => { log('  pipeline done', err, out.join(',')); done(); });
});

step('pipeline error', (done) => {
  pipeline(
    new Readable({ read() { this.destroy(new Error('src fail')); } }),
    new PassThrough(),
    (err) => { log('  pipeline err', err.message); done(); });
});

step('pipeline premature close', (done) => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  pipeline(r, w, (err) => { log('  err', err.code, err.message); done(); });
  r.push('a');
  setTimeout(() => r.destroy(), 1);
});

step('finished', (done) => {
  const r = new Readable({ read() {} });
  finished(r, (err) => { log('  finished', err); done(); });
  r.resume();
  r.push(null);
});

step('async iteration', (done) => {
  (async () => {
    const r = Readable.from([1, 2, 3], { objectMode: true });
    for await (const x of r) log('  item', x);
    log('  ended', r.readableEnded, r.destroyed);
  })().then(done);
});

step('from async generator', (done) => {
  async function* gen() { yield 'a'; yield 'b'; }
  const r = Readable.from(gen());
  r.on('data', (d) => log('  data', d, typeof d));
  r.on('end', done);
});

step('object mode and hwm', (done) => {
  const r = new Readable({ objectMode: true, read() {} });
  log('  ', r.readableHighWaterMark, r.readableObjectMode, new Readable().readableHighWaterMark,
    stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
  log('  push', r.push({ a: 1 }), r.readableLength);
  done();
});

step('duplex', (done) => {
  const d = track('d', new Duplex({
    read() { this.push('from read'); this.push(null); },
    write(c, e, cb) { log('  wrote', c.toString()); cb(); },
  }));
  d.on('data', (c) => log('  data', c.toString()));
  d.end('to write');
  d.on('close', done);
});

step('pause/resume and readable event', (done) => {
  const r = new Readable({ read() {} });
  r.on('readable', () => {
    let c;
    while ((c = r.read()) !== null) log('  read', c.toString());
  });
  r.push('one');
  r.push('two');
  r.push(null);
  r.on('end', () => { log('  end'); done(); });
});

step('promises pipeline', (done) => {
  const { pipeline: p } = require('stream/promises');
  const chunks = [];
  p(Readable.from(['q']), new Writable({ write(c, e, cb) { chunks.push(String(c)); cb(); } }))
    .then(() => { log('  resolved', chunks); done(); });
});

step('compose and operators', (done) => {
  Readable.from([1, 2, 3, 4]).filter((x) => x % 2 === 0).map((x) => x * 10).toArray()
    .then((arr) => { log('  toArray', arr); done(); });
});

step('addAbortSignal', (done) => {
  const ac = new AbortController();
  const r = stream.addAbortSignal(ac.signal, new Readable({ read() {} }));
  r.on('error', (err) => log('  error', err.name, err.code, err.message));
  r.on('close', done);
  ac.abort();
});

step('helpers', (done) => {
  const r = new Readable({ read() {} });
  log('  ', stream.isReadable(r), stream.isErrored(r), stream.isDisturbed(r), typeof stream.compose,
    typeof stream.Stream, stream.Stream === stream, typeof stream.promises.finished,
    require('stream/promises') === stream.promises);
  r.destroy(new Error('e'));
  r.on('error', () => {});
  r.on('close', () => { log('  ', stream.isErrored(r), stream.isReadable(r)); done(); });
});

step('legacy pipe', (done) => {
  const r = new PassThrough();
  const w = new PassThrough();
  r.pipe(w);
  w.on('data', (d) => log('  piped', d.toString()));
  w.on('end', done);
  r.end('hello');
});

step('setEncoding', (done) => {
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  r.on('data', (d) => log('  data', JSON.stringify(d)));
  r.push(Buffer.from([0xe2, 0x82]));
  r.push(Buffer.from([0xac]));
  r.push(null);
  r.on('end', done);
});

let i = 0;
function next() {
  if (i >= steps.length) return;
  const [name, fn] = steps[i++];
  log(name);
  fn(() => setTimeout(next, 1));
}
next();
