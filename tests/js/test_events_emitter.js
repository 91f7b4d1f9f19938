'use strict';
// EventEmitter: listener order, once, prepend, removal during emit, 'newListener'/'removeListener',
// the 'error' rules, errorMonitor, max-listener warnings and the listener queries.
const assert = require('assert');
const EventEmitter = require('events');

{
  const e = new EventEmitter();
  const seen = [];
  e.on('x', (a, b) => seen.push(['on', a, b]));
  e.prependListener('x', () => seen.push(['prepend']));
  e.once('x', () => seen.push(['once']));
  e.prependOnceListener('x', () => seen.push(['prependOnce']));
  assert.strictEqual(e.emit('x', 1, 2), true);
  assert.strictEqual(e.emit('x', 3, 4), true);
  assert.strictEqual(e.emit('nothing'), false);
  assert.deepStrictEqual(seen, [['prependOnce'], ['prepend'], ['on', 1, 2], ['once'], ['prepend'], ['on', 3, 4]]);
  assert.strictEqual(e.listenerCount('x'), 2);
  assert.deepStrictEqual(e.eventNames(), ['x']);
}

{
  // Listeners removed or added during an emit do not change that emit.
  const e = new EventEmitter();
  const calls = [];
  const b = () => calls.push('b');
  e.on('x', () => { calls.push('a'); e.removeListener('x', b); e.on('x', () => calls.push('c')); });
  e.on('x', b);
  e.emit('x');
  assert.deepStrictEqual(calls, ['a', 'b']);
  calls.length = 0;
  e.emit('x');
  assert.deepStrictEqual(calls, ['a', 'c']);
}

{
  const e = new EventEmitter();
  const events = [];
  e.on('newListener', (name, fn) => events.push(['new', name, typeof fn]));
  e.on('removeListener', (name) => events.push(['remove', name]));
  const f = () => {};
  e.once('y', f);
  assert.deepStrictEqual(e.listeners('y'), [f]);
  assert.notStrictEqual(e.rawListeners('y')[0], f);
  assert.strictEqual(e.rawListeners('y')[0].listener, f);
  e.off('y', f);
  assert.deepStrictEqual(events, [['new', 'removeListener', 'function'], ['new', 'y', 'function'], ['remove', 'y']]);
  e.on('z', f);
  e.on('z', f);
  assert.strictEqual(e.listenerCount('z', f), 2);
  e.removeAllListeners('z');
  assert.strictEqual(e.listenerCount('z'), 0);
  e.removeAllListeners();
  assert.deepStrictEqual(e.eventNames(), []);
}

{
  // 'error' with no listener throws the error itself, or ERR_UNHANDLED_ERROR for non-errors.
  const e = new EventEmitter();
  const err = new Error('boom');
  assert.throws(() => e.emit('error', err), (x) => x === err);
  assert.throws(() => e.emit('error', 'text'), {
    code: 'ERR_UNHANDLED_ERROR', message: "Unhandled error. ('text')", context: 'text',
  });
  assert.throws(() => e.emit('error'), { code: 'ERR_UNHANDLED_ERROR', message: 'Unhandled error. (undefined)' });
  const monitored = [];
  e.on(EventEmitter.errorMonitor, (x) => monitored.push(x));
  assert.throws(() => e.emit('error', err));
  assert.deepStrictEqual(monitored, [err]);
  e.on('error', () => {});
  assert.strictEqual(e.emit('error', err), true);
}

{
  const e = new EventEmitter();
  assert.strictEqual(e.getMaxListeners(), EventEmitter.defaultMaxListeners);
  e.setMaxListeners(1);
  assert.throws(() => e.setMaxListeners(-1), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => e.on('x', 1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "listener" argument must be of type function. Received type number (1)',
  });
  const warnings = [];
  const onWarning = (w) => warnings.push(w);
  process.on('warning', onWarning);
  e.on('leak', () => {});
  e.on('leak', () => {});
  e.on('leak', () => {});
  setImmediate(() => {
    process.removeListener('warning', onWarning);
    assert.strictEqual(warnings.length, 1);
    assert.strictEqual(warnings[0].name, 'MaxListenersExceededWarning');
    assert.strictEqual(warnings[0].count, 2);
    assert.strictEqual(warnings[0].type, 'leak');
    assert.match(warnings[0].message, /^Possible EventEmitter memory leak detected\. 2 leak listeners added to \[EventEmitter\]\. MaxListeners is 1\./);
  });
}

{
  // Subclassing and the legacy init pattern.
  class My extends EventEmitter {}
  const m = new My();
  let got;
  m.on('v', (v) => { got = v; });
  m.emit('v', 7);
  assert.strictEqual(got, 7);
  function Legacy() { EventEmitter.call(this); }
  Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
  const l = new Legacy();
  l.on('w', function() { got = this; });
  l.emit('w');
  assert.strictEqual(got, l);
  assert.strictEqual(EventEmitter.listenerCount(l, 'w'), 1);
  assert.deepStrictEqual(EventEmitter.getEventListeners(l, 'w').length, 1);
}
