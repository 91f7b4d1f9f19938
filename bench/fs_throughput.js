'use strict';
// fs throughput: readFile of 1 KB, 1 MB and 50 MB files (sync, callback, promise), writeFile, a
// createReadStream pipe of 200 MB, and 100k stat calls (sync and async). Prints "<case> <ops/s>"
// lines (for the pipe: MB/s) so bench/fs_run.sh can compare runtimes. BENCH_MS: time per case.
const fs = require('fs');
const path = require('path');
const ms = Number(process.env.BENCH_MS || 500);

const dir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'nodus-fs-bench-'));
const file1 = path.join(dir, '1mb.bin');
const file50 = path.join(dir, '50mb.bin');
const file200 = path.join(dir, '200mb.bin');
const text1 = path.join(dir, '1mb.txt');
const small = path.join(dir, '1kb.txt');
fs.writeFileSync(small, 'x'.repeat(1024));
fs.writeFileSync(file1, Buffer.alloc(1 << 20, 7));
fs.writeFileSync(file50, Buffer.alloc(50 << 20, 7));
fs.writeFileSync(text1, 'abcdefghijklmnopqrstuvwxyz0123456789\n'.repeat(28340));
{
  const chunk = Buffer.alloc(8 << 20, 1);
  const fd = fs.openSync(file200, 'w');
  for (let i = 0; i < 25; i++) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

function report(name, ops, start) {
  const secs = (performance.now() - start) / 1000;
  console.log(`${name} ${Math.round(ops / secs)}`);
}

function syncCase(name, fn, minOps = 3) {
  const start = performance.now();
  let ops = 0;
  while (ops < minOps || performance.now() - start < ms) {
    fn();
    ops++;
  }
  report(name, ops, start);
}

// Runs `fn(cb)` back to back (one in flight) for the time budget.
function asyncCase(name, fn, minOps = 3) {
  return new Promise((resolve) => {
    const start = performance.now();
    let ops = 0;
    const next = (err) => {
      if (err) throw err;
      ops++;
      if (ops >= minOps && performance.now() - start >= ms) {
        report(name, ops, start);
        resolve();
      } else {
        fn(next);
      }
    };
    fn(next);
  });
}

function statBatch(name, count, concurrency, statFn) {
  return new Promise((resolve) => {
    const start = performance.now();
    let started = 0;
    let done = 0;
    const one = () => {
      started++;
      statFn(file1, (err) => {
        if (err) throw err;
        done++;
        if (done === count) {
          report(name, count, start);
          resolve();
        } else if (started < count) {
          one();
        }
      });
    };
    for (let i = 0; i < concurrency; i++) one();
  });
}

function pipe200(name) {
  return new Promise((resolve) => {
    const start = performance.now();
    const rs = fs.createReadStream(file200);
    const ws = fs.createWriteStream('/dev/null');
    ws.on('finish', () => {
      const secs = (performance.now() - start) / 1000;
      console.log(`${name} ${Math.round(200 / secs)}`);
      resolve();
    });
    rs.pipe(ws);
  });
}

(async () => {
  syncCase('readFileSync_1KB', () => fs.readFileSync(small));
  await asyncCase('readFile_1KB', (cb) => fs.readFile(small, cb));
  await asyncCase('promises.readFile_1KB_utf8', (cb) => fs.promises.readFile(small, 'utf8').then(() => cb(), cb));
  syncCase('readFileSync_1MB', () => fs.readFileSync(file1));
  await asyncCase('readFile_1MB', (cb) => fs.readFile(file1, cb));
  await asyncCase('promises.readFile_1MB', (cb) => fs.promises.readFile(file1).then(() => cb(), cb));
  syncCase('readFileSync_1MB_utf8', () => fs.readFileSync(text1, 'utf8'));
  syncCase('readFileSync_50MB', () => fs.readFileSync(file50));
  await asyncCase('readFile_50MB', (cb) => fs.readFile(file50, cb));
  const data = fs.readFileSync(file1);
  syncCase('writeFileSync_1MB', () => fs.writeFileSync(path.join(dir, 'w.bin'), data));
  await asyncCase('writeFile_1MB', (cb) => fs.writeFile(path.join(dir, 'w2.bin'), data, cb));
  {
    const start = performance.now();
    for (let i = 0; i < 100000; i++) fs.statSync(file1);
    report('statSync', 100000, start);
  }
  await statBatch('stat_async_100k', 100000, 64, fs.stat);
  await statBatch('promises.stat_100k', 100000, 64,
                  (p, cb) => fs.promises.stat(p).then(() => cb(), cb));
  await pipe200('createReadStream_pipe_200MB_MBps');
  fs.rmSync(dir, { recursive: true, force: true });
})();
