'use strict';
// What the inspector tests share (they run on Node.js, the drivers): starting nodus and reading
// the "Debugger listening on ws://..." line, GET of the /json endpoints, and a minimal
// WebSocket client (masked frames out, unmasked frames in) speaking the DevTools protocol.
const assert = require('assert');
const { spawn } = require('child_process');
const crypto = require('crypto');
const http = require('http');
const net = require('net');

function getJson(port, path) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

// The status of a GET with extra headers.
function getStatus(port, path, headers) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

// Starts nodus; `ws` resolves with the WebSocket URL the first time stderr announces one, and
// `waitingForDisconnect` when the program has ended with a debugger still attached (it then waits,
// as Node does, until the debugger disconnects).
function start(nodus, args) {
  const child = spawn(nodus, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { child, stdout: '', stderr: '' };
  child.stdout.on('data', (d) => { out.stdout += d; });
  let announce, ended;
  out.ws = new Promise((resolve) => { announce = resolve; });
  out.waitingForDisconnect = new Promise((resolve) => { ended = resolve; });
  child.stderr.on('data', (d) => {
    out.stderr += d;
    const m = /Debugger listening on (ws:\/\/\S+)/.exec(out.stderr);
    if (m) announce(m[1]);
    if (out.stderr.includes('Waiting for the debugger to disconnect...\n')) ended();
  });
  out.exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return out;
}

// Resolves once `text` has appeared on the child's stdout.
function waitForStdout(out, text) {
  return new Promise((resolve) => {
    const check = () => {
      if (!out.stdout.includes(text)) return;
      out.child.stdout.off('data', check);
      resolve();
    };
    out.child.stdout.on('data', check);
    check();
  });
}

function connectWs(url) {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = net.connect(+port, hostname);
    const key = crypto.randomBytes(16).toString('base64');
    let buf = Buffer.alloc(0);
    let open = false;
    const listeners = [];
    // One masked frame: FIN flag + opcode (1 text, 0 continuation).
    const frame = (first, payload) => {
      const mask = crypto.randomBytes(4);
      let head;
      if (payload.length < 126) head = Buffer.from([first, 0x80 | payload.length]);
      else { head = Buffer.alloc(4); head[0] = first; head[1] = 0x80 | 126; head.writeUInt16BE(payload.length, 2); }
      const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
      return Buffer.concat([head, mask, masked]);
    };
    const ws = {
      // `fragments` > 1 splits the message into a text frame and continuation frames.
      send(obj, fragments = 1) {
        const payload = Buffer.from(JSON.stringify(obj));
        const size = Math.ceil(payload.length / fragments);
        for (let i = 0; i < fragments; i++) {
          const last = i === fragments - 1;
          sock.write(frame((last ? 0x80 : 0) | (i === 0 ? 1 : 0), payload.subarray(i * size, last ? payload.length : (i + 1) * size)));
        }
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

// A DevTools protocol session: call(method, params[, fragments]) resolves with the reply;
// nextEvent(method) with the first not yet taken notification of that name.
async function session(url) {
  const ws = await connectWs(url);
  let nextId = 1;
  const pending = new Map();
  const events = [];
  let waiter = null;
  ws.onMessage((m) => {
    if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); return; }
    events.push(m);
    if (waiter) waiter();
  });
  return {
    events,
    close: () => ws.close(),
    call: (method, params = {}, fragments = 1) => new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send({ id, method, params }, fragments);
    }),
    async nextEvent(method, filter = () => true) {
      for (;;) {
        const i = events.findIndex((e) => e.method === method && filter(e));
        if (i >= 0) return events.splice(i, 1)[0];
        await new Promise((r) => { waiter = r; });
      }
    },
  };
}

// Fails the test if it has not finished in `ms` (the drivers' only guard against a hang).
function deadline(ms) {
  const t = setTimeout(() => { console.error('timed out'); process.exit(1); }, ms);
  return () => clearTimeout(t);
}

module.exports = { getJson, getStatus, start, waitForStdout, session, deadline };
