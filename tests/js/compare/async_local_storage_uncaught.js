'use strict';
// 'uncaughtException' listeners run in the async context of the callback that threw: its
// AsyncLocalStorage store, for ticks, timers, intervals, immediates, fs and dns callbacks.
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const seen = [];
process.on('uncaughtException', (e) => { seen.push(`${e.message}:${als.getStore()}`); });
als.run('tick-store', () => process.nextTick(() => { throw new Error('tick'); }));
als.run('timer-store', () => setTimeout(() => { throw new Error('timer'); }, 1));
als.run('immediate-store', () => setImmediate(() => { throw new Error('immediate'); }));
als.run('fs-store', () => require('fs').stat(__filename, () => { throw new Error('fs'); }));
als.run('dns-store', () => require('dns').lookup('localhost', () => { throw new Error('dns'); }));
als.run('interval-store', () => { const t = setInterval(() => { clearInterval(t); throw new Error('interval'); }, 1); });
setTimeout(() => { console.log(seen.sort().join('\n')); console.log('store after:', als.getStore()); }, 200);
