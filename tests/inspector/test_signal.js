'use strict';
// The inspector started in a running process, as `kill -USR1 PID` does with Node: once in a
// program busy in a JS loop (the protocol is then served by V8 interrupts, not by the event loop)
// and once, through process._debugProcess(pid) in another nodus, in an idle program. In both, a
// debugger connects, sees the script loaded before it came (and pauses the busy loop in it), and
// ends the program by setting a global. Run by Node.js.
// usage: node test_signal.js NODUS
const assert = require('assert');
const path = require('path');
const { spawnSync } = require('child_process');
const { getJson, start, waitForStdout, session, deadline } = require('./cdp_client');

const nodus = process.argv[2];
const script = path.join(__dirname, 'busy.js');
const done = deadline(40000);

async function attach(mode, signal) {
  // --inspect-port=0: the inspector the signal starts listens on a free port.
  const p = start(nodus, ['--inspect-port=0', script, mode]);
  await waitForStdout(p, 'ready');
  assert.ok(!p.stderr.includes('Debugger listening'), 'no inspector before the signal');
  signal(p.child.pid);
  const wsUrl = await p.ws;
  const list = await getJson(+new URL(wsUrl).port, '/json/list');
  assert.strictEqual(list[0].webSocketDebuggerUrl, wsUrl);
  const s = await session(wsUrl);
  // The script compiled before the inspector existed is known to it, and a pause request reaches
  // the running loop there.
  await s.call('Debugger.enable');
  const parsed = s.events.find((e) => e.method === 'Debugger.scriptParsed' && e.params.url === `file://${script}`);
  assert.ok(parsed, 'busy.js is reported to the debugger');
  if (mode === 'busy') {
    await s.call('Debugger.pause');
    const paused = await s.nextEvent('Debugger.paused');
    assert.strictEqual(paused.params.callFrames[0].location.scriptId, parsed.params.scriptId);
  }
  // process.debugPort is the port bound (--inspect-port=0 asked for any).
  const r = await s.call('Runtime.evaluate', { expression: 'globalThis.stop = true; `${process.pid} ${process.debugPort}`' });
  if (mode === 'busy') await s.call('Debugger.resume');
  assert.strictEqual(r.result.result.value, `${p.child.pid} ${new URL(wsUrl).port}`);
  await p.waitingForDisconnect;
  s.close();
  const { code } = await p.exit;
  assert.strictEqual(code, 0, p.stderr);
  assert.match(p.stdout, /stopped by the debugger/);
}

(async () => {
  await attach('busy', (pid) => process.kill(pid, 'SIGUSR1'));
  await attach('idle', (pid) => {
    const r = spawnSync(nodus, ['-e', `process._debugProcess(${pid})`], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
  });
  // A pid that does not exist is an ESRCH error; a pid that is not one positive integer is
  // refused before kill() (0 would signal the whole group: the child gets a group of its own).
  const r = spawnSync(nodus, ['-e', `
    try { process._debugProcess(2147483647); } catch (e) { console.log(e.code, e.syscall); }
    for (const pid of [0, 'x']) {
      try { process._debugProcess(pid); } catch (e) { console.log(e.code); }
    }`], { encoding: 'utf8', detached: true });
  assert.strictEqual(r.stdout, 'ESRCH kill\nERR_OUT_OF_RANGE\nERR_INVALID_ARG_TYPE\n', r.stderr);
  done();
  console.log('SIGUSR1 activation ok');
})().catch((err) => { console.error(err); process.exit(1); });
