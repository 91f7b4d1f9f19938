'use strict';
// import() inside code compiled by vm: refused without importModuleDynamically (Node 20's codes),
// refused for a callback (vm modules need --experimental-vm-modules), as in the main context with
// vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER; ordinary code is unaffected.
const vm = require('vm');

async function show(label, run) {
  try {
    const ns = await run();
    console.log(`${label}: ok ${typeof ns.readFileSync}`);
  } catch (e) {
    console.log(`${label}: ${e.name} ${e.code} ${e.message}`);
  }
}

(async () => {
  await show('runInThisContext', () => vm.runInThisContext('import("fs")'));
  await show('runInNewContext', () => vm.runInNewContext('import("fs")'));
  await show('runInContext', () => vm.runInContext('import("fs")', vm.createContext({})));
  await show('Script callback', () => new vm.Script('import("fs")', { importModuleDynamically: () => ({}) }).runInThisContext());
  await show('Script main loader', () => new vm.Script('import("fs")', {
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  }).runInThisContext());
  await show('compileFunction', () => vm.compileFunction('return import("fs")')());
  await show('compileFunction main loader', () => vm.compileFunction('return import("fs")', [], {
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })());
  await show('plain import()', () => import('fs'));
  await show('eval import()', () => eval('import("fs")'));
  for (const bad of [5, 'x', null]) {
    try {
      new vm.Script('1', { importModuleDynamically: bad });
      console.log('bad option: no throw');
    } catch (e) {
      console.log(`bad option ${String(bad)}: ${e.code} ${e.message}`);
    }
  }
})();
