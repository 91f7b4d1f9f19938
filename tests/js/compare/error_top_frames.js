'use strict';
// The first stack frame of errors thrown by argument checks names the API function, as in Node.
for (const f of [() => require('path').join(1), () => require('util').promisify(1), () => require('url').fileURLToPath(1), () => require('os').setPriority('x'), () => new (require('events'))().on('x', 1), () => require('util').parseArgs({ args: 1 }), () => require('util').inspect.defaultOptions = 1]) {
  try { f(); } catch (e) { console.log(e.stack.split('\n').slice(0, 2).join(' | ').replace(/ \(node:[^)]*\)/, '')); }
}
