'use strict';
// Node-API errors and exceptions.
const { assert, load } = require('./common');
const addon = load('errors');

for (const [kind, Ctor] of [['Error', Error], ['TypeError', TypeError],
                            ['RangeError', RangeError], ['SyntaxError', SyntaxError]]) {
  assert.throws(() => addon.throw(kind, null, `a ${kind}`), (e) => {
    assert.ok(e instanceof Ctor);
    assert.strictEqual(e.message, `a ${kind}`);
    assert.strictEqual('code' in e, false);
    return true;
  });
  assert.throws(() => addon.throw(kind, 'ERR_X', 'with code'), (e) => {
    assert.ok(e instanceof Ctor);
    assert.strictEqual(e.code, 'ERR_X');
    return true;
  });
  const created = addon.create(kind, 'CODE', 'made');
  assert.ok(created instanceof Ctor);
  assert.strictEqual(created.message, 'made');
  assert.strictEqual(created.code, 'CODE');
  assert.strictEqual(addon.create(kind, undefined, 'm').code, undefined);
  assert.strictEqual(addon.isError(created), true);
}
assert.strictEqual(addon.isError({ message: 'fake' }), false);
assert.strictEqual(addon.isError('str'), false);

for (const v of [42, 'str', null, undefined, { obj: 1 }, Symbol.iterator]) {
  try {
    addon.throwValue(v);
    assert.fail('did not throw');
  } catch (e) {
    assert.strictEqual(e, v);
  }
}

const taken = addon.catchOwnThrow();
assert.ok(taken instanceof Error);
assert.strictEqual(taken.message, 'taken back');
assert.strictEqual(taken.code, 'CODE');
assert.throws(() => addon.throwTwice(), /^Error: first$|first/);

assert.deepStrictEqual(addon.lastErrorInfo(), {
  failedCode: 1,
  failedMessage: 'Invalid argument',
  okCode: 0,
  okMessageIsNull: true,
  nullResult: 1,
});

assert.deepStrictEqual(addon.badArgs(), {
  createNullMsg: 1,
  createNumberMsg: 3,
  createNumberCode: 3,
  createNullResult: 1,
  throwNull: 1,
  throwErrorNullMsg: 1,
  isErrorNull: 1,
  pendingNullResult: 1,
});

// napi_fatal_exception goes to 'uncaughtException'.
const seen = [];
process.on('uncaughtException', (err) => seen.push(err));
const fatal = new Error('to the handler');
addon.fatalException(fatal);
assert.strictEqual(seen.length, 1);
assert.strictEqual(seen[0], fatal);

// napi_fatal_error aborts the process with Node's message (checked in a child process).
let childProcess;
try { childProcess = require('child_process'); } catch { /* plugin not built */ }
if (childProcess) {
  const r = childProcess.spawnSync(process.execPath, ['-e',
    `require(${JSON.stringify(require('path').join(require('./common').addonDir, 'errors.node'))}).fatalError()`]);
  assert.notStrictEqual(r.status, 0);
  assert.ok(String(r.stderr).includes('FATAL ERROR: test_location fatal message'), String(r.stderr));
}
