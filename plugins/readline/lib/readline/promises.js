'use strict';
// readline/promises: question() returns a promise; Readline batches cursor actions until commit().

const { Interface: BaseInterface } = require('internal/readline/interface');
const { emitKeypressEvents } = require('internal/readline/keys');

class Interface extends BaseInterface {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      const signal = options && options.signal;
      if (signal) {
        if (signal.aborted) {
          const { AbortError } = require('internal/errors');
          return reject(new AbortError(undefined, { cause: signal.reason }));
        }
        signal.addEventListener('abort', () => {
          const { AbortError } = require('internal/errors');
          reject(new AbortError(undefined, { cause: signal.reason }));
        }, { once: true });
      }
      super.question(query, options, resolve);
    });
  }
}

class Readline {
  constructor(stream, options = {}) {
    this.stream = stream;
    this.autoCommit = !!options.autoCommit;
    this.todo = [];
  }
  _queue(data) {
    if (this.autoCommit) this.stream.write(data);
    else this.todo.push(data);
    return this;
  }
  cursorTo(x, y) { return this._queue(typeof y === 'number' ? `\x1b[${y + 1};${x + 1}H` : `\x1b[${x + 1}G`); }
  moveCursor(dx, dy) {
    let d = '';
    if (dx) d += dx < 0 ? `\x1b[${-dx}D` : `\x1b[${dx}C`;
    if (dy) d += dy < 0 ? `\x1b[${-dy}A` : `\x1b[${dy}B`;
    return d ? this._queue(d) : this;
  }
  clearLine(dir) { return this._queue(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K'); }
  clearScreenDown() { return this._queue('\x1b[0J'); }
  commit() {
    const data = this.todo.join('');
    this.todo = [];
    return new Promise((resolve) => this.stream.write(data, resolve));
  }
  rollback() { this.todo = []; return this; }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface, emitKeypressEvents };
