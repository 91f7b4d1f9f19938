// An ES module entry for test_inspect_brk.js.
import { sep } from 'node:path';
const v = await Promise.resolve(20);
console.log('esm result', v + 1, sep);
