'use strict';
// ANSI cursor helpers shared by readline and the line editor.

const ESC = '\x1b[';

function done(cb) { if (typeof cb === 'function') process.nextTick(cb, null); return true; }

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') { callback = y; y = undefined; }
  const { ERR_INVALID_ARG_VALUE, ERR_INVALID_CURSOR_POS } = require('internal/errors').codes;
  if (Number.isNaN(x)) throw new ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new ERR_INVALID_ARG_VALUE('y', y);
  if (!stream) return done(callback);
  if (typeof x !== 'number') {
    // A row needs a column; with neither there is nothing to do (as Node).
    if (typeof y === 'number') throw new ERR_INVALID_CURSOR_POS();
    return done(callback);
  }
  const data = typeof y !== 'number' ? `${ESC}${x + 1}G` : `${ESC}${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (!stream || !(dx || dy)) return done(callback);
  let data = '';
  if (dx < 0) data += `${ESC}${-dx}D`; else if (dx > 0) data += `${ESC}${dx}C`;
  if (dy < 0) data += `${ESC}${-dy}A`; else if (dy > 0) data += `${ESC}${dy}B`;
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  if (!stream) return done(callback);
  const type = dir < 0 ? `${ESC}1K` : dir > 0 ? `${ESC}0K` : `${ESC}2K`;
  return stream.write(type, callback);
}

function clearScreenDown(stream, callback) {
  if (!stream) return done(callback);
  return stream.write(`${ESC}0J`, callback);
}

module.exports = { cursorTo, moveCursor, clearLine, clearScreenDown };
