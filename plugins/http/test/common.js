'use strict';
// Helpers for the http plugin's tests: a watchdog so no test can hang, a raw-socket exchange for
// checking exact bytes on the wire, and a counter of callbacks that must run.
const assert = require('assert');
const net = require('net');

const watchdog = setTimeout(() => {
  console.error('test timed out');
  process.exit(2);
}, 20000);
watchdog.unref();

const pending = new Map();
function mustCall(fn = () => {}, times = 1, name = fn.name || 'anonymous') {
  const entry = { name, times, calls: 0 };
  pending.set(entry, true);
  return function(...args) {
    entry.calls++;
    return fn.apply(this, args);
  };
}
process.on('exit', (code) => {
  if (code !== 0) return;
  for (const entry of pending.keys()) {
    assert.strictEqual(entry.calls, entry.times, `${entry.name} called ${entry.calls} times, expected ${entry.times}`);
  }
});

// Sends `payload` on a fresh connection and resolves with everything the server sent until it
// closed (or until `until(text)` says the answer is complete, then the client closes).
function rawRequest(port, payload, until) {
  return new Promise((resolve, reject) => {
    const c = net.connect(port, '127.0.0.1');
    let out = '';
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve(out);
      }
    };
    c.on('connect', () => {
      if (Array.isArray(payload)) {
        let i = 0;
        const next = () => {
          if (i < payload.length) {
            c.write(payload[i++]);
            setTimeout(next, 20);
          }
        };
        next();
      } else {
        c.write(payload);
      }
    });
    c.setEncoding('latin1');
    c.on('data', (d) => {
      out += d;
      if (until && until(out)) {
        c.destroy();
        finish();
      }
    });
    c.on('error', (e) => (e.code === 'ECONNRESET' ? finish() : reject(e)));
    c.on('close', finish);
  });
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

function close(server) {
  return new Promise((resolve) => server.close(() => resolve()));
}

module.exports = { mustCall, rawRequest, listen, close };
