'use strict';
// vm.constants.DONT_CONTEXTIFY: createContext makes a plain new context and returns its own
// global object (no interceptors: declarations and builtins are ordinary global properties).
const vm = require('vm');

const g = vm.createContext(vm.constants.DONT_CONTEXTIFY);
console.log('type and isContext:', typeof g, vm.isContext(g));
console.log('this is the global:', vm.runInContext('var a = 1; globalThis.b = 2; this === globalThis', g));
console.log('declarations are own properties:', g.a, g.b, Object.keys(g));
console.log('own builtins:', g.Array === Array, vm.runInContext('typeof Array', g), g.Array === vm.runInContext('Array', g));
console.log('prototype is not the main Object.prototype:', Object.getPrototypeOf(g) === Object.prototype);
console.log('let stays lexical:', vm.runInContext('let c = 3; c', g), g.c);
console.log('createContext again returns it:', vm.createContext(g) === g);
console.log('runInNewContext:', vm.runInNewContext('this.x = 5; x + 1', vm.constants.DONT_CONTEXTIFY));
const named = vm.createContext(vm.constants.DONT_CONTEXTIFY, { name: 'plain', codeGeneration: { strings: false } });
try {
  vm.runInContext('eval("1")', named);
} catch (e) {
  console.log('codeGeneration applies:', e.name);
}
const m = vm.createContext(vm.constants.DONT_CONTEXTIFY, { microtaskMode: 'afterEvaluate' });
console.log('afterEvaluate:', vm.runInContext('var r = 0; Promise.resolve().then(() => { r = 1; }); r', m), m.r);
for (const bad of [Symbol('x'), 1]) {
  try {
    vm.createContext(bad);
  } catch (e) {
    console.log('bad:', e.code, e.message);
  }
}
