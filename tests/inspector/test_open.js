'use strict';
// inspector.open(0) and inspector.waitForDebugger() called by the program at run time: a debugger
// connects, lets it run, is paused by a `debugger` statement, evaluates there, sees the program's
// console output, and is disconnected by inspector.close(). Run by Node.js.
// usage: node test_open.js NODUS
const assert = require('assert');
const path = require('path');
const { start, waitForStdout, session, deadline } = require('./cdp_client');

const nodus = process.argv[2];
const done = deadline(30000);

(async () => {
  const p = start(nodus, [path.join(__dirname, 'open_debuggee.js')]);
  const wsUrl = await p.ws;
  await waitForStdout(p, 'url ');
  assert.strictEqual(p.stdout, `url ${wsUrl}\n`);
  const s = await session(wsUrl);
  await s.call('Runtime.enable');
  await s.call('Debugger.enable');
  await s.call('Runtime.runIfWaitingForDebugger');
  const paused = await s.nextEvent('Debugger.paused');
  assert.strictEqual(paused.params.reason, 'other');
  const frame = paused.params.callFrames[0];
  const ev = await s.call('Debugger.evaluateOnCallFrame', { callFrameId: frame.callFrameId, expression: 'answer + 1' });
  assert.strictEqual(ev.result.result.value, 43);
  // A message in three WebSocket frames (text + continuations) is one command.
  const split = await s.call('Debugger.evaluateOnCallFrame', { callFrameId: frame.callFrameId, expression: '"split " + answer' }, 3);
  assert.strictEqual(split.result.result.value, 'split 42');
  await s.call('Debugger.resume');
  const logged = await s.nextEvent('Runtime.consoleAPICalled', (e) => e.params.args[0].value === 'after');
  assert.strictEqual(logged.params.args[1].value, 42);
  const { code } = await p.exit;
  s.close();
  assert.strictEqual(code, 0, p.stderr);
  assert.strictEqual(p.stdout, `url ${wsUrl}\nafter 42\nclosed undefined\n`);
  done();
  console.log('inspector.open at run time ok');
})().catch((err) => { console.error(err); process.exit(1); });
