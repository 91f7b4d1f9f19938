'use strict';
// os: values have the right types and agree with the environment.
const assert = require('assert');
const os = require('os');

assert.strictEqual(os.EOL, '\n');
assert.strictEqual(os.devNull, '/dev/null');
assert.strictEqual(os.platform(), process.platform);
assert.strictEqual(os.arch(), process.arch);
assert.strictEqual(os.type(), 'Linux');
assert.strictEqual(os.endianness(), 'LE');
assert.strictEqual(typeof os.hostname(), 'string');
assert.ok(os.hostname().length > 0);
assert.strictEqual(`${os.hostname}`, os.hostname());
assert.match(os.release(), /^\d+\.\d+/);
assert.strictEqual(typeof os.version(), 'string');
assert.strictEqual(typeof os.machine(), 'string');
assert.ok(os.totalmem() > os.freemem());
assert.ok(os.freemem() > 0);
assert.ok(os.uptime() > 0);
assert.strictEqual(os.loadavg().length, 3);
assert.ok(os.availableParallelism() >= 1);

const cpus = os.cpus();
assert.ok(cpus.length >= 1);
assert.strictEqual(typeof cpus[0].model, 'string');
assert.deepStrictEqual(Object.keys(cpus[0].times), ['user', 'nice', 'sys', 'idle', 'irq']);

const ifaces = os.networkInterfaces();
const lo = Object.values(ifaces).flat().find((a) => a.internal && a.family === 'IPv4');
assert.ok(lo, 'a loopback interface');
assert.strictEqual(lo.address, '127.0.0.1');
assert.strictEqual(lo.cidr, '127.0.0.1/8');
assert.strictEqual(lo.netmask, '255.0.0.0');

const user = os.userInfo();
assert.strictEqual(typeof user.username, 'string');
assert.strictEqual(user.uid, process.getuid ? process.getuid() : user.uid);
assert.ok(Buffer.isBuffer(os.userInfo({ encoding: 'buffer' }).username));

const saved = process.env.TMPDIR;
process.env.TMPDIR = '/var/tmp/';
assert.strictEqual(os.tmpdir(), '/var/tmp');
if (saved === undefined) delete process.env.TMPDIR;
else process.env.TMPDIR = saved;
if (process.env.HOME) assert.strictEqual(os.homedir(), process.env.HOME);

assert.strictEqual(os.constants.signals.SIGINT, 2);
assert.strictEqual(os.constants.signals.SIGKILL, 9);
assert.strictEqual(os.constants.errno.ENOENT, 2);
assert.strictEqual(os.constants.priority.PRIORITY_HIGHEST, -20);
assert.strictEqual(Object.getOwnPropertyDescriptor(os, 'constants').writable, false);
assert.strictEqual(Object.getPrototypeOf(os.constants.signals), null);
assert.strictEqual(typeof os.getPriority(), 'number');
assert.throws(() => os.setPriority(0, 100), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => os.getPriority('x'), { code: 'ERR_INVALID_ARG_TYPE' });
