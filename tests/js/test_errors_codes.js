'use strict';
// Node-style errors: class, code, message format, stack header, and the libuv error helpers.
const assert = require('assert');

// Errors raised by the library carry Node's codes and messages.
assert.throws(() => require('path').join(null), (err) => {
  assert.ok(err instanceof TypeError);
  assert.strictEqual(err.name, 'TypeError');
  assert.strictEqual(err.code, 'ERR_INVALID_ARG_TYPE');
  assert.strictEqual(err.message, 'The "path" argument must be of type string. Received null');
  assert.ok(err.stack.startsWith('TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument'));
  assert.strictEqual(String(err), 'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received null');
  assert.deepStrictEqual(Object.keys(err), ['code']);
  return true;
});

const util = require('util');
assert.throws(() => util.promisify({}), {
  message: 'The "original" argument must be of type function. Received an instance of Object',
});
assert.throws(() => util.inspect.defaultOptions = null, {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. Received null',
});
assert.throws(() => new (require('events'))().setMaxListeners(-1), {
  name: 'RangeError',
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "setMaxListeners" is out of range. It must be >= 0. Received -1',
});
assert.throws(() => util.getSystemErrorName(2 ** 40), {
  message: 'The value of "err" is out of range. It must be a negative integer. Received 1_099_511_627_776',
});
assert.throws(() => new URL('nope'), (err) => {
  assert.strictEqual(err.code, 'ERR_INVALID_URL');
  assert.strictEqual(err.message, 'Invalid URL');
  assert.strictEqual(err.input, 'nope');
  return true;
});
assert.throws(() => require('url').fileURLToPath('http://x'), {
  code: 'ERR_INVALID_URL_SCHEME', message: 'The URL must be of scheme file',
});

// The inspect form of a library error shows the code as a property.
const e = (() => { try { require('path').basename(1); } catch (err) { return err; } })();
assert.match(util.inspect(e), /^TypeError \[ERR_INVALID_ARG_TYPE\]: The "path" argument must be of type string\. Received type number \(1\)\n {4}at [^]*\{\n {2}code: 'ERR_INVALID_ARG_TYPE'\n\}$/);

// libuv error names and messages.
assert.strictEqual(util.getSystemErrorName(-2), 'ENOENT');
assert.strictEqual(util.getSystemErrorName(-13), 'EACCES');
const map = util.getSystemErrorMap();
assert.ok(map instanceof Map);
assert.deepStrictEqual(map.get(-98), ['EADDRINUSE', 'address already in use']);
assert.strictEqual(util._errnoException(-2, 'open').message, 'open ENOENT');
const hp = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 80);
assert.strictEqual(hp.message, 'connect ECONNREFUSED 127.0.0.1:80');
assert.strictEqual(hp.code, 'ECONNREFUSED');
assert.strictEqual(hp.errno, -111);
assert.strictEqual(hp.port, 80);

// os errors are SystemErrors.
assert.throws(() => require('os').setPriority(2 ** 30, 0), (err) => {
  assert.strictEqual(err.name, 'SystemError');
  assert.strictEqual(err.code, 'ERR_SYSTEM_ERROR');
  assert.strictEqual(err.info.syscall, 'uv_os_setpriority');
  assert.strictEqual(err.syscall, 'uv_os_setpriority');
  assert.match(err.message, /^A system error occurred: uv_os_setpriority returned ESRCH \(no such process\)$/);
  return true;
});
