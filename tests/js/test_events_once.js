'use strict';
// events.once / events.on (with AbortSignal), captureRejections and Symbol.for('nodejs.rejection').
const assert = require('assert');
const EventEmitter = require('events');
const { once, on } = EventEmitter;

async function main() {
  const e = new EventEmitter();
  setImmediate(() => e.emit('ready', 1, 2));
  assert.deepStrictEqual(await once(e, 'ready'), [1, 2]);
  assert.strictEqual(e.listenerCount('ready'), 0);
  assert.strictEqual(e.listenerCount('error'), 0);

  // An 'error' while waiting rejects.
  setImmediate(() => e.emit('error', new Error('failed')));
  await assert.rejects(once(e, 'never'), { message: 'failed' });
  assert.strictEqual(e.listenerCount('never'), 0);

  // Abort.
  const ac = new AbortController();
  const p = once(e, 'never', { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, { name: 'AbortError', code: 'ABORT_ERR' });
  assert.strictEqual(e.listenerCount('never'), 0);
  await assert.rejects(once(e, 'x', { signal: AbortSignal.abort() }), { name: 'AbortError' });

  // events.on: an async iterator over emits.
  const it = on(e, 'data');
  process.nextTick(() => {
    e.emit('data', 'a');
    e.emit('data', 'b', 'c');
    e.emit('error', new Error('stop'));
  });
  const got = [];
  await assert.rejects(async () => {
    for await (const args of it) got.push(args);
  }, { message: 'stop' });
  assert.deepStrictEqual(got, [['a'], ['b', 'c']]);
  assert.strictEqual(e.listenerCount('data'), 0);

  // Breaking out of the loop removes the listeners.
  const it2 = on(e, 'tick');
  setImmediate(() => e.emit('tick', 1));
  for await (const [v] of it2) {
    assert.strictEqual(v, 1);
    break;
  }
  assert.strictEqual(e.listenerCount('tick'), 0);

  // once() works on EventTarget too.
  const et = new EventTarget();
  setImmediate(() => et.dispatchEvent(new Event('ping')));
  const [ev] = await once(et, 'ping');
  assert.strictEqual(ev.type, 'ping');

  // captureRejections: a rejected promise from a listener becomes 'error' ...
  const c = new EventEmitter({ captureRejections: true });
  const errored = once(c, 'error');
  c.on('go', async () => { throw new Error('async fail'); });
  c.emit('go');
  const [err] = await errored;
  assert.strictEqual(err.message, 'async fail');

  // ... or goes to the nodejs.rejection method when there is one.
  const r = new EventEmitter({ captureRejections: true });
  const seen = new Promise((resolve) => {
    r[Symbol.for('nodejs.rejection')] = (error, type, ...args) => resolve([error.message, type, args]);
  });
  r.on('evt', async (x) => { throw new Error(`bad ${x}`); });
  r.emit('evt', 5);
  assert.deepStrictEqual(await seen, ['bad 5', 'evt', [5]]);
  assert.strictEqual(EventEmitter.captureRejectionSymbol, Symbol.for('nodejs.rejection'));

  assert.throws(() => new EventEmitter({ captureRejections: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
  EventEmitter.setMaxListeners(5, e);
  assert.strictEqual(e.getMaxListeners(), 5);
  assert.strictEqual(EventEmitter.getMaxListeners(e), 5);
}

main().then(() => {}, (err) => {
  console.error(err);
  process.exit(1);
});
