'use strict';
// Loading Node-API addons: both registration styles, version-dependent behaviour, the same file
// twice, run-time symbol lookup, and clear errors for files that are not Node-API addons.
const path = require('path');
const { assert, load, addonDir, isNodus } = require('./common');

const first = load('loader');
assert.strictEqual(first.initCount, 1);
assert.strictEqual(first.exportsWasObject, true);
assert.strictEqual(load('loader'), first, 'require caches');

const file = path.join(addonDir, 'loader.node');
if (isNodus) {
  // process.dlopen of the same file again yields the same exports without a second init.
  const m = { exports: {} };
  process.dlopen(m, file);
  assert.strictEqual(m.exports, first);
}

assert.strictEqual(load('ctor_register').registeredBy, 'constructor');
assert.strictEqual(load('dlsym_lookup').message, 'found by dlsym');

if (isNodus || Number(process.versions.napi) >= 10) {
  const v10 = load('version10');
  assert.deepStrictEqual(v10.primitiveRef(42), [42, true]);
  assert.deepStrictEqual(v10.primitiveRef('str'), ['str', true]);
  assert.deepStrictEqual(v10.propertyKeys(), { k1: 1, k2: 2, k3: 3 });
  assert.deepStrictEqual(v10.externalStrings(), ['external latin1', 'utf16', true]);
}

function dlopenError(target, flags) {
  try {
    if (flags === undefined) process.dlopen({ exports: {} }, target);
    else process.dlopen({ exports: {} }, target, flags);
  } catch (err) {
    return err;
  }
  assert.fail(`${target} loaded`);
}

let err = dlopenError(path.join(addonDir, 'does_not_exist.node'));
assert.strictEqual(err.code, 'ERR_DLOPEN_FAILED');
assert.match ? assert.match(err.message, /No such file or directory/) :
  assert.ok(/No such file or directory/.test(err.message));

err = dlopenError(path.join(__dirname, 'common.js'));
assert.strictEqual(err.code, 'ERR_DLOPEN_FAILED');
assert.ok(/invalid ELF header|file too short/.test(err.message), err.message);

const RTLD_NOW = 2;
err = dlopenError(path.join(addonDir, 'undefined_symbol.node'), RTLD_NOW);
assert.strictEqual(err.code, 'ERR_DLOPEN_FAILED');
assert.ok(err.message.includes('undefined symbol: nodus_test_no_such_variable'), err.message);

const rawFile = path.join(addonDir, 'raw_v8.node');
err = dlopenError(rawFile);
assert.strictEqual(err.code, 'ERR_DLOPEN_FAILED');
assert.ok(err.message.includes(rawFile), err.message);
assert.ok(err.message.includes('NODE_MODULE_VERSION 108'), err.message);
if (isNodus) assert.ok(err.message.includes('not a Node-API addon'), err.message);

// A copy of an addon written elsewhere loads as its own module.
let fs;
try { fs = require('fs'); } catch { /* plugin not built */ }
if (fs && fs.mkdtempSync) {
  const os = require('os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-napi-'));
  const copy = path.join(dir, 'copy.node');
  fs.copyFileSync(file, copy);
  const fresh = require(copy);
  assert.notStrictEqual(fresh, first);
  assert.strictEqual(fresh.initCount, 1, 'a separate library has its own statics');
  // A library written to disk now and loaded by the addon later binds Node-API to the host.
  const helper = path.join(dir, 'written_later.so');
  fs.copyFileSync(path.join(addonDir, 'helper.so'), helper);
  assert.strictEqual(first.loadHelper(helper), 'hello from a library loaded later');
  fs.unlinkSync(helper);
  // Built for another architecture (a 32-bit ELF header): the loader's message.
  const elf32 = path.join(dir, 'elf32.node');
  const header = Buffer.alloc(64);
  header.set([0x7f, 0x45, 0x4c, 0x46, 1 /* ELFCLASS32 */, 1, 1]);
  fs.writeFileSync(elf32, header);
  err = dlopenError(elf32);
  assert.strictEqual(err.code, 'ERR_DLOPEN_FAILED');
  assert.ok(err.message.includes('wrong ELF class: ELFCLASS32'), err.message);
  fs.unlinkSync(elf32);
  // Built for another CPU (x86-64's copy with the AArch64 machine number). Node's dlopen says
  // "No such file or directory"; nodus names the machine.
  const arm = path.join(dir, 'aarch64.node');
  const image = fs.readFileSync(file);
  image.writeUInt16LE(183 /* EM_AARCH64 */, 18);
  fs.writeFileSync(arm, image);
  err = dlopenError(arm);
  assert.strictEqual(err.code, 'ERR_DLOPEN_FAILED');
  assert.ok(err.message.includes(arm), err.message);
  if (isNodus) assert.ok(err.message.includes('built for AArch64'), err.message);
  fs.unlinkSync(arm);
  if (isNodus) {
    // Truncated: dlopen would map pages past the end of the file and die of SIGBUS touching
    // them (Node does); nodus refuses it first.
    const truncated = path.join(dir, 'truncated.node');
    fs.writeFileSync(truncated, fs.readFileSync(file).subarray(0, 6000));
    err = dlopenError(truncated);
    assert.strictEqual(err.code, 'ERR_DLOPEN_FAILED');
    assert.ok(err.message.startsWith(`${truncated}: truncated: 6000 bytes`), err.message);
    fs.unlinkSync(truncated);
  }
  fs.unlinkSync(copy);
  fs.rmdirSync(dir);
}

// An init that throws, and one that returns with a Node-API call's exception pending: require
// throws that error, every time, and nothing is cached.
for (let i = 0; i < 2; i++) {
  assert.throws(() => load('init_throws'), { code: 'ETEST_INIT', message: 'addon init refused to start' });
  assert.throws(() => load('init_call_fails'), SyntaxError);
}

// NAPI_VERSION_EXPERIMENTAL: finalizers run inside GC; posted ones run later, outside GC.
if (typeof global.gc === 'function') {
  const exp = load('experimental');
  const posted = [];
  (() => { for (let i = 0; i < 3; i++) exp.track({}, (n) => posted.push(n)); })();
  global.gc();
  const [pure, postedNow] = exp.counts();
  assert.strictEqual(pure, 3, 'pure finalizers ran during GC');
  assert.strictEqual(postedNow, 0, 'posted finalizers wait for a safe point');
  setTimeout(() => {
    assert.deepStrictEqual(exp.counts(), [3, 3]);
    assert.deepStrictEqual(posted, [1, 2, 3]);
  }, 10);
}
