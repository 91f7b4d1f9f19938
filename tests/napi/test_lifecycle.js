'use strict';
// Node-API lifetimes: scopes, references, wrap, externals, finalizers, type tags, instance data,
// cleanup hooks and host facts. Run with --expose-gc.
const path = require('path');
const { assert, load, gcAndSettle, addonDir } = require('./common');
const addon = load('lifecycle');

async function main() {
  // Handle scopes
  const scopes = addon.scopes();
  assert.strictEqual(scopes.escaped, 'escaped');
  assert.strictEqual(scopes.escapeTwice, 12 /* napi_escape_called_twice */);
  assert.strictEqual(scopes.closeUnopened, 13 /* napi_handle_scope_mismatch */);
  assert.strictEqual(scopes.openNull, 1);
  assert.strictEqual(scopes.closeNull, 1);

  // A strong reference keeps its object; at count 0 it turns weak and GC may take it.
  assert.strictEqual(addon.createRef({ kept: true }, 1), 0);
  await gcAndSettle();
  assert.deepStrictEqual(addon.refValue(), { kept: true });
  assert.strictEqual(addon.refRef(), 2);
  assert.strictEqual(addon.refUnref(), 1);
  assert.strictEqual(addon.refUnref(), 0);
  assert.strictEqual(addon.refUnref(), -9, 'unref at zero is napi_generic_failure');
  await gcAndSettle();
  assert.strictEqual(addon.refValue(), '<collected>');
  assert.strictEqual(addon.refRef(), 0, 'ref of a collected value reports 0');
  addon.deleteRef();

  // A weak reference to a live object still answers.
  const live = { live: 1 };
  assert.strictEqual(addon.createRef(live, 0), 0);
  await gcAndSettle();
  assert.strictEqual(addon.refValue(), live);
  assert.strictEqual(addon.refRef(), 1);
  addon.deleteRef();
  // Symbols can be referenced too.
  const sym = Symbol('s');
  assert.strictEqual(addon.createRef(sym, 1), 0);
  assert.strictEqual(addon.refValue(), sym);
  addon.deleteRef();

  // Wrap
  const o = {};
  assert.strictEqual(addon.wrap(o, 7), 0);
  assert.strictEqual(addon.wrap(o, 8), 1, 'an object is wrapped once');
  assert.strictEqual(addon.unwrap(o), 7);
  assert.strictEqual(addon.removeWrap(o), 7);
  assert.strictEqual(addon.unwrap(o), 'not wrapped');
  assert.strictEqual(addon.wrap(o, 9), 0, 'can be wrapped again after remove_wrap');

  // Finalizers run after GC (wrap, external, add_finalizer), not inside it.
  const [before] = addon.finalizedCount();
  (() => { addon.wrap({}, 11); })();
  await gcAndSettle();
  let [count, last] = addon.finalizedCount();
  assert.strictEqual(count, before + 1);
  assert.strictEqual(last, 11);

  let ext = addon.external(21);
  assert.strictEqual(typeof ext, 'object');
  assert.strictEqual(Object.getPrototypeOf(ext), null);
  assert.strictEqual(addon.externalValue(ext), 21);
  ext = null;
  await gcAndSettle();
  [count, last] = addon.finalizedCount();
  assert.strictEqual(count, before + 2);
  assert.strictEqual(last, 21);

  (() => { const t = {}; addon.addFinalizer(t, 31); addon.addFinalizer(t, 32); })();
  await gcAndSettle();
  [count] = addon.finalizedCount();
  assert.strictEqual(count, before + 4);

  // Type tags
  const tagged = {};
  assert.strictEqual(addon.typeTag(tagged, 0), 0);
  assert.strictEqual(addon.typeTag(tagged, 1), 1, 'tagging twice is napi_invalid_arg');
  assert.strictEqual(addon.checkTag(tagged, 0), true);
  assert.strictEqual(addon.checkTag(tagged, 1), false);
  assert.strictEqual(addon.checkTag({}, 0), false);
  const ext2 = addon.external(1);
  assert.strictEqual(addon.typeTag(ext2, 1), 0, 'externals can be tagged');
  assert.strictEqual(addon.checkTag(ext2, 1), true);

  // Instance data
  assert.strictEqual(addon.countCalls(), 1);
  assert.strictEqual(addon.countCalls(), 2);

  // Host facts
  const host = addon.hostInfo();
  assert.ok(host.napiVersion >= 8);
  assert.strictEqual(host.major, Number(process.versions.node.split('.')[0]));
  assert.strictEqual(host.release, 'node');
  assert.strictEqual(host.loopAlive, true);
  assert.strictEqual(host.file, 'file://' + path.join(addonDir, 'lifecycle.node'));
  assert.strictEqual(host.adjustedNonNegative, true);
  assert.strictEqual(host.scriptResult, 42);
  assert.throws(() => addon.runScript('throw new TypeError("from script")'), /from script/);
  assert.throws(() => addon.runScript('('), SyntaxError);

  assert.deepStrictEqual(addon.badArgs(), {
    refToNumberV8: 1,
    refNullValue: 1,
    deleteNullRef: 1,
    wrapNumber: 1,
    unwrapNotWrapped: 1,
    removeWrapNotWrapped: 1,
    externalValueOfObject: 1,
    addFinalizerNullCb: 1,
    addFinalizerNumber: 1,
    checkTagNull: 1,
    runScriptNumber: 3,
    instanceDataNull: 1,
    cleanupHookNull: 1,
  });

  // Cleanup hooks run at exit in reverse order, then the environment's own finalizers.
  let childProcess;
  try { childProcess = require('child_process'); } catch { /* plugin not built */ }
  if (childProcess) {
    const file = JSON.stringify(path.join(addonDir, 'lifecycle.node'));
    const r = childProcess.spawnSync(process.execPath,
      ['-e', `const a = require(${file}); a.addCleanupHooks(); a.countCalls(); a.countCalls();`]);
    assert.strictEqual(r.status, 0, String(r.stderr));
    assert.strictEqual(String(r.stderr),
      'cleanup hook two\ncleanup hook one\ninstance data finalized after 2 calls\n');
  }
}

main().catch((err) => {
  process.exitCode = 1;
  throw err;
});
