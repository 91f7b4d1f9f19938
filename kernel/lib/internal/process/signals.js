'use strict';
// Signal listeners on `process`: one libuv signal watcher per signal with listeners.

const { SignalWatcher } = internalBinding('signals');
const watchers = new Map();

function startListening(name, signum) {
  if (watchers.has(name)) return;
  const w = new SignalWatcher(signum, () => process.emit(name, name, signum));
  w.unref();
  watchers.set(name, w);
}

function stopListening(name) {
  const w = watchers.get(name);
  if (w === undefined) return;
  w.close();
  watchers.delete(name);
}

module.exports = { startListening, stopListening };
