'use strict';
// A name with several addresses: each is tried in turn ('connectionAttempt' events), so a
// refused ::1 falls through to 127.0.0.1; when every address fails the error names them all.
const assert = require('assert');
const net = require('net');
const { watchdog, mustCall } = require('./common');

watchdog();

function lookupBoth(host, options, cb) {
  assert.strictEqual(options.all, true);
  process.nextTick(cb, null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]);
}

const server = net.createServer((sock) => sock.end('v4 only'));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const attempts = [];
  const c = net.connect({ port, host: 'dual.test', lookup: lookupBoth });
  c.on('connectionAttempt', (address, p, family) => attempts.push([address, p, family]));
  c.on('connectionAttemptFailed', mustCall((address, p, family, err) => {
    assert.strictEqual(address, '::1');
    assert.strictEqual(err.code, 'ECONNREFUSED');
  }));
  let got = '';
  c.setEncoding('utf8');
  c.on('data', (d) => { got += d; });
  c.on('connect', mustCall(() => {
    assert.strictEqual(c.remoteAddress, '127.0.0.1');
    assert.deepStrictEqual(attempts, [['::1', port, 6], ['127.0.0.1', port, 4]]);
    assert.deepStrictEqual(c.autoSelectFamilyAttemptedAddresses, [`::1:${port}`, `127.0.0.1:${port}`]);
  }));
  c.on('close', mustCall(() => {
    assert.strictEqual(got, 'v4 only');
    server.close(allFail);
  }));
});

function allFail() {
  // Nothing listens on the port any more: both attempts are refused.
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => {
      const c = net.connect({ port, host: 'dual.test', lookup: lookupBoth });
      c.on('error', mustCall((err) => {
        assert.strictEqual(err.code, 'ECONNREFUSED');
        assert.strictEqual(err.errors.length, 2);
        assert.deepStrictEqual(err.errors.map((e) => e.address), ['::1', '127.0.0.1']);
      }));
      c.on('close', mustCall((hadError) => assert.strictEqual(hadError, true)));
    });
  });
}
