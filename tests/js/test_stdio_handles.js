'use strict';
// Runs tests/stdio/stdio_handles.sh (stdin/stdout/stderr over pipes, files and a TTY, checked
// against Node when it is installed) with this nodus binary.
const assert = require('assert');
const { spawnSync } = require('child_process');
const path = require('path');

const script = path.join(__dirname, '..', 'stdio', 'stdio_handles.sh');
const r = spawnSync('bash', [script, process.execPath], { encoding: 'utf8', timeout: 55000 });
process.stdout.write(r.stdout || '');
process.stderr.write(r.stderr || '');
assert.strictEqual(r.status, 0, `stdio_handles.sh failed (status ${r.status}, signal ${r.signal})`);
