'use strict';
// Argument shapes shared by socket.connect() and server.listen(): (port[, host][, cb]),
// (path[, cb]), (options[, cb]) all become [options, cb|null], marked so a second pass is free.

const kNormalized = Symbol('normalizedArgs');

// A number-like port (>= 0) or false.
function toNumber(x) {
  x = Number(x);
  return x >= 0 ? x : false;
}

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

function normalizeArgs(args) {
  let arr;
  if (args.length === 0) {
    arr = [{}, null];
    arr[kNormalized] = true;
    return arr;
  }
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  arr = typeof cb === 'function' ? [options, cb] : [options, null];
  arr[kNormalized] = true;
  return arr;
}

module.exports = { kNormalized, normalizeArgs, toNumber, isPipeName };
