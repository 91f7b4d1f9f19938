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
  return exchange(port, payload, { until }).then((r) => r.data);
}

// The same with the details a hostile-input test needs: `payload` is a string or an array of
// pieces written `gap` ms apart (writing stops once the server closes); resolves with `data`,
// `serverEnded` (a FIN came from the server), `reset` (ECONNRESET) and `piecesSent`.
function exchange(port, payload, { until, gap = 20 } = {}) {
  return new Promise((resolve, reject) => {
    const c = net.connect(port, '127.0.0.1');
    const r = { data: '', serverEnded: false, reset: false, piecesSent: 0 };
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve(r);
      }
    };
    c.on('connect', () => {
      const pieces = Array.isArray(payload) ? payload : [payload];
      const next = () => {
        if (r.piecesSent < pieces.length && !c.destroyed && !r.serverEnded) {
          c.write(pieces[r.piecesSent++]);
          if (r.piecesSent < pieces.length) setTimeout(next, gap);
        }
      };
      next();
    });
    c.setEncoding('latin1');
    c.on('data', (d) => {
      r.data += d;
      if (until && until(r.data)) {
        c.destroy();
        finish();
      }
    });
    c.on('end', () => { r.serverEnded = true; });
    c.on('error', (e) => {
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') return reject(e);
      r.reset = true;
      finish();
    });
    c.on('close', finish);
  });
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

function close(server) {
  return new Promise((resolve) => server.close(() => resolve()));
}

module.exports = { mustCall, rawRequest, exchange, listen, close };
