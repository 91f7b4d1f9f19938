'use strict';
// crypto and zlib throughput: sha256 of 50 MB, AES-256-GCM of 50 MB, gzip level 6 of 10 MB,
// brotli (quality 5: the default 11 takes most of a minute per run) of 10 MB, and a gunzip
// stream producing 100 MB. Prints "<case> <MB/s>" lines for bench/crypto_zlib_run.sh.
const crypto = require('crypto');
const zlib = require('zlib');
const { Readable, Writable, pipeline } = require('stream');

// Text-like data: words from a small vocabulary, so it compresses about as well as logs do.
function makeText(size) {
  const words = ['alpha', 'beta', 'gamma', 'delta', 'request', 'response', 'GET', '/index.html',
                 '200', '404', 'user', 'session', 'token', 'value', 'timeout', 'cache', '\n'];
  const out = Buffer.alloc(size);
  let x = 42;
  let i = 0;
  while (i < size) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const w = words[(x >> 8) % words.length];
    i += out.write(w + ' ', i, 'latin1');
  }
  return out;
}

const MB = 1 << 20;
const big = Buffer.alloc(50 * MB, 0x5a);
const text = makeText(10 * MB);

function timed(name, bytes, fn, rounds = 3) {
  fn();  // warm up
  const start = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  const secs = (performance.now() - start) / 1000;
  console.log(`${name} ${Math.round((bytes * rounds) / MB / secs)}`);
}

timed('sha256_50mb', big.length, () => crypto.createHash('sha256').update(big).digest());
{
  const key = Buffer.alloc(32, 1);
  const iv = Buffer.alloc(12, 2);
  timed('aes256gcm_50mb', big.length, () => {
    const c = crypto.createCipheriv('aes-256-gcm', key, iv);
    c.update(big);
    c.final();
    c.getAuthTag();
  });
}
timed('gzip6_10mb', text.length, () => zlib.gzipSync(text, { level: 6 }));
timed('brotli5_10mb', text.length,
      () => zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }), 1);

// gunzip stream: 10 copies of the 10 MB text's gzip, fed in 64 KB chunks.
{
  const packed = zlib.gzipSync(text);
  const chunks = [];
  for (let i = 0; i < packed.length; i += 65536) chunks.push(packed.subarray(i, i + 65536));
  const member = chunks;
  const start = performance.now();
  let produced = 0;
  let round = 0;
  const next = () => {
    if (round++ === 10) {
      const secs = (performance.now() - start) / 1000;
      console.log(`gunzip_stream_100mb ${Math.round(produced / MB / secs)}`);
      return;
    }
    pipeline(
      Readable.from(member),
      zlib.createGunzip(),
      new Writable({
        write(chunk, enc, cb) {
          produced += chunk.length;
          cb();
        },
      }),
      (err) => {
        if (err) throw err;
        next();
      });
  };
  next();
}
