'use strict';
// Printing checks as `label: value` lines for compare tests (the output is diffed with Node's):
// values shown the same way in both runtimes, errors by name, code and message.

function show(v) {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'function') return `[function ${v.name}]`;
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  try { return JSON.stringify(v); } catch { return Object.prototype.toString.call(v); }
}

function errInfo(e) {
  if (e === null || typeof e !== 'object') return `non-error ${show(e)}`;
  return [e.name, e.code, JSON.stringify(e.message)].filter((x) => x !== undefined).join(' ');
}

// Prints what f returns, or what it throws.
function t(label, f) {
  try { console.log(`${label}: ${show(f())}`); } catch (e) { console.log(`${label}: throws ${errInfo(e)}`); }
}

// What f throws ('no throw' when it returns).
function caught(f) { try { f(); return 'no throw'; } catch (e) { return e; } }

module.exports = { show, errInfo, t, caught };
