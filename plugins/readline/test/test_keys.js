'use strict';
// The terminal line editor fed with keypresses through a fake TTY pair (real streams); passes under
// Node too.
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
// One write per key, as a terminal delivers typing (a chunk of several keys is pasted text).
function type(...parts) {
  for (const part of parts) {
    for (const key of part.startsWith('\x1b') ? [part] : [...part]) input.write(key);
  }
}
type('abc', '\x1b[D', '\x1b[D', 'X\r');   // left twice, insert -> aXbc
type('world\x01hello \r');                // Ctrl+A, insert at start
type('tmp\x15kept\r');                    // Ctrl+U kills to the start
type('\x1b[A', '\r');                     // history: previous line again
type('one two\x17\r');                    // Ctrl+W deletes a word
type('hel\tp\r');                         // tab: common prefix "hel" adds nothing; then 'p'
type('hell\t\r');                         // unique completion -> hello
setImmediate(() => {
  assert.deepStrictEqual(lines, ['aXbc', 'hello world', 'kept', 'kept', 'one ', 'help', 'hello']);
  assert.deepStrictEqual(rl.history.slice(0, 3), ['hello', 'help', 'one ']);
  rl.close();
  console.log('readline keys ok');
});
