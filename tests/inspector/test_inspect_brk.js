'use strict';
// Debugs `nodus --inspect-brk=0 debuggee.js` through the real DevTools protocol: /json/list, a
// WebSocket, break on start, a breakpoint by line, evaluation in the paused frame, a step, and
// the program running to its end. Run by Node.js (the test's driver) with a small WebSocket
// client written here. usage: node test_inspect_brk.js NODUS
const assert = require('assert');
const { spawn } = require('child_process');
const crypto = require('crypto');
const http = require('http');
const net = require('net');
const path = require('path');

const nodus = process.argv[2];
const script = path.join(__dirname, 'debuggee.js');
const deadline = setTimeout(() => { console.error('timed out'); process.exit(1); }, 30000);

function getJson(port, p) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: p }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

// A minimal WebSocket client: masked text frames out, unmasked frames in.
function connectWs(url) {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = net.connect(+port, hostname);
    const key = crypto.randomBytes(16).toString('base64');
    let buf = Buffer.alloc(0);
    let open = false;
    const listeners = [];
    const ws = {
      send(obj) {
        const payload = Buffer.from(JSON.stringify(obj));
        const mask = crypto.randomBytes(4);
        let head;
        if (payload.length < 126) head = Buffer.from([0x81, 0x80 | payload.length]);
        else { head = Buffer.alloc(4); head[0] = 0x81; head[1] = 0x80 | 126; head.writeUInt16BE(payload.length, 2); }
        const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
        sock.write(Buffer.concat([head, mask, masked]));
      },
      onMessage(fn) { listeners.push(fn); },
      close() { sock.end(); },
    };
    sock.on('connect', () => {
      sock.write(`GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    });
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (!open) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.slice(0, end).toString();
        const accept = crypto.createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
        assert.match(head, /^HTTP\/1\.1 101/);
        assert.ok(head.includes(`Sec-WebSocket-Accept: ${accept}`), head);
        buf = buf.slice(end + 4);
        open = true;
        resolve(ws);
      }
      for (;;) {
        if (buf.length < 2) return;
        let len = buf[1] & 0x7f;
        let off = 2;
        if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
        else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
        if (buf.length < off + len) return;
        const msg = buf.slice(off, off + len).toString();
        const opcode = buf[0] & 0x0f;
        buf = buf.slice(off + len);
        if (opcode === 1) for (const fn of listeners) fn(JSON.parse(msg));
      }
    });
    sock.on('error', reject);
  });
}

(async () => {
  const child = spawn(nodus, ['--inspect-brk=0', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => { stdout += d; });
  const wsUrl = await new Promise((resolve) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /Debugger listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]);
    });
  });
  const port = +new URL(wsUrl).port;
  const list = await getJson(port, '/json/list');
  assert.strictEqual(list[0].webSocketDebuggerUrl, wsUrl);
  assert.ok(list[0].devtoolsFrontendUrl.startsWith('devtools://devtools/bundled/'), list[0].devtoolsFrontendUrl);
  assert.ok(list[0].devtoolsFrontendUrl.includes(`ws=127.0.0.1:${port}/`));
  const version = await getJson(port, '/json/version');
  assert.ok(version['Protocol-Version']);

  const ws = await connectWs(wsUrl);
  let nextId = 1;
  const pending = new Map();
  const events = [];
  let waiter = null;
  ws.onMessage((m) => {
    if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); return; }
    events.push(m);
    if (waiter) waiter();
  });
  const call = (method, params = {}) => new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    ws.send({ id, method, params });
  });
  const nextEvent = async (method) => {
    for (;;) {
      const i = events.findIndex((e) => e.method === method);
      if (i >= 0) return events.splice(i, 1)[0];
      await new Promise((r) => { waiter = r; });
    }
  };

  await call('Runtime.enable');
  await call('Debugger.enable');
  await call('Runtime.runIfWaitingForDebugger');
  const start = await nextEvent('Debugger.paused');
  assert.strictEqual(start.params.reason, 'Break on start');
  assert.strictEqual(start.params.callFrames[0].location.lineNumber, 0);
  // Call frames name their script by id (their `url` field is deprecated): scriptParsed maps it.
  const scriptId = start.params.callFrames[0].location.scriptId;
  const parsed = events.find((e) => e.method === 'Debugger.scriptParsed' && e.params.scriptId === scriptId);
  assert.ok(parsed && parsed.params.url === `file://${script}`, JSON.stringify(parsed && parsed.params));

  const bp = await call('Debugger.setBreakpointByUrl', { lineNumber: 2, urlRegex: 'debuggee\\.js$' });
  assert.ok(bp.result.breakpointId, JSON.stringify(bp));
  await call('Debugger.resume');
  const hit = await nextEvent('Debugger.paused');
  assert.strictEqual(hit.params.callFrames[0].location.lineNumber, 2);
  assert.deepStrictEqual(hit.params.hitBreakpoints, [bp.result.breakpointId]);
  const ev = await call('Debugger.evaluateOnCallFrame', { callFrameId: hit.params.callFrames[0].callFrameId, expression: 'v * 2' });
  assert.strictEqual(ev.result.result.value, 42);

  await call('Debugger.stepOver');
  const stepped = await nextEvent('Debugger.paused');
  assert.strictEqual(stepped.params.callFrames[0].location.lineNumber, 3);

  await call('Debugger.resume');
  const code = await new Promise((resolve) => child.on('exit', resolve));
  ws.close();
  assert.strictEqual(code, 0);
  assert.strictEqual(stdout.trim(), 'result 43');
  clearTimeout(deadline);
  console.log('inspect-brk session ok');
})().catch((err) => { console.error(err); process.exit(1); });
