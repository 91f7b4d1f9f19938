'use strict';
// Turns terminal input into 'keypress' events: printable characters, control keys and the
// escape sequences terminals send for arrows, Home/End, Delete and friends.

const kEscape = '\x1b';
const kDecoder = Symbol('keypressDecoder');
const kKeypressListener = Symbol('keypressListener');

const sequences = {
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
  OA: 'up', OB: 'down', OC: 'right', OD: 'left', OF: 'end', OH: 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
  '[7~': 'home', '[8~': 'end', '[Z': 'tab',
};

// One key from the front of `s`; returns [key, consumedLength].
function parseKey(s) {
  const ch = s[0];
  const key = { sequence: ch, name: undefined, ctrl: false, meta: false, shift: false };
  if (ch === kEscape) {
    if (s.length === 1) { key.name = 'escape'; return [key, 1]; }
    if (s[1] === '[' || s[1] === 'O') {
      let i = 2;
      while (i < s.length && /[0-9;]/.test(s[i])) i++;
      if (i >= s.length) return [null, 0];  // incomplete: wait for more input
      const body = s.slice(1, i + 1);
      const mods = /;(\d)/.exec(body);
      const plain = body.replace(/;\d/, '');
      key.sequence = s.slice(0, i + 1);
      key.name = sequences[plain] || 'undefined';
      if (plain === '[Z') key.shift = true;
      if (mods) {
        const m = Number(mods[1]) - 1;
        key.shift = !!(m & 1); key.meta = !!(m & 10); key.ctrl = !!(m & 4);
      }
      return [key, i + 1];
    }
    // Meta + character.
    const [inner, n] = parseKey(s.slice(1));
    if (!inner) return [null, 0];
    inner.meta = true;
    inner.sequence = kEscape + inner.sequence;
    return [inner, n + 1];
  }
  if (ch === '\r') key.name = 'return';
  else if (ch === '\n') key.name = 'enter';
  else if (ch === '\t') key.name = 'tab';
  else if (ch === '\b' || ch === '\x7f') key.name = 'backspace';
  else if (ch <= '\x1a') { key.name = String.fromCharCode(ch.charCodeAt(0) + 96); key.ctrl = true; }
  else if (/^[0-9A-Za-z]$/.test(ch)) { key.name = ch.toLowerCase(); key.shift = ch !== ch.toLowerCase(); }
  else if (ch === ' ') key.name = 'space';
  return [key, 1];
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressListener]) return;
  const { StringDecoder } = require('string_decoder');
  stream[kDecoder] = new StringDecoder('utf8');
  let pending = '';
  const onData = (chunk) => {
    if (stream.listenerCount('keypress') === 0) return;
    pending += typeof chunk === 'string' ? chunk : stream[kDecoder].write(chunk);
    while (pending.length > 0) {
      const [key, n] = parseKey(pending);
      if (!key) return;
      const text = pending.slice(0, n);
      pending = pending.slice(n);
      // As Node: the characters themselves ('\r', '\x01'...), except for escape sequences.
      stream.emit('keypress', text.startsWith(kEscape) ? undefined : text, key);
    }
  };
  stream[kKeypressListener] = onData;
  stream.on('newListener', function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  });
  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  void iface;
}

module.exports = { emitKeypressEvents, parseKey };
