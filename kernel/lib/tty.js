'use strict';
// tty: isatty() and the ReadStream/WriteStream classes process.stdin/stdout use on a terminal
// (internal/process/stdio). They are Readable/Writable streams over a uv_tty_t.

const stdio = require('internal/process/stdio');
const { codes: { ERR_INVALID_FD } } = require('internal/errors');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 &&
    stdio.guessHandleType(fd) === 'TTY';
}

function checkFd(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) throw new ERR_INVALID_FD(fd);
}

class ReadStream extends stdio.StdinStream {
  constructor(fd, options = undefined) {
    checkFd(fd);
    super(fd, 'TTY');
    this.isRaw = false;
    this.isTTY = true;
  }
}

class WriteStream extends stdio.StdioWriteStream {
  constructor(fd) {
    checkFd(fd);
    super(fd, 'TTY');
  }
}

module.exports = { isatty, ReadStream, WriteStream };
