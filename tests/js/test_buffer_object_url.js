'use strict';
// URL.createObjectURL(blob) registers the Blob; buffer.resolveObjectURL(url) hands back a Blob
// with the same bytes and type (a new object, as in Node) until URL.revokeObjectURL(url).
const assert = require('assert');
const { resolveObjectURL, Blob, File } = require('buffer');

(async () => {
  const blob = new Blob(['hello ', 'blob'], { type: 'Text/Plain' });
  const url = URL.createObjectURL(blob);
  assert.match(url, /^blob:nodedata:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.notStrictEqual(URL.createObjectURL(blob), url);

  const got = resolveObjectURL(url);
  assert.ok(got instanceof Blob);
  assert.notStrictEqual(got, blob);
  assert.strictEqual(got.size, 10);
  assert.strictEqual(got.type, 'text/plain');
  assert.strictEqual(await got.text(), 'hello blob');
  assert.strictEqual(await resolveObjectURL(new URL(url)).text(), 'hello blob');

  // A File comes back as a plain Blob.
  const file = new File(['f'], 'name.txt');
  const fromFile = resolveObjectURL(URL.createObjectURL(file));
  assert.ok(!(fromFile instanceof File));
  assert.strictEqual(await fromFile.text(), 'f');

  for (const bad of [`${url}x`, 'blob:nodedata:unknown', 'blob:other:x', 'http://x/', 'nonsense', undefined, 42]) {
    assert.strictEqual(resolveObjectURL(bad), undefined, String(bad));
  }

  URL.revokeObjectURL(url);
  assert.strictEqual(resolveObjectURL(url), undefined);
  assert.throws(() => URL.createObjectURL('text'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => URL.revokeObjectURL(), { code: 'ERR_MISSING_ARGS' });
  console.log('ok');
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
