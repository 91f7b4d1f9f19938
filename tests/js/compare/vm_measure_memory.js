'use strict';
// vm.measureMemory: option checks, and the shape of V8's report in both modes; the module's exports.
const vm = require('vm');
try { vm.measureMemory({mode: "x"}) } catch (e) { console.log(e.code, e.message) }
try { vm.measureMemory(1) } catch (e) { console.log(e.code, e.message) }
try { vm.measureMemory({execution: "lazy"}) } catch (e) { console.log(e.code, e.message) }
const p = vm.measureMemory({mode: "detailed", execution: "eager"}); console.log(p instanceof Promise);
p.then(r => console.log(Object.keys(r), Object.keys(r.current), Array.isArray(r.other), typeof r.total.jsMemoryEstimate, r.total.jsMemoryRange.length, r.total.jsMemoryEstimate > 100000));
vm.measureMemory().then(r => console.log('summary', Object.keys(r), typeof r.total.jsMemoryEstimate));
console.log(Object.keys(vm));
