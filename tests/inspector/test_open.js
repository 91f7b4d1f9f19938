'use strict';
// inspector.open(0) and inspector.waitForDebugger() called by the program at run time: a debugger
// connects, lets it run, is paused by a `debugger` statement, evaluates there (also through a
// fragmented WebSocket message), reads the frame's scope and the source map URL, pauses on a
// caught exception, sees the program's console output, and is disconnected by inspector.close().
// Run by Node.js.
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
  // Scope inspection: the paused frame's local scope holds `answer`.
  const local = frame.scopeChain.find((sc) => sc.type === 'local' || sc.type === 'block' || sc.type === 'script');
  const props = await s.call('Runtime.getProperties', { objectId: local.object.objectId, ownProperties: true });
  assert.ok(props.result.result.some((p) => p.name === 'answer' && p.value.value === 42), JSON.stringify(props.result));
  // The script's source map URL, as DevTools reads it.
  const parsed = s.events.find((e) => e.method === 'Debugger.scriptParsed' && e.params.scriptId === frame.location.scriptId);
  assert.strictEqual(parsed.params.sourceMapURL, 'open_debuggee.js.map');
  // Pause on exceptions, caught ones included.
  await s.call('Debugger.setPauseOnExceptions', { state: 'all' });
  await s.call('Debugger.resume');
  const thrown = await s.nextEvent('Debugger.paused');
  assert.strictEqual(thrown.params.reason, 'exception');
  assert.match(thrown.params.data.description, /^Error: caught one/);
  await s.call('Debugger.setPauseOnExceptions', { state: 'none' });
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
