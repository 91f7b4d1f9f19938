'use strict';
// readline.Interface: lines from any readable stream, and on a terminal a line editor (cursor
// movement, kill/yank-style deletions, history, tab completion) that redraws the prompt line.

const EventEmitter = require('events');
const { emitKeypressEvents } = require('internal/readline/keys');
const { cursorTo, moveCursor, clearLine, clearScreenDown } = require('internal/readline/cursor');

const kHistorySize = 30;

function codes() { return require('internal/errors').codes; }

// Width of a string on the terminal (wide CJK characters count twice, escapes nothing).
function displayWidth(str) {
  let w = 0;
  for (const ch of str.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')) {
    const cp = ch.codePointAt(0);
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    w += (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd))) ? 2 : 1;
  }
  return w;
}

class Interface extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    let options = input;
    if (!(input && typeof input.on === 'function' && input.read !== undefined) && input && typeof input === 'object' &&
        (input.input !== undefined || input.output !== undefined)) {
      options = input;
    } else {
      options = { input, output, completer, terminal };
    }
    ({ input, output, completer, terminal } = options);
    if (completer !== undefined && typeof completer !== 'function') {
      throw new (codes().ERR_INVALID_ARG_VALUE)('completer', completer);
    }
    const historySize = options.historySize === undefined ? kHistorySize : options.historySize;
    if (typeof historySize !== 'number' || Number.isNaN(historySize) || historySize < 0) {
      throw new (codes().ERR_INVALID_ARG_VALUE).RangeError('historySize', historySize);
    }
    if (terminal === undefined && output) terminal = !!output.isTTY;
    this.input = input;
    this.output = output;
    this.terminal = !!terminal;
    this.completer = completer;
    this.historySize = historySize;
    this.removeHistoryDuplicates = !!options.removeHistoryDuplicates;
    this.crlfDelay = Math.max(100, options.crlfDelay ?? 100);
    if (options.tabSize !== undefined) require('internal/validators').validateUint32(options.tabSize, 'tabSize', true);
    this.tabSize = options.tabSize ?? 8;
    this.history = Array.isArray(options.history) ? [...options.history] : [];
    this.historyIndex = -1;
    this.line = '';
    this.cursor = 0;
    this.closed = false;
    this.paused = false;
    this._prompt = options.prompt ?? '> ';
    this._questionCallback = null;
    this._savedLine = '';
    this._sawReturnAt = 0;
    this._lineBuffer = '';
    this._prevRows = 0;

    if (options.signal) {
      const { validateAbortSignal } = require('internal/validators');
      validateAbortSignal(options.signal, 'options.signal');
      if (options.signal.aborted) process.nextTick(() => this.close());
      else options.signal.addEventListener('abort', () => this.close(), { once: true });
    }

    this._onEnd = () => {
      if (this._lineBuffer.length > 0) {
        const rest = this._lineBuffer;
        this._lineBuffer = '';
        this._onLine(rest);
      }
      this.close();
    };
    if (this.terminal) {
      emitKeypressEvents(input, this);
      this._onKeypress = (s, key) => this._ttyWrite(s, key || {});
      input.on('keypress', this._onKeypress);
      input.on('end', this._onEnd);
      if (typeof input.setRawMode === 'function') input.setRawMode(true);
      this._onResize = () => this._refreshLine();
      if (output) output.on('resize', this._onResize);
    } else {
      const { StringDecoder } = require('string_decoder');
      const decoder = new StringDecoder('utf8');
      this._onData = (chunk) => this._normalWrite(typeof chunk === 'string' ? chunk : decoder.write(chunk));
      input.on('data', this._onData);
      input.on('end', this._onEnd);
    }
    if (input && typeof input.resume === 'function') input.resume();
  }

  getPrompt() { return this._prompt; }
  setPrompt(prompt) { this._prompt = `${prompt}`; }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal) {
      if (!preserveCursor) this.cursor = 0;
      this._refreshLine();
    } else if (this.output) {
      this.output.write(this._prompt);
    }
  }

  question(query, options, cb) {
    if (typeof options === 'function') { cb = options; options = {}; }
    if (this.closed) throw new (codes().ERR_USE_AFTER_CLOSE)('readline');
    if (typeof cb !== 'function') return;
    if (this._questionCallback) {
      this.prompt();
      return;
    }
    const signal = options && options.signal;
    if (signal) {
      if (signal.aborted) return;
      signal.addEventListener('abort', () => { this._questionCallback = null; }, { once: true });
    }
    this._oldPrompt = this._prompt;
    this.setPrompt(query);
    this._questionCallback = cb;
    this.prompt();
  }

  write(data, key) {
    if (this.closed) throw new (codes().ERR_USE_AFTER_CLOSE)('readline');
    if (this.paused) this.resume();
    if (this.terminal) this._ttyWrite(data, key || {});
    else this._normalWrite(data);
  }

  pause() {
    if (this.paused) return this;
    if (this.input && this.input.pause) this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return this;
    if (this.input && this.input.resume) this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) {
      if (typeof this.input.setRawMode === 'function') this.input.setRawMode(false);
      this.input.removeListener('keypress', this._onKeypress);
      if (this.output) this.output.removeListener('resize', this._onResize);
    } else {
      this.input.removeListener('data', this._onData);
    }
    this.input.removeListener('end', this._onEnd);
    this.closed = true;
    this.emit('close');
  }

  getCursorPos() {
    const columns = (this.output && this.output.columns) || Infinity;
    const width = displayWidth(this._prompt) + displayWidth(this.line.slice(0, this.cursor));
    return { rows: Math.floor(width / columns), cols: width % columns };
  }

  // Lines as an async iterator: lines are queued from the moment it is created; 'close' ends it.
  [Symbol.asyncIterator]() {
    const queue = [];
    const waiting = [];
    let done = this.closed;
    const onLine = (line) => {
      if (waiting.length) waiting.shift()({ value: line, done: false });
      else queue.push(line);
    };
    const onClose = () => {
      done = true;
      this.removeListener('line', onLine);
      while (waiting.length) waiting.shift()({ value: undefined, done: true });
    };
    this.on('line', onLine);
    this.once('close', onClose);
    return {
      next: () => {
        if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
      },
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }

  // ---- lines ---------------------------------------------------------------------------------

  _normalWrite(text) {
    if (text === undefined || text === '') return;
    // A \n right after a \r (within crlfDelay) belongs to the same line break.
    if (this._sawReturnAt && Date.now() - this._sawReturnAt <= this.crlfDelay && text[0] === '\n') text = text.slice(1);
    this._sawReturnAt = /\r$/.test(text) ? Date.now() : 0;
    const parts = (this._lineBuffer + text).split(/\r\n|\n|\r/);
    this._lineBuffer = parts.pop();
    for (const line of parts) this._onLine(line);
  }

  _onLine(line) {
    if (this._questionCallback) {
      const cb = this._questionCallback;
      this._questionCallback = null;
      this.setPrompt(this._oldPrompt);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  _addHistory() {
    if (this.line.length === 0 || this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const dup = this.history.indexOf(this.line);
        if (dup !== -1) this.history.splice(dup, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    this.emit('history', this.history);
    return this.history[0];
  }

  // ---- terminal editing ----------------------------------------------------------------------

  _writeOut(s) { if (this.output) this.output.write(s); }

  _refreshLine() {
    if (!this.output) return;
    const columns = this.output.columns || 80;
    const line = this._prompt + this.line;
    const rows = Math.floor(displayWidth(line) / columns);
    // Back to the first row of the previous drawing, clear it and below, draw again.
    if (this._prevCursorRow) moveCursor(this.output, 0, -this._prevCursorRow);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this._writeOut(line);
    if (rows > 0 && displayWidth(line) % columns === 0) this._writeOut('\n');
    const pos = this.getCursorPos();
    const diff = rows - pos.rows;
    if (diff > 0) moveCursor(this.output, 0, -diff);
    cursorTo(this.output, pos.cols);
    this._prevCursorRow = pos.rows;
  }

  _insert(s) {
    const atEnd = this.cursor === this.line.length;
    const before = this._prompt + this.line;
    this.line = this.line.slice(0, this.cursor) + s + this.line.slice(this.cursor);
    this.cursor += s.length;
    // Typing at the end of a line that stays on its row needs only the new text on screen
    // (redrawing the whole line per key costs O(length) output each time).
    const columns = (this.output && this.output.columns) || 80;
    const widthBefore = displayWidth(before);
    const widthAfter = widthBefore + displayWidth(s);
    if (this.output && atEnd && !/[\x00-\x1f\x7f]/.test(s) &&
        Math.floor(widthBefore / columns) === Math.floor(widthAfter / columns) && widthAfter % columns !== 0) {
      this._writeOut(s);
      return;
    }
    this._refreshLine();
  }

  _wordLeft() {
    const m = /(?:[^\w\s]+|\w+|)\s*$/.exec(this.line.slice(0, this.cursor));
    return this.cursor - m[0].length;
  }

  _wordRight() {
    const m = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(this.line.slice(this.cursor));
    return this.cursor + (m ? m[0].length : 0);
  }

  _historyMove(dir) {
    if (this.history.length === 0) return;
    if (this.historyIndex === -1) this._savedLine = this.line;
    const next = this.historyIndex + dir;
    if (next >= this.history.length) return;
    this.historyIndex = next;
    this.line = next === -1 ? this._savedLine : this.history[next];
    this.cursor = this.line.length;
    this._refreshLine();
  }

  _enter() {
    const line = this._addHistory();
    this._writeOut('\r\n');
    this.line = '';
    this.cursor = 0;
    this._prevCursorRow = 0;
    this._onLine(line);
  }

  // afterTab: the previous key was Tab too. As in Node, candidates are listed only then, so one
  // Tab never floods the screen.
  _complete(afterTab) {
    if (!this.completer) return this._insert('\t');
    const lineUpToCursor = this.line.slice(0, this.cursor);
    const done = (err, result) => {
      if (err || !result) return;
      const [completions, sub] = result;
      if (!completions || completions.length === 0) return;
      const unique = [...new Set(completions.filter((c) => c))];
      if (unique.length === 1) {
        this._insert(unique[0].slice(sub.length));
        return;
      }
      // The common prefix goes in; the candidates are listed under the prompt.
      let prefix = unique[0];
      for (const c of unique) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
      if (prefix.length > sub.length) {
        this._insert(prefix.slice(sub.length));
        return;
      }
      if (!afterTab) return;
      this._writeOut(`\r\n${unique.join('  ')}\r\n`);
      this._prevCursorRow = 0;
      this._refreshLine();
    };
    if (this.completer.length === 2) this.completer(lineUpToCursor, done);
    else {
      let r;
      try { r = this.completer(lineUpToCursor); } catch (err) { return done(err); }
      if (r && typeof r.then === 'function') r.then((v) => done(null, v), done);
      else done(null, r);
    }
  }

  _ttyWrite(s, key) {
    const afterTab = this._lastKeyWasTab === true;
    this._lastKeyWasTab = key.name === 'tab' && !key.ctrl && !key.meta && !key.shift;
    if (key.ctrl && key.shift) return;
    if (key.ctrl) {
      switch (key.name) {
        case 'c':
          if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
          else this.close();
          return;
        case 'd':
          if (this.line.length === 0) this.close();
          else if (this.cursor < this.line.length) {
            this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
            this._refreshLine();
          }
          return;
        case 'h':
          return this._ttyWrite(undefined, { name: 'backspace' });
        case 'u':
          this.line = this.line.slice(this.cursor);
          this.cursor = 0;
          return this._refreshLine();
        case 'k':
          this.line = this.line.slice(0, this.cursor);
          return this._refreshLine();
        case 'a': this.cursor = 0; return this._refreshLine();
        case 'e': this.cursor = this.line.length; return this._refreshLine();
        case 'b': this.cursor = Math.max(0, this.cursor - 1); return this._refreshLine();
        case 'f': this.cursor = Math.min(this.line.length, this.cursor + 1); return this._refreshLine();
        case 'l': cursorTo(this.output, 0, 0); clearScreenDown(this.output); this._prevCursorRow = 0; return this._refreshLine();
        case 'n': return this._historyMove(-1);
        case 'p': return this._historyMove(1);
        case 'w':
        case 'backspace': {
          const start = this._wordLeft();
          this.line = this.line.slice(0, start) + this.line.slice(this.cursor);
          this.cursor = start;
          return this._refreshLine();
        }
        case 'left': this.cursor = this._wordLeft(); return this._refreshLine();
        case 'right': this.cursor = this._wordRight(); return this._refreshLine();
        case 'z':
          if (this.listenerCount('SIGTSTP') > 0) this.emit('SIGTSTP');
          return;
        default:
          return;
      }
    }
    if (key.meta) {
      switch (key.name) {
        case 'b': this.cursor = this._wordLeft(); return this._refreshLine();
        case 'f': this.cursor = this._wordRight(); return this._refreshLine();
        case 'backspace': case 'd': {
          const start = key.name === 'd' ? this.cursor : this._wordLeft();
          const end = key.name === 'd' ? this._wordRight() : this.cursor;
          this.line = this.line.slice(0, start) + this.line.slice(end);
          this.cursor = start;
          return this._refreshLine();
        }
        default:
          return;
      }
    }
    switch (key.name) {
      case 'return':
      case 'enter':
        return this._enter();
      case 'backspace':
        if (this.cursor > 0) {
          this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
          this.cursor--;
          this._refreshLine();
        }
        return;
      case 'delete':
        if (this.cursor < this.line.length) {
          this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
          this._refreshLine();
        }
        return;
      case 'left': if (this.cursor > 0) { this.cursor--; this._refreshLine(); } return;
      case 'right': if (this.cursor < this.line.length) { this.cursor++; this._refreshLine(); } return;
      case 'home': this.cursor = 0; return this._refreshLine();
      case 'end': this.cursor = this.line.length; return this._refreshLine();
      case 'up': return this._historyMove(1);
      case 'down': return this._historyMove(-1);
      case 'tab': return this._complete(afterTab);
      default:
        if (typeof s === 'string' && s.length > 0) {
          // Pasted text may hold several lines.
          const lines = s.split(/\r\n|\n|\r/);
          for (let i = 0; i < lines.length; i++) {
            if (i > 0) this._enter();
            if (lines[i]) this._insert(lines[i]);
          }
        }
    }
  }
}

module.exports = { Interface, displayWidth };
