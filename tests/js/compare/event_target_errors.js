'use strict';
// EventTarget listener errors (reported as uncaught, other listeners still run) and onabort.
const et = new EventTarget();
et.addEventListener('x', () => { throw new Error('boom'); });
et.addEventListener('x', () => console.log('second listener runs'));
et.addEventListener('y', async () => { throw new Error('async boom'); });
process.on('uncaughtException', (e) => console.log('uncaught', e.message));
console.log(et.dispatchEvent(new Event('x')));
et.dispatchEvent(new Event('y'));
console.log('after');
const ac = new AbortController();
ac.signal.onabort = function (e) { console.log('onabort this', this === ac.signal, e.type); };
ac.signal.addEventListener('abort', { handleEvent(e) { console.log('handleEvent', this !== ac.signal); } });
ac.abort();
console.log(ac.signal.onabort !== null, typeof ac.signal.onabort);
