'use strict';
// util.debuglog: enabled by NODE_DEBUG (comma list, wildcards, any case), writes
// "SECTION <pid>: message" to stderr.
const assert = require('assert');
let spawnSync;
try {
  ({ spawnSync } = require('child_process'));
} catch (err) {
  // A runtime trimmed of the child_process plugin cannot run this test.
  if (err.code !== 'ERR_UNKNOWN_BUILTIN_MODULE') throw err;
  console.log('skipped: no child_process plugin');
  process.exit(0);
}

const script = `
  const util = require('util');
  const a = util.debuglog('alpha');
  const b = util.debuglog('beta');
  const c = util.debuglog('gamma-x', (fn) => { process.stdout.write('cb:' + typeof fn + '\\n'); });
  process.stdout.write(JSON.stringify([a.enabled, b.enabled, c.enabled]) + '\\n');
  a('hello %s', 'world', { n: 1 });
  b('not shown');
  c('wild');
`;
const r = spawnSync(process.execPath, ['-e', script], {
  env: { ...process.env, NODE_DEBUG: 'ALPHA,gamma-*' },
  encoding: 'utf8',
});
assert.strictEqual(r.status, 0, r.stderr);
assert.strictEqual(r.stdout, '[true,false,true]\ncb:function\n');
const pid = r.pid;
assert.strictEqual(r.stderr, `ALPHA ${pid}: hello world { n: 1 }\nGAMMA-X ${pid}: wild\n`);
