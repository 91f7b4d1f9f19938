'use strict';
// Debugs `nodus --inspect-brk=0 debuggee.js` through the real DevTools protocol: /json/list and
// /json/protocol, a WebSocket, break on start, a breakpoint by line, evaluation in the paused
// frame, a step, console calls reaching the debugger, and the program running to its end (where it
// waits for the debugger to disconnect, as Node does). Then
// `--inspect-wait=0`: held until the debugger says run, and not paused; and an ES module entry
// under --inspect-brk. Run by Node.js.
// usage: node test_inspect_brk.js NODUS
const assert = require('assert');
const path = require('path');
const { getJson, getStatus, start, session, deadline } = require('./cdp_client');

const nodus = process.argv[2];
const script = path.join(__dirname, 'debuggee.js');
const done = deadline(30000);

async function inspectBrk() {
  const p = start(nodus, ['--inspect-brk=0', script]);
  const wsUrl = await p.ws;
  const port = +new URL(wsUrl).port;
  const list = await getJson(port, '/json/list');
  assert.strictEqual(list[0].webSocketDebuggerUrl, wsUrl);
  assert.ok(list[0].devtoolsFrontendUrl.startsWith('devtools://devtools/bundled/'), list[0].devtoolsFrontendUrl);
  assert.ok(list[0].devtoolsFrontendUrl.includes(`ws=127.0.0.1:${port}/`));
  // DNS rebinding protection: a Host that is a name other than localhost is refused.
  assert.strictEqual(await getStatus(port, '/json/list', { host: 'attacker.example' }), 400);
  assert.strictEqual(await getStatus(port, '/json/list', { host: `localhost:${port}` }), 200);
  const version = await getJson(port, '/json/version');
  assert.ok(version['Protocol-Version']);
  // The schema DevTools reads: V8's domains with their commands.
  const protocol = await getJson(port, '/json/protocol');
  const domains = new Map(protocol.domains.map((d) => [d.domain, d]));
  for (const d of ['Runtime', 'Debugger', 'Profiler', 'HeapProfiler', 'Console']) assert.ok(domains.has(d), d);
  assert.ok(domains.get('Debugger').commands.some((c) => c.name === 'setBreakpointByUrl'));

  const s = await session(wsUrl);
  await s.call('Runtime.enable');
  await s.call('Debugger.enable');
  await s.call('Runtime.runIfWaitingForDebugger');
  const start0 = await s.nextEvent('Debugger.paused');
  assert.strictEqual(start0.params.reason, 'Break on start');
  assert.strictEqual(start0.params.callFrames[0].location.lineNumber, 0);
  // Call frames name their script by id (their `url` field is deprecated): scriptParsed maps it.
  const scriptId = start0.params.callFrames[0].location.scriptId;
  const parsed = s.events.find((e) => e.method === 'Debugger.scriptParsed' && e.params.scriptId === scriptId);
  assert.ok(parsed && parsed.params.url === `file://${script}`, JSON.stringify(parsed && parsed.params));

  const bp = await s.call('Debugger.setBreakpointByUrl', { lineNumber: 2, urlRegex: 'debuggee\\.js$' });
  assert.ok(bp.result.breakpointId, JSON.stringify(bp));
  await s.call('Debugger.resume');
  const hit = await s.nextEvent('Debugger.paused');
  assert.strictEqual(hit.params.callFrames[0].location.lineNumber, 2);
  assert.deepStrictEqual(hit.params.hitBreakpoints, [bp.result.breakpointId]);
  const ev = await s.call('Debugger.evaluateOnCallFrame', { callFrameId: hit.params.callFrames[0].callFrameId, expression: 'v * 2' });
  assert.strictEqual(ev.result.result.value, 42);

  await s.call('Debugger.stepOver');
  const stepped = await s.nextEvent('Debugger.paused');
  assert.strictEqual(stepped.params.callFrames[0].location.lineNumber, 3);

  await s.call('Debugger.resume');
  // console.log reaches the debugger too, with its arguments and the caller's frame.
  const logged = await s.nextEvent('Runtime.consoleAPICalled');
  assert.strictEqual(logged.params.type, 'log');
  assert.deepStrictEqual(logged.params.args.map((a) => a.value), ['result', 43]);
  assert.strictEqual(logged.params.stackTrace.callFrames[0].url, `file://${script}`);
  // The program has ended; the debugger still sees the process until it disconnects.
  await p.waitingForDisconnect;
  await s.nextEvent('Runtime.executionContextDestroyed');
  assert.match(p.stderr, /^Debugger listening on ws:.*\n.*\nDebugger attached\.\n/);
  s.close();
  const { code } = await p.exit;
  assert.strictEqual(code, 0);
  assert.strictEqual(p.stdout.trim(), 'result 43');
}

async function inspectWait() {
  const p = start(nodus, ['--inspect-wait=0', script]);
  const s = await session(await p.ws);
  await s.call('Debugger.enable');
  // Held before the first line: nothing has run yet.
  assert.strictEqual(p.stdout, '');
  await s.call('Runtime.runIfWaitingForDebugger');
  await p.waitingForDisconnect;
  s.close();
  const { code } = await p.exit;
  assert.strictEqual(code, 0);
  assert.strictEqual(p.stdout.trim(), 'result 43');
  assert.ok(!s.events.some((e) => e.method === 'Debugger.paused'), 'no pause under --inspect-wait');
}

// An ES module entry pauses before its graph runs, in that module.
async function inspectBrkModule() {
  const entry = path.join(__dirname, 'debuggee.mjs');
  const p = start(nodus, ['--inspect-brk=0', entry]);
  const s = await session(await p.ws);
  await s.call('Debugger.enable');
  await s.call('Runtime.runIfWaitingForDebugger');
  const paused = await s.nextEvent('Debugger.paused');
  assert.strictEqual(paused.params.reason, 'Break on start');
  const scriptId = paused.params.callFrames[0].location.scriptId;
  const parsed = s.events.find((e) => e.method === 'Debugger.scriptParsed' && e.params.scriptId === scriptId);
  assert.strictEqual(parsed.params.url, `file://${entry}`);
  await s.call('Debugger.resume');
  await p.waitingForDisconnect;
  s.close();
  const { code } = await p.exit;
  assert.strictEqual(code, 0, p.stderr);
  assert.strictEqual(p.stdout, 'esm result 21 /\n');
}

(async () => {
  await inspectBrk();
  await inspectWait();
  await inspectBrkModule();
  done();
  console.log('inspect-brk and inspect-wait sessions ok');
})().catch((err) => { console.error(err); process.exit(1); });
