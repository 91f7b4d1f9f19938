'use strict';
// The plugin loader against real shared libraries: lazy loading, dependencies, private bindings,
// and one clear, coded error per kind of broken plugin, after which the process goes on.
const assert = require('assert');
const path = require('path');

const dir = process.env.NODUS_PLUGIN_PATH;
assert.ok(dir, 'NODUS_PLUGIN_PATH must point at build/tests/plugins');

// Nothing is loaded before the first require.
const before = process.versions.hello_lib;
assert.strictEqual(before, undefined);

const hello = require('nodus_test_hello');
assert.strictEqual(hello.greet('nodus'), 'hello, nodus');
assert.strictEqual(hello.hasBinding, true);
assert.strictEqual(require('node:nodus_test_hello'), hello, 'node: prefix serves the same module');
assert.strictEqual(process.versions.hello_lib, '1.2.3', 'plugin versions appear in process.versions');

// A dependent plugin loads after its dependency, whose init ran once.
const greeter = require('nodus_test_greeter');
assert.strictEqual(greeter.greetLoudly('x'), 'HELLO, X');
assert.strictEqual(hello.initCount(), 1);

// The private binding is not reachable from user code.
assert.strictEqual(typeof binding, 'undefined');
assert.throws(() => require('internal/bootstrap/realm'), { code: 'MODULE_NOT_FOUND' });

function expectLoadError(id, code, ...fragments) {
  let err;
  try {
    require(id);
  } catch (e) {
    err = e;
  }
  assert.ok(err, `${id} should fail to load`);
  assert.strictEqual(err.code, code, `${id}: ${err.message}`);
  for (const f of fragments) assert.ok(err.message.includes(f), `${id}: "${err.message}" lacks "${f}"`);
  // The same error again on a second try: the failure is remembered, nothing crashes.
  assert.throws(() => require(id), { code });
}

expectLoadError('nodus_test_no_entry', 'ERR_NODUS_PLUGIN_INVALID', 'libno_entry.so', 'nodus_plugin_entry_v1');
expectLoadError('nodus_test_future_abi', 'ERR_NODUS_PLUGIN_ABI', 'libfuture_abi.so', 'ABI 2', 'ABI 1');
expectLoadError('nodus_test_wrong_abi', 'ERR_NODUS_PLUGIN_ABI', 'libwrong_abi_field.so', 'ABI 7');
expectLoadError('nodus_test_init_throws', 'ERR_NODUS_PLUGIN_INIT', 'libinit_throws.so', 'init refused to start');
expectLoadError('nodus_test_init_call_fails', 'ERR_NODUS_PLUGIN_INIT', 'libinit_call_fails.so', 'SyntaxError');
expectLoadError('nodus_test_missing_symbol', 'ERR_DLOPEN_FAILED', 'libmissing_symbol.so',
                'undefined symbol: nodus_test_missing_function');
expectLoadError('nodus_test_needs_ghost', 'ERR_UNKNOWN_BUILTIN_MODULE', "'ghost'");
expectLoadError('nodus_test_not_a_library', 'ERR_DLOPEN_FAILED', 'libnot_a_library.so', 'not a shared library');
expectLoadError('nodus_test_missing_file', 'ERR_DLOPEN_FAILED', path.join(dir, 'libmissing.so'), 'file not found');

// Modules nobody provides are ordinary missing modules.
assert.throws(() => require('nodus_test_nobody'), { code: 'MODULE_NOT_FOUND' });

// The good plugins still work after all the failures.
assert.strictEqual(hello.greet('again'), 'hello, again');
console.log('plugin loader ok');
