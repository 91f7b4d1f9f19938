'use strict';
// FileHandle.readLines(): a readline Interface over the handle's read stream when the readline
// module is present; otherwise a small line reader with the same events and async iteration.

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');

class LineReader extends EventEmitter {
  constructor(input) {
    super();
    this.input = input;
    this.closed = false;
    const decoder = new StringDecoder('utf8');
    let pending = '';
    const emitLines = (text) => {
      pending += text;
      let start = 0;
      let nl;
      while ((nl = pending.indexOf('\n', start)) !== -1) {
        let end = nl;
        if (end > start && pending[end - 1] === '\r') end--;
        this.emit('line', pending.slice(start, end));
        start = nl + 1;
      }
      pending = pending.slice(start);
    };
    input.on('data', (chunk) => emitLines(typeof chunk === 'string' ? chunk : decoder.write(chunk)));
    input.on('end', () => {
      emitLines(decoder.end());
      if (pending.length > 0) this.emit('line', pending);
      pending = '';
      this.close();
    });
    input.on('error', (err) => this.emit('error', err));
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.input.destroy();
    this.emit('close');
  }

  [Symbol.asyncIterator]() {
    const lines = [];
    const waiting = [];
    let done = false;
    let failure = null;
    const flush = () => {
      while (waiting.length > 0 && (lines.length > 0 || done)) {
        const { resolve, reject } = waiting.shift();
        if (lines.length > 0) resolve({ value: lines.shift(), done: false });
        else if (failure) reject(failure);
        else resolve({ value: undefined, done: true });
      }
    };
    this.on('line', (line) => {
      lines.push(line);
      flush();
    });
    this.on('close', () => {
      done = true;
      flush();
    });
    this.on('error', (err) => {
      failure = err;
      done = true;
      flush();
    });
    return {
      next: () => {
        if (lines.length > 0) return Promise.resolve({ value: lines.shift(), done: false });
        if (done) {
          return failure ? Promise.reject(failure) : Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }
}

function readLines(handle, options) {
  const input = handle.createReadStream(options);
  let readline = null;
  try {
    readline = require('readline');
  } catch {
    readline = null;
  }
  if (readline && typeof readline.createInterface === 'function') {
    return readline.createInterface({ input, crlfDelay: Infinity });
  }
  return new LineReader(input);
}

module.exports = { readLines };
