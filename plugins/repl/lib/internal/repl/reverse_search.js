'use strict';
// Searching the REPL's history as Node's REPL does on a terminal: Ctrl+R backwards, Ctrl+S
// forwards. The query shows on the row below ("bck-i-search: al_"), the entry found on the
// prompt's row with the matching part underlined. Enter runs the entry, Escape and Ctrl+C give
// the line back as it was, any other key keeps the entry and goes on editing it.

const { cursorTo, moveCursor, clearScreenDown } = require('readline');

const kUnderline = '\x1b[4m';
const kNoUnderline = '\x1b[24m';

// Wraps `repl._ttyWrite` so the search sees keys first while it is active.
function installReverseSearch(repl) {
  const original = repl._ttyWrite;
  let search = null;  // { query, backwards, index, at, failed, line, cursor }

  // The entry at or past `from` (towards older entries when searching backwards) holding the
  // query, as [index, position], or null.
  function find(from, backwards) {
    const { history } = repl;
    for (let i = from; i >= 0 && i < history.length; i += backwards ? 1 : -1) {
      // As Node: the last occurrence in an entry when searching backwards, the first forwards.
      const at = backwards ? history[i].lastIndexOf(search.query) : history[i].indexOf(search.query);
      if (at !== -1) return [i, at];
    }
    return null;
  }

  function lookFrom(from) {
    const found = search.query === '' ? null : find(from, search.backwards);
    if (found) [search.index, search.at] = found;
    search.failed = search.query !== '' && !found;
  }

  function draw() {
    const out = repl.output;
    const promptWidth = repl.getPrompt().length;
    cursorTo(out, promptWidth);
    clearScreenDown(out);
    let shown = '';
    if (!search.failed && search.index !== -1) {
      const entry = repl.history[search.index];
      const end = search.at + search.query.length;
      shown = entry.slice(0, search.at) + kUnderline + entry.slice(search.at, end) + kNoUnderline + entry.slice(end);
    }
    const label = `${search.failed ? 'failed-' : ''}${search.backwards ? 'bck' : 'fwd'}-i-search: `;
    out.write(`${shown}\n${label}${search.query}_`);
    moveCursor(out, 0, -1);
    cursorTo(out, promptWidth + (shown && search.index !== -1 ? search.at : 0));
  }

  // Leaves the search with `line` on the prompt's row.
  function finish(line, cursor) {
    search = null;
    repl.line = line;
    repl.cursor = cursor;
    repl._refreshLine();
  }

  function current() {
    return !search.failed && search.index !== -1 ? repl.history[search.index] : search.line;
  }

  repl._ttyWrite = function ttyWrite(s, key) {
    key = key || {};
    if (search === null) {
      if (key.ctrl && (key.name === 'r' || key.name === 's') && !key.meta && !repl.editorMode) {
        search = { query: '', backwards: key.name === 'r', index: -1, at: 0, failed: false,
                   line: repl.line, cursor: repl.cursor };
        draw();
        return;
      }
      return original.call(this, s, key);
    }
    if (key.ctrl && (key.name === 'r' || key.name === 's')) {
      search.backwards = key.name === 'r';
      if (search.query !== '') lookFrom(search.index === -1 ? (search.backwards ? 0 : repl.history.length - 1) :
        search.index + (search.backwards ? 1 : -1));
      if (search.failed) lookFrom(search.index);  // nothing further: stay on the last entry found
      return draw();
    }
    if ((key.ctrl && key.name === 'c') || key.name === 'escape') return finish(search.line, search.cursor);
    if (key.name === 'backspace') {
      search.query = search.query.slice(0, -1);
      search.index = -1;
      lookFrom(search.backwards ? 0 : repl.history.length - 1);
      return draw();
    }
    if (!key.ctrl && !key.meta && typeof s === 'string' && s.length > 0 && !/[\x00-\x1f\x7f]/.test(s)) {
      search.query += s;
      lookFrom(search.index === -1 ? (search.backwards ? 0 : repl.history.length - 1) : search.index);
      return draw();
    }
    // Any other key (Enter included) keeps the entry found and is handled as usual.
    const line = current();
    finish(line, line.length);
    return original.call(this, s, key);
  };
}

module.exports = { installReverseSearch };
