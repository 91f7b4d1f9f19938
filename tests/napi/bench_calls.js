'use strict';
// Calls per second of trivial Node-API functions from JS. Prints one JSON line.
// Usage: <runtime> bench_calls.js <addon dir> [seconds per case]
const path = require('path');
const addon = require(path.join(process.argv[2], 'values.node'));
const seconds = Number(process.argv[3] || 1);

function measure(fn) {
  for (let i = 0; i < 2e5; i++) fn(i);  // warm up: optimized caller
  let calls = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    for (let i = 0; i < 1e5; i++) fn(i);
    calls += 1e5;
    now = process.hrtime.bigint();
  }
  return Math.round(calls / (Number(now - start) / 1e9));
}

const { noop, int32 } = addon;
const result = {
  noop: measure(() => noop()),
  int32: measure((i) => int32(i)),
};
process.stdout.write(JSON.stringify(result) + '\n');
