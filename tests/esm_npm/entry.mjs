// ESM-only packages imported from an ES module entry (see run.sh).
import chalk, { Chalk, supportsColor } from 'chalk';
import { nanoid, customAlphabet } from 'nanoid';
import fetch, { Headers, Response } from 'node-fetch';
import { createRequire } from 'node:module';
import assert from 'node:assert';

const require = createRequire(import.meta.url);
const startServer = require('./server.cjs');

// chalk: an explicit level, so the output does not depend on the terminal.
const c = new Chalk({ level: 1 });
console.log('chalk', JSON.stringify(c.red.bold('hi')), JSON.stringify(c.underline.green('x')), typeof chalk.level,
  supportsColor === false || typeof supportsColor === 'object');

const id = nanoid();
assert.match(id, /^[A-Za-z0-9_-]{21}$/);
const digits = customAlphabet('0123456789', 8)();
assert.match(digits, /^[0-9]{8}$/);
console.log('nanoid', id.length, digits.length, new Set(Array.from({ length: 50 }, () => nanoid())).size);

const server = await startServer();
const base = `http://127.0.0.1:${server.address().port}`;
try {
  const res = await fetch(`${base}/json`);
  console.log('fetch', res.status, res.headers.get('content-type'), JSON.stringify(await res.json()));
  const moved = await fetch(`${base}/moved`);
  console.log('redirect', moved.redirected, moved.status, new URL(moved.url).pathname);
  const posted = await fetch(`${base}/echo`, { method: 'POST', body: 'a=1', headers: new Headers({ 'content-type': 'text/plain' }) });
  console.log('post', await posted.text());
  const missing = await fetch(`${base}/missing`);
  console.log('404', missing.ok, missing.status, await missing.text(), new Response('r') instanceof Response);
} finally {
  server.close();
}
