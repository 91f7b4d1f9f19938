'use strict';
// A Readable -> Transform -> Writable pipeline moving 16 KiB chunks, and an object-mode one:
// prints "<case> <ops/s>" (chunks per second) for node and nodus alike.
const { Readable, Transform, Writable, pipeline } = require('stream');
const ms = Number(process.env.BENCH_MS || 300);

function run(name, objectMode, chunk, done) {
  let chunks = 0;
  let stop = false;
  const start = performance.now();
  const src = new Readable({
    objectMode,
    read() {
      if (stop) return this.push(null);
      for (let i = 0; i < 16; i++) this.push(chunk);
    },
  });
  const t = new Transform({ objectMode, transform(c, e, cb) { cb(null, c); } });
  const sink = new Writable({
    objectMode,
    write(c, e, cb) {
      chunks++;
      if ((chunks & 1023) === 0 && performance.now() - start >= ms) stop = true;
      cb();
    },
  });
  pipeline(src, t, sink, (err) => {
    if (err) throw err;
    const secs = (performance.now() - start) / 1000;
    console.log(`${name} ${Math.round(chunks / secs)}`);
    done();
  });
}

const big = Buffer.alloc(16 * 1024, 'x');
run('pipeline-16KiB-chunks', false, big, () => {
  run('pipeline-objects', true, { id: 1 }, () => {
    run('pipeline-64B-chunks', false, Buffer.alloc(64, 'y'), () => {});
  });
});
