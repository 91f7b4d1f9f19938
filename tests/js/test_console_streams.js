'use strict';
// Console over Writable streams: routing to stdout/stderr, formatting, groups, counters, timers,
// table, colorMode and inspectOptions, and detached methods.
const assert = require('assert');
const { Writable } = require('stream');
const { Console } = require('console');

function sink() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, encoding, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  stream.text = () => chunks.join('');
  return stream;
}

const out = sink();
const err = sink();
const c = new Console({ stdout: out, stderr: err });
const { log } = c;
log('detached %s', 'works');
c.info('info', 1);
c.debug({ a: [1, 2] });
c.warn('warned');
c.error(new Error('e').message);
c.group('Group');
c.log('one\ntwo');
c.groupCollapsed();
c.log('deeper');
c.groupEnd();
c.groupEnd();
c.log('%d%% done', 50);
c.count();
c.count('x');
c.count();
c.countReset();
c.count();
c.assert(1 === 1, 'not shown');
c.assert(false, 'shown %s', 'here');
c.dir({ deep: { er: { est: { x: 1 } } } }, { depth: 0 });
c.table([{ a: 1 }, { b: 2 }]);
c.trace('traced');

setImmediate(() => {
  assert.strictEqual(out.text().replace(/t: [\d.]+ms extra\nt: [\d.]+ms\n$/, ''), [
    'detached works',
    'info 1',
    '{ a: [ 1, 2 ] }',
    'Group',
    '  one',
    '  two',
    '    deeper',
    '50% done',
    'default: 1',
    'x: 1',
    'default: 2',
    'default: 1',
    '{ deep: [Object] }',
    '┌─────────┬───┬───┐',
    '│ (index) │ a │ b │',
    '├─────────┼───┼───┤',
    '│ 0       │ 1 │   │',
    '│ 1       │   │ 2 │',
    '└─────────┴───┴───┘',
    '',
  ].join('\n'));
  const errText = err.text();
  assert.ok(errText.startsWith('warned\ne\nAssertion failed: shown here\nTrace: traced\n    at '), errText);

  // colorMode and inspectOptions.
  const colored = sink();
  new Console({ stdout: colored, colorMode: true }).log({ n: 1 });
  const opts = sink();
  new Console({ stdout: opts, inspectOptions: { breakLength: 10 } }).log({ alpha: 1, beta: 2 });
  setImmediate(() => {
    assert.strictEqual(colored.text(), '{ n: \u001b[33m1\u001b[39m }\n');
    assert.strictEqual(opts.text(), '{\n  alpha: 1,\n  beta: 2\n}\n');
  });
});

// Timers warn instead of throwing on misuse.
const warnings = [];
process.on('warning', (w) => warnings.push(w.message));
c.time('t');
c.time('t');
c.timeEnd('missing');
c.timeLog('t', 'extra');
c.timeEnd('t');
setImmediate(() => {
  assert.deepStrictEqual(warnings, [
    "Label 't' already exists for console.time()",
    "No such label 'missing' for console.timeEnd()",
  ]);
  assert.match(out.text(), /t: \d+(\.\d+)?ms extra\nt: \d+(\.\d+)?ms\n/);
});

assert.throws(() => new Console(), { code: 'ERR_CONSOLE_WRITABLE_STREAM' });
assert.ok(console instanceof Console);
assert.strictEqual(typeof console.log, 'function');
assert.strictEqual(require('console'), console);
