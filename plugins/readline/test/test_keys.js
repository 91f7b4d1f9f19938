'use strict';
// The terminal line editor fed with keypresses through a fake TTY pair (real streams).
const assert = require('assert');
const readline = require('readline');
const { PassThrough } = require('stream');

const input = new PassThrough();
input.isTTY = true;
input.setRawMode = () => input;
const output = new PassThrough();
output.isTTY = true;
output.columns = 80;
const rl = readline.createInterface({ input, output, terminal: true, prompt: '$ ',
  completer: (line) => [['hello', 'help'].filter((c) => c.startsWith(line)), line] });
const lines = [];
rl.on('line', (l) => lines.push(l));
input.write('abc\x1b[D\x1b[DX\r');        // left twice, insert -> aXbc
input.write('world\x01hello \r');        // Ctrl+A, insert at start
input.write('tmp\x15kept\r');             // Ctrl+U kills to the start
input.write('\x1b[A\r');                 // history: previous line again
input.write('one two\x17\r');            // Ctrl+W deletes a word
input.write('hel\tp\r');                 // tab: common prefix "hel" -> lists; then 'p'
input.write('hell\t\r');                 // unique completion -> hello
setImmediate(() => {
  assert.deepStrictEqual(lines, ['aXbc', 'hello world', 'kept', 'kept', 'one ', 'help', 'hello']);
  assert.deepStrictEqual(rl.history.slice(0, 3), ['hello', 'help', 'one ']);
  rl.close();
  console.log('readline keys ok');
});
