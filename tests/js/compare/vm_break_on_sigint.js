'use strict';
// vm's breakOnSigint: a SIGINT during the run stops it with ERR_SCRIPT_EXECUTION_INTERRUPTED and
// does not reach the process (its default action or its 'SIGINT' listeners), which work again
// once the run is over. The signals are sent by the process to itself.
const vm = require('vm');

function interrupted(label, run) {
  try {
    const value = run();
    console.log(`${label}: returned ${value}`);
  } catch (e) {
    console.log(`${label}: ${e.name} ${e.code} ${e.message} ${e instanceof Error}`);
  }
}

// No listener yet: without breakOnSigint the signal would end the process.
interrupted('no listener, runInThisContext', () =>
  vm.runInThisContext('process.kill(process.pid, "SIGINT"); while (true) {}', { breakOnSigint: true }));
let heard = 0;
process.on('SIGINT', () => { heard++; });
interrupted('listener, runInNewContext', () => vm.runInNewContext('kill(); for (;;) {}',
  { kill: () => process.kill(process.pid, 'SIGINT') }, { breakOnSigint: true }));
interrupted('with a timeout too', () => vm.runInContext('kill(); for (;;) {}',
  vm.createContext({ kill: () => process.kill(process.pid, 'SIGINT') }), { breakOnSigint: true, timeout: 60000 }));
interrupted('Script reused after an interrupt', () => {
  const script = new vm.Script('typeof stop === "function" && stop(); n = (globalThis.n || 0) + 1; while (globalThis.spin) {} n');
  globalThis.spin = true;
  globalThis.stop = () => process.kill(process.pid, 'SIGINT');
  try { script.runInThisContext({ breakOnSigint: true }); } catch (e) { console.log(`first run: ${e.code}`); }
  globalThis.spin = false;
  globalThis.stop = undefined;
  return script.runInThisContext({ breakOnSigint: true });
});
interrupted('no signal, value returned', () => vm.runInThisContext('6 * 7', { breakOnSigint: true }));
console.log(`listener calls during runs: ${heard}`);
process.kill(process.pid, 'SIGINT');
setImmediate(() => console.log(`listener calls after: ${heard}`));
