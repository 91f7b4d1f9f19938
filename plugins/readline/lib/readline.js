'use strict';
// readline: createInterface over any readable stream, line editing on terminals, keypress
// events and the cursor helpers.

const { Interface } = require('internal/readline/interface');
const { emitKeypressEvents } = require('internal/readline/keys');
const cursor = require('internal/readline/cursor');

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  createInterface,
  emitKeypressEvents,
  clearLine: cursor.clearLine,
  clearScreenDown: cursor.clearScreenDown,
  cursorTo: cursor.cursorTo,
  moveCursor: cursor.moveCursor,
  get promises() { return require('readline/promises'); },
};
