'use strict';
// readline over a non-terminal stream: lines, CRLF, question(), async iteration, close.
const assert = require('assert');
const readline = require('readline');
const { PassThrough } = require('stream');

(async () => {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const lines = [];
  rl.on('line', (l) => lines.push(l));
  const closed = new Promise((r) => rl.on('close', r));
  input.write('one\r\ntwo\n');
  input.write('thr');
  input.end('ee\nlast');
  await closed;
  assert.deepStrictEqual(lines, ['one', 'two', 'three', 'last']);

  const input2 = new PassThrough();
  const output2 = new PassThrough();
  const rl2 = readline.createInterface({ input: input2, output: output2, terminal: false });
  const answer = new Promise((r) => rl2.question('name? ', r));
  input2.write('nodus\n');
  assert.strictEqual(await answer, 'nodus');
  assert.strictEqual(output2.read().toString(), 'name? ');
  rl2.close();

  const input3 = new PassThrough();
  const rl3 = readline.createInterface({ input: input3 });
  const iterator = rl3[Symbol.asyncIterator]();
  input3.end('a\nb\nc\n');
  const seen = [];
  for await (const l of { [Symbol.asyncIterator]: () => iterator }) seen.push(l);
  assert.deepStrictEqual(seen, ['a', 'b', 'c']);

  const rlp = require('readline/promises');
  const input4 = new PassThrough();
  const rl4 = rlp.createInterface({ input: input4, output: new PassThrough() });
  const p = rl4.question('q? ');
  input4.write('yes\n');
  assert.strictEqual(await p, 'yes');
  rl4.close();
  console.log('readline lines ok');
})().catch((e) => { console.error(e); process.exit(1); });
