'use strict';
// Debuggee for test_signal.js. `busy`: spins in JS (the loop never turns) until a debugger sets
// globalThis.stop; `idle`: waits on a timer until then. Both bounded by a 20 s deadline.
const mode = process.argv[2];
const end = Date.now() + 20000;
console.log(`ready ${process.pid}`);
if (mode === 'busy') {
  let spins = 0;
  while (!globalThis.stop && Date.now() < end) spins++;
  console.log(globalThis.stop ? `stopped by the debugger after ${spins > 0} spins` : 'deadline');
} else {
  const t = setInterval(() => {
    if (!globalThis.stop && Date.now() < end) return;
    clearInterval(t);
    console.log(globalThis.stop ? 'stopped by the debugger' : 'deadline');
  }, 20);
}
