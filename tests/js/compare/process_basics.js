'use strict';
// process properties whose shape (not value) must match Node's.
const shape = (v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
console.log(Object.prototype.toString.call(process));
console.log(process instanceof require('events'), typeof process.on);
for (const k of ['argv', 'argv0', 'execPath', 'execArgv', 'env', 'pid', 'ppid', 'platform', 'arch',
  'version', 'versions', 'title', 'exitCode', 'release', 'config', 'features']) {
  console.log(k, shape(process[k]));
}
for (const k of ['cwd', 'chdir', 'umask', 'hrtime', 'uptime', 'memoryUsage', 'cpuUsage', 'kill',
  'emitWarning', 'exit', 'nextTick', 'abort', 'dlopen', 'getuid', 'resourceUsage']) {
  console.log(k, typeof process[k]);
}
console.log('hrtime', process.hrtime().length, typeof process.hrtime.bigint());
const d = process.hrtime([0, 0]);
console.log('hrtime-diff', d.length, d[1] < 1e9);
console.log('memoryUsage', Object.keys(process.memoryUsage()).join());
console.log('cpuUsage', Object.keys(process.cpuUsage()).join());
console.log('resourceUsage', Object.keys(process.resourceUsage()).length);
console.log('versions', ['v8', 'uv', 'modules', 'napi'].map((k) => typeof process.versions[k]).join());
const cwd = process.cwd();
process.chdir('/tmp');
console.log('chdir', process.cwd());
process.chdir(cwd);
try { process.chdir('/definitely/not/here'); } catch (e) { console.log(e.code, e.syscall, e.errno < 0); }
try { process.kill(999999, 0); } catch (e) { console.log(e.code, e.syscall); }
try { process.kill(process.pid, 'SIGNOPE'); } catch (e) { console.log(e.code, e.name); }
try { process.exitCode = 'abc'; } catch (e) { console.log(e.code); }
const old = process.umask(0o22);
console.log('umask', process.umask(old).toString(8));
process.env.NODUS_TEST_A = 1;
console.log('env', typeof process.env.NODUS_TEST_A, 'NODUS_TEST_A' in process.env, Object.keys(process.env).includes('NODUS_TEST_A'));
delete process.env.NODUS_TEST_A;
console.log('env-deleted', process.env.NODUS_TEST_A, 'NODUS_TEST_A' in process.env);
process.on('warning', (w) => console.log('warning', w.name, w.message, w.code));
process.emitWarning('careful', 'CustomWarning', 'CODE1');
process.emitWarning('old api', { type: 'DeprecationWarning', code: 'DEP0XXX' });
try { process.nextTick(42); } catch (e) { console.log(e.code); }
// System errors: chdir names both directories, kill uses the short 'kill ESRCH' form.
try { process.chdir('/nonexistent-nodus-dir'); } catch (e) {
  console.log(e.message.replace(process.cwd(), '<cwd>'), e.code, e.errno, e.syscall, e.path === process.cwd(), e.dest);
}
try { process.kill(2147483647, 0); } catch (e) { console.log(e.message, e.code, e.errno, e.syscall, Object.keys(e)); }
console.log(process.emitWarning.length, process.emitWarning.name);
