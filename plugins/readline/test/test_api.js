'use strict';
// The rest of readline's surface over plain streams: 'pause'/'resume'/'history' events,
// setPrompt/getPrompt, write(), an AbortSignal, tabSize, emitKeypressEvents, the cursor helpers
// (callback forms and their escape sequences) and readline/promises' Readline. Passes under Node.
const assert = require('assert');
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough } = require('stream');

function collect(stream) {
  const out = { text: '' };
  stream.setEncoding('utf8');
  stream.on('data', (d) => { out.text += d; });
  return out;
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const tick = () => new Promise((resolve) => setImmediate(resolve));

test("'pause', 'resume', 'history' and the prompt", async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  const out = collect(output);
  const events = [];
  const rl = readline.createInterface({ input, output, terminal: true, prompt: 'a> ' });
  rl.on('pause', () => events.push('pause'));
  rl.on('resume', () => events.push('resume'));
  rl.on('history', (h) => events.push(`history ${h.join(',')}`));
  rl.on('line', (l) => events.push(`line ${l}`));
  assert.strictEqual(rl.getPrompt(), 'a> ');
  rl.setPrompt('b> ');
  assert.strictEqual(rl.getPrompt(), 'b> ');
  rl.prompt();
  rl.pause();
  rl.resume();
  input.write('one\r');
  rl.write('two\r');                // as if typed
  await tick();
  rl.close();
  assert.deepStrictEqual(events, ['pause', 'resume', 'history one', 'line one', 'history two,one', 'line two', 'pause']);
  assert.ok(out.text.includes('b> '), JSON.stringify(out.text));
});

test('an AbortSignal closes the interface; an aborted one closes it at once', async () => {
  const ac = new AbortController();
  const rl = readline.createInterface({ input: new PassThrough(), signal: ac.signal });
  const closed = new Promise((resolve) => rl.on('close', resolve));
  ac.abort();
  await closed;
  const rl2 = readline.createInterface({ input: new PassThrough(), signal: AbortSignal.abort() });
  await new Promise((resolve) => rl2.on('close', resolve));
  assert.throws(() => readline.createInterface({ input: new PassThrough(), signal: 'no' }),
    { code: 'ERR_INVALID_ARG_TYPE' });
});

test('tabSize: a Tab without a completer is inserted; tabSize is validated', async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  collect(output);
  const rl = readline.createInterface({ input, output, terminal: true, tabSize: 4 });
  assert.strictEqual(rl.tabSize, 4);
  const line = new Promise((resolve) => rl.once('line', resolve));
  input.write('a\tb\r');
  assert.strictEqual(await line, 'a\tb');
  rl.close();
  assert.throws(() => readline.createInterface({ input, tabSize: 0 }), { code: 'ERR_OUT_OF_RANGE' });
});

test('emitKeypressEvents decodes keys from any stream', async () => {
  const input = new PassThrough();
  readline.emitKeypressEvents(input);
  const keys = [];
  input.on('keypress', (s, k) => keys.push([s, k.name, k.ctrl, k.shift]));
  input.write('a\x1b[A\x01B\r');
  await tick();
  assert.deepStrictEqual(keys, [
    ['a', 'a', false, false],
    [undefined, 'up', false, false],
    ['\x01', 'a', true, false],
    ['B', 'b', false, true],
    ['\r', 'return', false, false],
  ]);
});

test('cursor helpers write their sequences and call back', async () => {
  const output = new PassThrough();
  const out = collect(output);
  const done = [];
  assert.strictEqual(readline.cursorTo(output, 3, () => done.push('to')), true);
  readline.cursorTo(output, 1, 2);
  readline.moveCursor(output, 2, -1, () => done.push('move'));
  readline.moveCursor(output, -1, 0);
  readline.clearLine(output, -1);
  readline.clearLine(output, 1);
  readline.clearLine(output, 0, () => done.push('clear'));
  readline.clearScreenDown(output, () => done.push('down'));
  await tick();
  assert.strictEqual(out.text, '\x1b[4G\x1b[3;2H\x1b[2C\x1b[1A\x1b[1D\x1b[1K\x1b[0K\x1b[2K\x1b[0J');
  assert.deepStrictEqual(done, ['to', 'move', 'clear', 'down']);
  assert.throws(() => readline.cursorTo(output, NaN), { code: 'ERR_INVALID_ARG_VALUE' });
});

test("readline/promises: question() and Readline's queued cursor moves", async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  const out = collect(output);
  const rl = readlinePromises.createInterface({ input, output, terminal: false });
  const answer = rl.question('name? ');
  input.write('Ada\n');
  assert.strictEqual(await answer, 'Ada');
  rl.close();
  const moves = new readlinePromises.Readline(output);
  moves.cursorTo(0).moveCursor(1, 1).clearLine(0).clearScreenDown();
  const before = out.text;
  await moves.commit();
  assert.strictEqual(out.text.slice(before.length), '\x1b[1G\x1b[1C\x1b[1B\x1b[2K\x1b[0J');
});

(async () => {
  for (const t of tests) {
    if (process.env.RL_TEST_VERBOSE) console.log(t.name);
    await t.fn();
  }
  console.log(`${tests.length} tests passed`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
