'use strict';
// vm runs inside vm runs: each timeout belongs to its own run; an outer run's timeout ends inner
// runs too without their JS seeing it (no catch block runs), and JS goes on afterwards.
const vm = require('vm');

function outcome(label, run) {
  try {
    console.log(`${label}: returned ${run()}`);
  } catch (e) {
    console.log(`${label}: ${e.code} ${e.message}`);
  }
}

globalThis.innerUntimed = () => vm.runInThisContext('while (true) {}');
outcome('outer timeout stops an untimed inner run', () => vm.runInThisContext('innerUntimed()', { timeout: 50 }));
globalThis.innerLonger = () => vm.runInThisContext('while (true) {}', { timeout: 60000 });
outcome('the shorter outer timeout wins', () => vm.runInThisContext('innerLonger()', { timeout: 50 }));
globalThis.innerShorter = () => {
  try {
    vm.runInThisContext('while (true) {}', { timeout: 20 });
  } catch (e) {
    console.log(`inner caught: ${e.code}`);
  }
  return 'inner went on';
};
outcome('the inner timeout is the inner run\'s', () => vm.runInThisContext('innerShorter()', { timeout: 60000 }));
globalThis.caughtNothing = [];
globalThis.innerCatching = () => {
  try {
    vm.runInNewContext('while (true) {}');
  } catch (e) {
    globalThis.caughtNothing.push('caught');
  }
  globalThis.caughtNothing.push('went on');
};
outcome('a termination is not an exception', () => vm.runInThisContext('innerCatching(); "done"', { timeout: 50 }));
console.log(`inner JS after the termination: ${JSON.stringify(globalThis.caughtNothing)}`);
outcome('afterwards', () => vm.runInThisContext('6 * 7', { timeout: 1000 }));
