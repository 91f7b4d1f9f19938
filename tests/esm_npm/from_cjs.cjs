'use strict';
// The same ESM-only packages from CommonJS: import() and require(esm) (see run.sh).
const assert = require('assert');
const startServer = require('./server.cjs');

(async () => {
  const { Chalk } = await import('chalk');
  console.log('chalk', JSON.stringify(new Chalk({ level: 2 }).blue('b')));
  const { nanoid } = await import('nanoid');
  console.log('nanoid', nanoid(10).length);
  // require() of an ES module graph without top-level await returns its namespace.
  const required = require('nanoid');
  assert.strictEqual(typeof required.nanoid, 'function');
  console.log('require(esm)', Object.keys(required).sort().join());
  const { default: fetch } = await import('node-fetch');
  const server = await startServer();
  try {
    const res = await fetch(`http://127.0.0.1:${server.address().port}/json`, { method: 'PUT' });
    console.log('fetch', res.status, (await res.json()).method);
  } finally {
    server.close();
  }
})().catch((err) => { console.error(err); process.exit(1); });
