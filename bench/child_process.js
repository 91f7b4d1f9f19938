'use strict';
// child_process throughput: spawnSync('/bin/true') and spawn('/bin/true') + wait for 'close' per
// second, and IPC with a forked child (ping-pong round trips/s, one-way messages/s). Prints
// "<case> <ops/s>" lines for bench/child_process_run.sh. BENCH_MS: time per case.
const cp = require('child_process');
const path = require('path');
const ms = Number(process.env.BENCH_MS || 1000);

function report(name, ops, start) {
  console.log(`${name} ${Math.round(ops / ((performance.now() - start) / 1000))}`);
}

function spawnSyncCase() {
  const start = performance.now();
  let ops = 0;
  while (ops < 3 || performance.now() - start < ms) {
    cp.spawnSync('/bin/true');
    ops++;
  }
  report('spawnSync_true', ops, start);
}

function spawnWaitCase() {
  return new Promise((resolve) => {
    const start = performance.now();
    let ops = 0;
    const next = () => {
      if (ops >= 3 && performance.now() - start >= ms) {
        report('spawn_wait_true', ops, start);
        resolve();
        return;
      }
      cp.spawn('/bin/true').on('close', () => {
        ops++;
        next();
      });
    };
    next();
  });
}

// Ping-pong for `ms` (one message in flight), then the child streams messages for `ms`.
function ipcCases() {
  return new Promise((resolve) => {
    const child = cp.fork(path.join(__dirname, 'child_process_child.js'));
    const payload = { seq: 0, text: 'hello from the parent', list: [1, 2, 3] };
    let phase = 'warmup';
    let ops = 0;
    let start = performance.now();
    child.on('message', (m) => {
      if (phase === 'warmup') {
        // The child is up and the channel warm: the clock starts now.
        phase = 'pingpong';
        start = performance.now();
        child.send(payload);
      } else if (phase === 'pingpong') {
        ops++;
        if (performance.now() - start < ms) {
          payload.seq = ops;
          child.send(payload);
          return;
        }
        report('ipc_roundtrip', ops, start);
        phase = 'burst';
        ops = 0;
        start = performance.now();
        child.send({ burst: ms });
      } else if (m && m.sent !== undefined) {
        report('ipc_child_to_parent', ops, start);
        child.disconnect();
        child.on('exit', () => resolve());
      } else {
        ops++;
      }
    });
    child.send(payload);
  });
}

(async () => {
  spawnSyncCase();
  await spawnWaitCase();
  await ipcCases();
})();
