'use strict';
// A tiny sequential runner shared by this plugin's tests: each test is an async function; the
// file fails if one throws, and also if the loop runs dry before all of them finished.
const tests = [];
let finished = false;

function test(name, fn) {
  tests.push({ name, fn });
}

process.on('exit', (code) => {
  if (code === 0 && !finished) {
    console.error('the loop ran dry before every test finished');
    process.exitCode = 1;
  }
});

setImmediate(async () => {
  try {
    for (const t of tests) {
      if (process.env.CP_TEST_VERBOSE) console.log(t.name);
      await t.fn();
    }
    finished = true;
    console.log(`${tests.length} tests passed`);
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
});

// GET / on 127.0.0.1:port with a fresh connection (so round-robin can pick another worker).
function get(port) {
  return new Promise((resolve, reject) => {
    require('http').get({ host: '127.0.0.1', port, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

module.exports = { get, test };
