// ES modules and builtins: named exports of builtins, import.meta, top-level await, JSON modules
// with import attributes (both spellings), and the errors imports fail with, as in Node 20.
import { readFileSync, promises } from 'node:fs';
import fs from 'fs';
import * as path from 'node:path';
import { EventEmitter } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import data from '../fixtures/modules/data.json' with { type: 'json' };
import { createRequire, syncBuiltinESMExports } from 'node:module';
import proc, { cwd } from 'node:process';

const fx = '../fixtures/esm/misc/';
console.log('builtins', typeof readFileSync, typeof promises.readFile, fs.readFileSync === readFileSync,
  typeof path.join, typeof path.default.join, typeof EventEmitter);
console.log('process', proc === process, cwd === process.cwd, (await import('process')).default === process);
// Named exports of a builtin follow its object's properties after syncBuiltinESMExports().
const original = fs.readFileSync;
fs.readFileSync = function patched() { return 'patched'; };
console.log('before sync', readFileSync === original);
syncBuiltinESMExports();
console.log('after sync', readFileSync(), readFileSync === fs.readFileSync);
fs.readFileSync = original;
syncBuiltinESMExports();
console.log('meta keys', Object.keys(import.meta).sort().join());
console.log('meta', import.meta.filename.endsWith('/esm_errors.mjs'), import.meta.dirname.endsWith('/compare'),
  import.meta.url.startsWith('file:///'));
console.log('tla', await delay(1, 'awaited'));
console.log('json', data.answer, (await import('../fixtures/modules/data.json', { with: { type: 'json' } })).default.answer);
console.log('json assert', (await import('../fixtures/modules/data.json', { assert: { type: 'json' } })).default.answer);
async function attempt(label, load) {
  try {
    await load();
    console.log('loaded', label);
  } catch (e) {
    console.log(label, e.name, e.code, e.message.replace(/file:\/\/\/\S*\/tests\//, 'file:///<tests>/')
      .replace(/'\/\S*\/tests\//, "'<tests>/").replace(/ for \/\S*\/tests\//, ' for <tests>/')
      .replace(/ imported from .*/, ' imported from <here>'));
  }
}
// import() options are written out: V8 10.2 reads only `assert` there, nodus rewrites a literal
// `with` (docs/esm.md).
await attempt('json without type', () => import('../fixtures/modules/data.json'));
await attempt('module as json', () => import(`${fx}ok.mjs`, { with: { type: 'json' } }));
await attempt('css type', () => import('../fixtures/modules/data.json', { with: { type: 'css' } }));
for (const spec of [`${fx}nope.mjs`, `${fx}dir`, `${fx}x.txt`, `${fx}ok`, 'nopkg', 'node:nope', 'http://x/y.js',
  `${fx}syntax.mjs`, `${fx}missing-export.mjs`]) {
  await attempt(spec, () => import(spec));
}
const require = createRequire(import.meta.url);
try {
  require(`${fx}tla.mjs`);
} catch (e) {
  console.log('require(tla)', e.code);
}
console.log('require(esm)', require(`${fx}ok.mjs`).ok, typeof require, typeof module, typeof __filename, this);
