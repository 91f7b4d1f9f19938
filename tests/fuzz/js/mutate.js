'use strict';
// Deterministic input mutation for the JS-level fuzz drivers: the same seed gives the same inputs
// under nodus and under Node, so their answers can be compared line by line.

// xorshift32: small, fast, and identical in every engine.
function makeRandom(seed) {
  let s = (seed >>> 0) || 0x9e3779b9;
  return function next(n) {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return n === undefined ? s : s % n;
  };
}

const kChars = ['\0', '\t', '\n', '\r', ' ', '%', '\\', '/', '.', ':', '@', '#', '?', '[', ']',
  '\u00e9', '\u00df', '\u0130', '\u200b', '\ufeff', '\ud800', '\udc00', '\ud83d\ude00', '\uff0e',
  '\u3002', '\x7f', '\x80', '\xa0', 'A', 'z', '0', '9', '-', '_', '~', '=', '&', '+', '*', '%'];

// Returns a mutated copy of one corpus entry: a few random edits, tokens from `dict`.
function mutate(rnd, corpus, dict) {
  let s = corpus[rnd(corpus.length)];
  const edits = 1 + rnd(4);
  for (let k = 0; k < edits; k++) {
    const at = rnd(s.length + 1);
    switch (rnd(7)) {
      case 0: s = s.slice(0, at) + dict[rnd(dict.length)] + s.slice(at); break;
      case 1: s = s.slice(0, at) + s.slice(at + 1 + rnd(4)); break;
      case 2: s = s.slice(0, at) + kChars[rnd(kChars.length)] + s.slice(at + 1); break;
      case 3: s = s.slice(0, at) + s.slice(at, at + 1 + rnd(6)).repeat(2) + s.slice(at); break;
      case 4: { const o = corpus[rnd(corpus.length)]; s = s.slice(0, at) + o.slice(rnd(o.length + 1)); break; }
      case 5: s = s.slice(0, at) + String.fromCharCode(rnd(0x80)) + s.slice(at); break;
      default: s = s.slice(0, at) + dict[rnd(dict.length)] + s.slice(at + rnd(3)); break;
    }
  }
  return s;
}

// Reads every file of a corpus folder as one input (UTF-8 text).
function readCorpus(dir) {
  const fs = require('fs');
  const path = require('path');
  return fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

module.exports = { makeRandom, mutate, readCorpus };
