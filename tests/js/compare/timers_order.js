'use strict';
// Ordering of nextTick, microtasks, timers and immediates: must print exactly what Node prints.
// Delays are far apart so that a loaded machine does not reorder what Node leaves to timing.
const log = [];
const p = (s) => log.push(s);

setImmediate(() => {
  p('immediate-1');
  process.nextTick(() => p('immediate-1 tick'));
  Promise.resolve().then(() => p('immediate-1 micro'));
  setImmediate(() => p('immediate-nested'));
});
setImmediate(() => p('immediate-2'));
process.nextTick(() => {
  p('tick-1');
  process.nextTick(() => p('tick-nested'));
  Promise.resolve().then(() => p('micro from tick'));
});
Promise.resolve().then(() => {
  p('micro-1');
  process.nextTick(() => p('tick from micro'));
});
queueMicrotask(() => p('queueMicrotask'));

setTimeout(() => {
  p('timeout-10a');
  process.nextTick(() => p('10a tick'));
  Promise.resolve().then(() => p('10a micro'));
}, 50);
setTimeout(() => p('timeout-10b'), 50);
const t = setTimeout(() => p('cleared'), 5);
clearTimeout(t);
const byId = setTimeout(() => p('cleared by id'), 5);
clearTimeout(+byId);
let n = 0;
const iv = setInterval(() => {
  p(`interval ${++n}`);
  if (n === 3) clearInterval(iv);
}, 80);
setTimeout(() => {
  const r = setTimeout(() => p('refreshed fired'), 60);
  setTimeout(() => r.refresh(), 30);
}, 300);
const u = setTimeout(() => p('unref never fires'), 100000);
u.unref();

process.on('exit', () => {
  console.log(log.join('\n'));
  console.log(typeof u.hasRef(), u.hasRef(), typeof t[Symbol.toPrimitive]());
});
