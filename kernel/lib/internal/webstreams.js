'use strict';
// WHATWG streams, kept small: ReadableStream (default controller; 'bytes' sources are treated as
// default ones), WritableStream, TransformStream, the two queuing strategies and the text
// encoding streams (the compression streams are in internal/webstreams_compression). The
// algorithms follow the Streams Standard's names so they can be checked against it; BYOB readers
// are not provided.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
} = require('internal/errors');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kSkip = Symbol('kSkip');
const kState = Symbol('kState');

let inspectFn;
function inspect(value, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, opts);
}
function inspectAs(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function invalidState(message) {
  return new ERR_INVALID_STATE.TypeError(message);
}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject, settled: false };
}

function settleResolve(d, value) {
  if (d.settled) return;
  d.settled = true;
  d.resolve(value);
}

function settleReject(d, reason) {
  if (d.settled) return;
  d.settled = true;
  d.promise.catch(() => {});  // rejections of `closed` are observed or deliberately ignored
  d.reject(reason);
}

function promiseCall(fn, thisArg, ...args) {
  if (fn === undefined) return Promise.resolve();
  try {
    return Promise.resolve(fn.apply(thisArg, args));
  } catch (err) {
    return Promise.reject(err);
  }
}

function extractHighWaterMark(strategy, defaultHWM) {
  const hwm = strategy?.highWaterMark;
  if (hwm === undefined) return defaultHWM;
  const n = Number(hwm);
  if (Number.isNaN(n) || n < 0) throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', hwm);
  return n;
}

function extractSizeAlgorithm(strategy) {
  const size = strategy?.size;
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

function validateSize(size) {
  const n = Number(size);
  if (Number.isNaN(n) || n < 0 || n === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  return n;
}

// ---- queuing strategies ---------------------------------------------------------------------------

class CountQueuingStrategy {
  #highWaterMark;
  constructor(init) {
    if (init === null || typeof init !== 'object') throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
    if (init.highWaterMark === undefined) throw new ERR_INVALID_ARG_VALUE('init.highWaterMark', undefined);
    this.#highWaterMark = Number(init.highWaterMark);
  }
  get highWaterMark() { return this.#highWaterMark; }
  get size() { return function size() { return 1; }; }
  [customInspect](depth, options) {
    return inspectAs(this, { highWaterMark: this.highWaterMark }, depth, options);
  }
}

class ByteLengthQueuingStrategy {
  #highWaterMark;
  constructor(init) {
    if (init === null || typeof init !== 'object') throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
    if (init.highWaterMark === undefined) throw new ERR_INVALID_ARG_VALUE('init.highWaterMark', undefined);
    this.#highWaterMark = Number(init.highWaterMark);
  }
  get highWaterMark() { return this.#highWaterMark; }
  get size() { return function size(chunk) { return chunk.byteLength; }; }
  [customInspect](depth, options) {
    return inspectAs(this, { highWaterMark: this.highWaterMark }, depth, options);
  }
}

// ---- ReadableStream -----------------------------------------------------------------------------

class ReadableStreamDefaultController {
  constructor(skip) {
    if (skip !== kSkip) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    return readableControllerDesiredSize(this[kState]);
  }

  close() {
    const c = this[kState];
    if (!canCloseOrEnqueue(c)) throw invalidState('Controller is already closed');
    readableControllerClose(c);
  }

  enqueue(chunk) {
    const c = this[kState];
    if (!canCloseOrEnqueue(c)) throw invalidState('Controller is already closed');
    readableControllerEnqueue(c, chunk);
  }

  error(error) {
    readableControllerError(this[kState], error);
  }

  [customInspect](depth, options) {
    return inspectAs(this, {}, depth, options);
  }
}

function readableControllerDesiredSize(c) {
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function canCloseOrEnqueue(c) {
  return !c.closeRequested && c.stream[kState].state === 'readable';
}

function readableControllerShouldCallPull(c) {
  if (!canCloseOrEnqueue(c) || !c.started) return false;
  const s = c.stream[kState];
  if (s.reader !== undefined && s.reader[kState].readRequests.length > 0) return true;
  return readableControllerDesiredSize(c) > 0;
}

function readableControllerCallPullIfNeeded(c) {
  if (!readableControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  c.pullAlgorithm().then(() => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      readableControllerCallPullIfNeeded(c);
    }
  }, (err) => readableControllerError(c, err));
}

function readableControllerClearAlgorithms(c) {
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  c.strategySize = undefined;
}

function readableControllerClose(c) {
  c.closeRequested = true;
  if (c.queue.length === 0) {
    readableControllerClearAlgorithms(c);
    readableStreamClose(c.stream);
  }
}

function readableControllerEnqueue(c, chunk) {
  const s = c.stream[kState];
  if (s.reader !== undefined && s.reader[kState].readRequests.length > 0) {
    const req = s.reader[kState].readRequests.shift();
    req.chunk(chunk);
  } else {
    let size;
    try {
      size = validateSize(c.strategySize(chunk));
    } catch (err) {
      readableControllerError(c, err);
      throw err;
    }
    c.queue.push({ value: chunk, size });
    c.queueTotalSize += size;
  }
  readableControllerCallPullIfNeeded(c);
}

function readableControllerError(c, error) {
  const s = c.stream[kState];
  if (s.state !== 'readable') return;
  c.queue = [];
  c.queueTotalSize = 0;
  readableControllerClearAlgorithms(c);
  readableStreamError(c.stream, error);
}

function readableStreamClose(stream) {
  const s = stream[kState];
  s.state = 'closed';
  const reader = s.reader;
  if (reader === undefined) return;
  const r = reader[kState];
  settleResolve(r.closed, undefined);
  const requests = r.readRequests;
  r.readRequests = [];
  for (const req of requests) req.close();
}

function readableStreamError(stream, error) {
  const s = stream[kState];
  s.state = 'errored';
  s.storedError = error;
  const reader = s.reader;
  if (reader === undefined) return;
  const r = reader[kState];
  settleReject(r.closed, error);
  const requests = r.readRequests;
  r.readRequests = [];
  for (const req of requests) req.error(error);
}

function readableStreamCancel(stream, reason) {
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') return Promise.resolve();
  if (s.state === 'errored') return Promise.reject(s.storedError);
  readableStreamClose(stream);
  const c = s.controller;
  c.queue = [];
  c.queueTotalSize = 0;
  const cancel = c.cancelAlgorithm;
  readableControllerClearAlgorithms(c);
  return (cancel ? cancel(reason) : Promise.resolve()).then(() => undefined);
}

function readableStreamRead(reader) {
  const r = reader[kState];
  const stream = r.stream;
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') return Promise.resolve({ value: undefined, done: true });
  if (s.state === 'errored') return Promise.reject(s.storedError);
  const c = s.controller;
  if (c.queue.length > 0) {
    const { value, size } = c.queue.shift();
    c.queueTotalSize -= size;
    if (c.queueTotalSize < 0) c.queueTotalSize = 0;
    if (c.closeRequested && c.queue.length === 0) {
      readableControllerClearAlgorithms(c);
      readableStreamClose(stream);
    } else {
      readableControllerCallPullIfNeeded(c);
    }
    return Promise.resolve({ value, done: false });
  }
  const d = deferred();
  r.readRequests.push({
    chunk: (value) => d.resolve({ value, done: false }),
    close: () => d.resolve({ value: undefined, done: true }),
    error: (e) => d.reject(e),
  });
  readableControllerCallPullIfNeeded(c);
  return d.promise;
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    if (stream.locked) throw invalidState('ReadableStream is locked');
    const s = stream[kState];
    this[kState] = { stream, readRequests: [], closed: deferred() };
    s.reader = this;
    if (s.state === 'closed') settleResolve(this[kState].closed, undefined);
    else if (s.state === 'errored') settleReject(this[kState].closed, s.storedError);
  }

  read() {
    const r = this[kState];
    if (r === undefined) return Promise.reject(new ERR_INVALID_ARG_TYPE('this', 'ReadableStreamDefaultReader', this));
    if (r.stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    return readableStreamRead(this);
  }

  releaseLock() {
    const r = this[kState];
    if (r.stream === undefined) return;
    const s = r.stream[kState];
    const err = invalidState('Reader released');
    if (s.state === 'readable') settleReject(r.closed, err);
    else {
      r.closed = deferred();
      settleReject(r.closed, err);
    }
    const requests = r.readRequests;
    r.readRequests = [];
    for (const req of requests) req.error(err);
    s.reader = undefined;
    r.stream = undefined;
  }

  cancel(reason) {
    const r = this[kState];
    if (r.stream === undefined) return Promise.reject(invalidState('The reader is not attached to a stream'));
    return readableStreamCancel(r.stream, reason);
  }

  get closed() {
    return this[kState].closed.promise;
  }

  [customInspect](depth, options) {
    const r = this[kState];
    return inspectAs(this, {
      stream: r.stream,
      readRequests: r.readRequests.length,
      close: r.closed.promise,
    }, depth, options);
  }
}

function isReadableStream(v) {
  return v != null && typeof v === 'object' && v[kState]?.kind === 'readable';
}

class ReadableStream {
  constructor(source = {}, strategy = {}) {
    if (source === null) source = {};
    if (typeof source !== 'object' && typeof source !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('source', 'Object', source);
    }
    this[kState] = {
      kind: 'readable',
      state: 'readable',
      reader: undefined,
      storedError: undefined,
      disturbed: false,
      controller: undefined,
    };
    const controller = new ReadableStreamDefaultController(kSkip);
    const type = source.type === undefined ? undefined : `${source.type}`;
    if (type !== undefined && type !== 'bytes') {
      throw new ERR_INVALID_ARG_VALUE.RangeError('source.type', type);
    }
    const hwm = extractHighWaterMark(strategy, type === 'bytes' ? 0 : 1);
    const sizeAlgorithm = type === 'bytes' ? (chunk) => chunk.byteLength : extractSizeAlgorithm(strategy);
    setupReadableController(this, controller, source, hwm, sizeAlgorithm);
  }

  get locked() {
    return this[kState].reader !== undefined;
  }

  cancel(reason = undefined) {
    if (this.locked) return Promise.reject(invalidState('ReadableStream is locked'));
    return readableStreamCancel(this, reason);
  }

  getReader(options = undefined) {
    if (options?.mode !== undefined) {
      if (`${options.mode}` === 'byob') {
        throw new ERR_INVALID_ARG_VALUE('options.mode', options.mode, 'is not supported by nodus');
      }
      throw new ERR_INVALID_ARG_VALUE('options.mode', options.mode);
    }
    return new ReadableStreamDefaultReader(this);
  }

  pipeThrough(transform, options = {}) {
    if (transform === null || typeof transform !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('transform', 'Object', transform);
    }
    const { readable, writable } = transform;
    if (!isReadableStream(readable)) throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    if (!isWritableStream(writable)) throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', writable);
    if (this.locked) throw invalidState('The ReadableStream is locked');
    if (writable.locked) throw invalidState('The WritableStream is locked');
    const p = readableStreamPipeTo(this, writable, options);
    p.catch(() => {});
    return readable;
  }

  pipeTo(destination, options = {}) {
    if (!isWritableStream(destination)) {
      return Promise.reject(new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', destination));
    }
    if (this.locked) return Promise.reject(invalidState('The ReadableStream is locked'));
    if (destination.locked) return Promise.reject(invalidState('The WritableStream is locked'));
    return readableStreamPipeTo(this, destination, options);
  }

  tee() {
    return readableStreamTee(this);
  }

  values(options = undefined) {
    const preventCancel = !!options?.preventCancel;
    const reader = this.getReader();
    let done = false;
    const iterator = {
      next() {
        if (done) return Promise.resolve({ value: undefined, done: true });
        return reader.read().then((result) => {
          if (result.done) {
            done = true;
            reader.releaseLock();
          }
          return result;
        }, (err) => {
          done = true;
          reader.releaseLock();
          throw err;
        });
      },
      return(value) {
        if (done) return Promise.resolve({ value, done: true });
        done = true;
        if (!preventCancel) {
          const p = reader.cancel(value);
          reader.releaseLock();
          return p.then(() => ({ value, done: true }));
        }
        reader.releaseLock();
        return Promise.resolve({ value, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
    Object.setPrototypeOf(iterator, AsyncIteratorPrototype);
    return iterator;
  }

  [Symbol.asyncIterator](options) {
    return this.values(options);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }

  [customInspect](depth, options) {
    return inspectAs(this, {
      locked: this.locked,
      state: this[kState].state,
      supportsBYOB: false,
    }, depth, options);
  }
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(
  async function* () {}).prototype);

function setupReadableController(stream, controller, source, hwm, sizeAlgorithm) {
  const c = {
    stream,
    queue: [],
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    strategyHWM: hwm,
    strategySize: sizeAlgorithm,
    pullAlgorithm: () => promiseCall(source.pull, source, controller),
    cancelAlgorithm: (reason) => promiseCall(source.cancel, source, reason),
  };
  controller[kState] = c;
  stream[kState].controller = c;
  let startResult;
  try {
    startResult = source.start === undefined ? undefined : source.start.call(source, controller);
  } catch (err) {
    throw err;
  }
  Promise.resolve(startResult).then(() => {
    c.started = true;
    readableControllerCallPullIfNeeded(c);
  }, (err) => readableControllerError(c, err));
}

// A stream made by the kernel itself from pull/cancel functions.
function createReadableStream(pull, cancel, hwm = 1, size = () => 1) {
  const stream = Object.create(ReadableStream.prototype);
  stream[kState] = {
    kind: 'readable', state: 'readable', reader: undefined, storedError: undefined,
    disturbed: false, controller: undefined,
  };
  const controller = new ReadableStreamDefaultController(kSkip);
  setupReadableController(stream, controller, {
    pull: (ctrl) => pull(ctrl),
    cancel: (reason) => cancel(reason),
  }, hwm, size);
  return stream;
}

function readableStreamFromIterable(iterable) {
  if (iterable == null) throw new ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
  let iterator;
  if (typeof iterable[Symbol.asyncIterator] === 'function') {
    iterator = iterable[Symbol.asyncIterator]();
  } else if (typeof iterable[Symbol.iterator] === 'function') {
    iterator = iterable[Symbol.iterator]();
  } else {
    throw new ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
  }
  return createReadableStream(async (controller) => {
    const result = await iterator.next();
    if (result.done) controller.close();
    else controller.enqueue(await result.value);
  }, async (reason) => {
    if (typeof iterator.return === 'function') await iterator.return(reason);
  }, 0);
}

function readableStreamTee(stream) {
  const reader = stream.getReader();
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = deferred();
  const pull = () => {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    reader.read().then(({ value, done }) => {
      reading = false;
      if (done) {
        if (!canceled1) readableControllerClose(branch1[kState].controller);
        if (!canceled2) readableControllerClose(branch2[kState].controller);
        settleResolve(cancelPromise, undefined);
        return;
      }
      if (!canceled1) readableControllerEnqueue(branch1[kState].controller, value);
      if (!canceled2) {
        readableControllerEnqueue(branch2[kState].controller,
                                  value !== null && typeof value === 'object' ? structuredCloneIfPossible(value) : value);
      }
      if (readAgain) {
        readAgain = false;
        pull();
      }
    }, () => {
      reading = false;
    });
    return Promise.resolve();
  };
  const cancelBoth = () => {
    const p = readableStreamCancel(stream, [reason1, reason2]);
    p.then((v) => settleResolve(cancelPromise, v), (e) => settleReject(cancelPromise, e));
  };
  branch1 = createReadableStream(pull, (reason) => {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelBoth();
    return cancelPromise.promise;
  });
  branch2 = createReadableStream(pull, (reason) => {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelBoth();
    return cancelPromise.promise;
  });
  reader.closed.catch((err) => {
    readableControllerError(branch1[kState].controller, err);
    readableControllerError(branch2[kState].controller, err);
    settleResolve(cancelPromise, undefined);
  });
  return [branch1, branch2];
}

function structuredCloneIfPossible(value) {
  // Both branches share chunks, as Node does unless asked to clone.
  return value;
}

function readableStreamPipeTo(source, dest, options) {
  const preventClose = !!options?.preventClose;
  const preventAbort = !!options?.preventAbort;
  const preventCancel = !!options?.preventCancel;
  const signal = options?.signal;
  if (signal !== undefined) {
    const { validateAbortSignal } = require('internal/validators');
    validateAbortSignal(signal, 'options.signal');
  }
  const reader = source.getReader();
  const writer = dest.getWriter();
  source[kState].disturbed = true;
  const result = deferred();
  let shuttingDown = false;
  let currentWrite = Promise.resolve();
  // The read in progress: a close seen by `reader.closed` waits for its chunk to be written.
  let pendingRead = Promise.resolve();

  function finalize(isError, error) {
    writer.releaseLock();
    reader.releaseLock();
    if (signal !== undefined) signal.removeEventListener('abort', onAbort);
    if (isError) result.reject(error);
    else result.resolve(undefined);
  }

  function shutdown(action, isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    const waitWrites = () => currentWrite.catch(() => {});
    const run = () => {
      if (action === undefined) return finalize(isError, error);
      action().then(() => finalize(isError, error), (e) => finalize(true, e));
    };
    if (dest[kState].state === 'writable' && !writableCloseQueuedOrInFlight(dest[kState])) {
      waitWrites().then(run);
    } else {
      run();
    }
  }

  function onAbort() {
    const error = signal.reason;
    const actions = [];
    if (!preventAbort) {
      actions.push(() => (dest[kState].state === 'writable' ? writableStreamAbort(dest, error) : Promise.resolve()));
    }
    if (!preventCancel) {
      actions.push(() => (source[kState].state === 'readable' ? readableStreamCancel(source, error) : Promise.resolve()));
    }
    shutdown(() => Promise.all(actions.map((a) => a())), true, error);
  }

  if (signal !== undefined) {
    if (signal.aborted) {
      onAbort();
      return result.promise;
    }
    signal.addEventListener('abort', onAbort, { once: true });
  }

  // Errors and closes on either side.
  reader.closed.then(() => pendingRead.then(() => {
    if (!preventClose) shutdown(() => writableStreamDefaultWriterCloseWithErrorPropagation(writer), false);
    else shutdown(undefined, false);
  }), (err) => {
    if (!preventAbort) shutdown(() => writableStreamAbort(dest, err), true, err);
    else shutdown(undefined, true, err);
  });
  writer.closed.then(() => {
    if (shuttingDown) return;
    const err = invalidState('the destination writable stream closed before all data could be piped to it');
    if (!preventCancel) shutdown(() => readableStreamCancel(source, err), true, err);
    else shutdown(undefined, true, err);
  }, (err) => {
    if (!preventCancel) shutdown(() => readableStreamCancel(source, err), true, err);
    else shutdown(undefined, true, err);
  });

  function loop() {
    if (shuttingDown) return;
    writer.ready.then(() => {
      if (shuttingDown) return;
      pendingRead = reader.read().then(({ value, done }) => {
        if (done || shuttingDown) return;
        currentWrite = writer.write(value);
        currentWrite.catch(() => {});
        loop();
      }).catch(() => {});
    }, () => {});
  }
  loop();
  return result.promise;
}

// ---- WritableStream -----------------------------------------------------------------------------

class WritableStreamDefaultController {
  constructor(skip) {
    if (skip !== kSkip) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  error(error) {
    const c = this[kState];
    if (c.stream[kState].state !== 'writable') return;
    writableControllerError(c, error);
  }

  get signal() {
    return this[kState].abortController.signal;
  }

  [customInspect](depth, options) {
    return inspectAs(this, {}, depth, options);
  }
}

const kCloseSentinel = Symbol('close');

function isWritableStream(v) {
  return v != null && typeof v === 'object' && v[kState]?.kind === 'writable';
}

function writableCloseQueuedOrInFlight(s) {
  return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

class WritableStream {
  constructor(sink = {}, strategy = {}) {
    if (sink === null) sink = {};
    if (typeof sink !== 'object' && typeof sink !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('sink', 'Object', sink);
    }
    if (sink.type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('sink.type', sink.type);
    this[kState] = {
      kind: 'writable',
      state: 'writable',
      storedError: undefined,
      writer: undefined,
      controller: undefined,
      writeRequests: [],
      inFlightWriteRequest: undefined,
      closeRequest: undefined,
      inFlightCloseRequest: undefined,
      pendingAbortRequest: undefined,
      backpressure: false,
    };
    const hwm = extractHighWaterMark(strategy, 1);
    const size = extractSizeAlgorithm(strategy);
    const controller = new WritableStreamDefaultController(kSkip);
    const { AbortController } = require('internal/abort_controller');
    const c = {
      stream: this,
      queue: [],
      queueTotalSize: 0,
      started: false,
      strategyHWM: hwm,
      strategySize: size,
      abortController: new AbortController(),
      writeAlgorithm: (chunk) => promiseCall(sink.write, sink, chunk, controller),
      closeAlgorithm: () => promiseCall(sink.close, sink),
      abortAlgorithm: (reason) => promiseCall(sink.abort, sink, reason),
    };
    controller[kState] = c;
    this[kState].controller = c;
    this[kState].backpressure = writableControllerGetBackpressure(c);
    let startResult;
    startResult = sink.start === undefined ? undefined : sink.start.call(sink, controller);
    Promise.resolve(startResult).then(() => {
      c.started = true;
      writableControllerAdvanceQueueIfNeeded(c);
    }, (err) => {
      c.started = true;
      writableStreamDealWithRejection(this, err);
    });
  }

  get locked() {
    return this[kState].writer !== undefined;
  }

  abort(reason = undefined) {
    if (this.locked) return Promise.reject(invalidState('WritableStream is locked'));
    return writableStreamAbort(this, reason);
  }

  close() {
    if (this.locked) return Promise.reject(invalidState('WritableStream is locked'));
    if (writableCloseQueuedOrInFlight(this[kState])) {
      return Promise.reject(invalidState('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    return new WritableStreamDefaultWriter(this);
  }

  [customInspect](depth, options) {
    return inspectAs(this, { locked: this.locked, state: this[kState].state }, depth, options);
  }
}

function writableControllerGetDesiredSize(c) {
  return c.strategyHWM - c.queueTotalSize;
}

function writableControllerGetBackpressure(c) {
  return writableControllerGetDesiredSize(c) <= 0;
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const s = stream[kState];
  const writer = s.writer;
  if (writer !== undefined && backpressure !== s.backpressure) {
    const w = writer[kState];
    if (backpressure) w.ready = deferred();
    else settleResolve(w.ready, undefined);
  }
  s.backpressure = backpressure;
}

function writableStreamAbort(stream, reason) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
  s.controller.abortController.abort(reason);
  if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
  if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.promise.promise;
  let wasAlreadyErroring = false;
  if (s.state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const d = deferred();
  s.pendingAbortRequest = { promise: d, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return d.promise;
}

function writableStreamClose(stream) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  const d = deferred();
  s.closeRequest = d;
  const writer = s.writer;
  if (writer !== undefined && s.backpressure && s.state === 'writable') {
    settleResolve(writer[kState].ready, undefined);
  }
  const c = s.controller;
  c.queue.push({ value: kCloseSentinel, size: 0 });
  writableControllerAdvanceQueueIfNeeded(c);
  return d.promise;
}

function writableStreamStartErroring(stream, reason) {
  const s = stream[kState];
  const c = s.controller;
  s.state = 'erroring';
  s.storedError = reason;
  const writer = s.writer;
  if (writer !== undefined) writerEnsureReadyPromiseRejected(writer, reason);
  if (s.inFlightWriteRequest === undefined && s.inFlightCloseRequest === undefined && c.started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  const s = stream[kState];
  const c = s.controller;
  s.state = 'errored';
  c.queue = [];
  c.queueTotalSize = 0;
  const storedError = s.storedError;
  for (const req of s.writeRequests) settleReject(req, storedError);
  s.writeRequests = [];
  if (s.pendingAbortRequest === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const abortRequest = s.pendingAbortRequest;
  s.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    settleReject(abortRequest.promise, storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  c.abortAlgorithm(abortRequest.reason).then(() => {
    settleResolve(abortRequest.promise, undefined);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  }, (err) => {
    settleReject(abortRequest.promise, err);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const s = stream[kState];
  if (s.closeRequest !== undefined) {
    settleReject(s.closeRequest, s.storedError);
    s.closeRequest = undefined;
  }
  const writer = s.writer;
  if (writer !== undefined) settleReject(writer[kState].closed, s.storedError);
}

function writableStreamDealWithRejection(stream, error) {
  const s = stream[kState];
  if (s.state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableControllerError(c, error) {
  writableStreamStartErroring(c.stream, error);
}

function writableControllerAdvanceQueueIfNeeded(c) {
  const stream = c.stream;
  const s = stream[kState];
  if (!c.started || s.inFlightWriteRequest !== undefined) return;
  if (s.state === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (c.queue.length === 0) return;
  const { value } = c.queue[0];
  if (value === kCloseSentinel) {
    s.inFlightCloseRequest = s.closeRequest;
    s.closeRequest = undefined;
    c.queue.shift();
    c.closeAlgorithm().then(() => {
      settleResolve(s.inFlightCloseRequest, undefined);
      s.inFlightCloseRequest = undefined;
      if (s.state === 'erroring') {
        s.storedError = undefined;
        if (s.pendingAbortRequest !== undefined) {
          settleResolve(s.pendingAbortRequest.promise, undefined);
          s.pendingAbortRequest = undefined;
        }
      }
      s.state = 'closed';
      const writer = s.writer;
      if (writer !== undefined) settleResolve(writer[kState].closed, undefined);
    }, (err) => {
      settleReject(s.inFlightCloseRequest, err);
      s.inFlightCloseRequest = undefined;
      if (s.pendingAbortRequest !== undefined) {
        settleReject(s.pendingAbortRequest.promise, err);
        s.pendingAbortRequest = undefined;
      }
      writableStreamDealWithRejection(stream, err);
    });
    return;
  }
  s.inFlightWriteRequest = s.writeRequests.shift();
  c.writeAlgorithm(value).then(() => {
    settleResolve(s.inFlightWriteRequest, undefined);
    s.inFlightWriteRequest = undefined;
    const { size } = c.queue.shift();
    c.queueTotalSize = Math.max(0, c.queueTotalSize - size);
    if (!writableCloseQueuedOrInFlight(s) && s.state === 'writable') {
      writableStreamUpdateBackpressure(stream, writableControllerGetBackpressure(c));
    }
    writableControllerAdvanceQueueIfNeeded(c);
  }, (err) => {
    settleReject(s.inFlightWriteRequest, err);
    s.inFlightWriteRequest = undefined;
    if (s.state === 'writable') c.queue = [];
    writableStreamDealWithRejection(stream, err);
  });
}

function writerEnsureReadyPromiseRejected(writer, error) {
  const w = writer[kState];
  if (w.ready.settled) w.ready = deferred();
  settleReject(w.ready, error);
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  if (writableCloseQueuedOrInFlight(s) || s.state === 'closed') return Promise.resolve();
  if (s.state === 'errored') return Promise.reject(s.storedError);
  return writableStreamClose(stream);
}

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    if (stream.locked) throw invalidState('WritableStream is locked');
    const s = stream[kState];
    const w = { stream, ready: deferred(), closed: deferred() };
    this[kState] = w;
    s.writer = this;
    if (s.state === 'writable') {
      if (!writableCloseQueuedOrInFlight(s) && s.backpressure) {
        // ready stays pending
      } else {
        settleResolve(w.ready, undefined);
      }
    } else if (s.state === 'erroring') {
      settleReject(w.ready, s.storedError);
    } else if (s.state === 'closed') {
      settleResolve(w.ready, undefined);
      settleResolve(w.closed, undefined);
    } else {
      settleReject(w.ready, s.storedError);
      settleReject(w.closed, s.storedError);
    }
  }

  get closed() { return this[kState].closed.promise; }
  get ready() { return this[kState].ready.promise; }

  get desiredSize() {
    const w = this[kState];
    if (w.stream === undefined) throw invalidState('Writer is not bound to a WritableStream');
    const s = w.stream[kState];
    if (s.state === 'errored' || s.state === 'erroring') return null;
    if (s.state === 'closed') return 0;
    return writableControllerGetDesiredSize(s.controller);
  }

  abort(reason = undefined) {
    const w = this[kState];
    if (w.stream === undefined) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    return writableStreamAbort(w.stream, reason);
  }

  close() {
    const w = this[kState];
    if (w.stream === undefined) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    if (writableCloseQueuedOrInFlight(w.stream[kState])) {
      return Promise.reject(invalidState('Failure to close WritableStream'));
    }
    return writableStreamClose(w.stream);
  }

  releaseLock() {
    const w = this[kState];
    if (w.stream === undefined) return;
    const err = invalidState('Writer has been released');
    writerEnsureReadyPromiseRejected(this, err);
    if (w.closed.settled) w.closed = deferred();
    settleReject(w.closed, err);
    w.stream[kState].writer = undefined;
    w.stream = undefined;
  }

  write(chunk = undefined) {
    const w = this[kState];
    if (w.stream === undefined) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    const stream = w.stream;
    const s = stream[kState];
    const c = s.controller;
    let size;
    try {
      size = validateSize(c.strategySize(chunk));
    } catch (err) {
      if (s.state === 'writable') writableControllerError(c, err);
      return Promise.reject(err);
    }
    if (s.state === 'errored' || s.state === 'erroring') return Promise.reject(s.storedError);
    if (writableCloseQueuedOrInFlight(s) || s.state === 'closed') {
      return Promise.reject(invalidState('WritableStream is closed'));
    }
    const d = deferred();
    s.writeRequests.push(d);
    c.queue.push({ value: chunk, size });
    c.queueTotalSize += size;
    if (!writableCloseQueuedOrInFlight(s) && s.state === 'writable') {
      writableStreamUpdateBackpressure(stream, writableControllerGetBackpressure(c));
    }
    writableControllerAdvanceQueueIfNeeded(c);
    return d.promise;
  }

  [customInspect](depth, options) {
    const w = this[kState];
    return inspectAs(this, {
      stream: w.stream,
      close: w.closed.promise,
      ready: w.ready.promise,
      desiredSize: w.stream === undefined ? undefined : this.desiredSize,
    }, depth, options);
  }
}

// ---- TransformStream ------------------------------------------------------------------------------

class TransformStreamDefaultController {
  constructor(skip) {
    if (skip !== kSkip) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    return readableControllerDesiredSize(this[kState].readableController);
  }

  enqueue(chunk = undefined) {
    const t = this[kState];
    const rc = t.readableController;
    if (!canCloseOrEnqueue(rc)) throw invalidState('Controller is already closed');
    try {
      readableControllerEnqueue(rc, chunk);
    } catch (err) {
      transformStreamErrorWritableAndUnblockWrite(t, err);
      throw rc.stream[kState].storedError;
    }
    const backpressure = !readableControllerShouldCallPull(rc);
    if (backpressure !== t.backpressure) transformStreamSetBackpressure(t, true);
  }

  error(reason = undefined) {
    transformStreamError(this[kState], reason);
  }

  terminate() {
    const t = this[kState];
    const rc = t.readableController;
    if (canCloseOrEnqueue(rc)) readableControllerClose(rc);
    transformStreamErrorWritableAndUnblockWrite(t, invalidState('TransformStream terminated'));
  }

  [customInspect](depth, options) {
    return inspectAs(this, {}, depth, options);
  }
}

function transformStreamSetBackpressure(t, backpressure) {
  if (t.backpressureChange !== undefined) settleResolve(t.backpressureChange, undefined);
  t.backpressureChange = deferred();
  t.backpressure = backpressure;
}

function transformStreamError(t, error) {
  readableControllerError(t.readableController, error);
  transformStreamErrorWritableAndUnblockWrite(t, error);
}

function transformStreamErrorWritableAndUnblockWrite(t, error) {
  const ws = t.writable[kState];
  if (ws.state === 'writable') writableControllerError(ws.controller, error);
  if (t.backpressure) transformStreamSetBackpressure(t, false);
}

class TransformStream {
  constructor(transformer = {}, writableStrategy = {}, readableStrategy = {}) {
    if (transformer === null) transformer = {};
    if (transformer.readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', transformer.readableType);
    }
    if (transformer.writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', transformer.writableType);
    }
    const controller = new TransformStreamDefaultController(kSkip);
    const t = {
      backpressure: undefined,
      backpressureChange: undefined,
      readableController: undefined,
      writable: undefined,
      readable: undefined,
    };
    controller[kState] = t;
    const startPromise = deferred();
    const transformAlgorithm = transformer.transform === undefined ?
      (chunk) => {
        try {
          controller.enqueue(chunk);
          return Promise.resolve();
        } catch (err) {
          return Promise.reject(err);
        }
      } :
      (chunk) => promiseCall(transformer.transform, transformer, chunk, controller);
    const flushAlgorithm = () => promiseCall(transformer.flush, transformer, controller);
    const performTransform = (chunk) => transformAlgorithm(chunk).catch((err) => {
      transformStreamError(t, err);
      throw err;
    });
    t.writable = new WritableStream({
      start: () => startPromise.promise,
      write: (chunk) => {
        if (t.backpressure) {
          return t.backpressureChange.promise.then(() => {
            const ws = t.writable[kState];
            if (ws.state === 'erroring') throw ws.storedError;
            return performTransform(chunk);
          });
        }
        return performTransform(chunk);
      },
      close: () => {
        const rc = t.readableController;
        return flushAlgorithm().then(() => {
          if (rc.stream[kState].state === 'errored') throw rc.stream[kState].storedError;
          if (canCloseOrEnqueue(rc)) readableControllerClose(rc);
        }, (err) => {
          transformStreamError(t, err);
          throw rc.stream[kState].storedError;
        });
      },
      abort: (reason) => {
        transformStreamError(t, reason);
        return Promise.resolve();
      },
    }, writableStrategy);
    t.readable = new ReadableStream({
      start: (c) => {
        t.readableController = c[kState];
        return startPromise.promise;
      },
      pull: () => {
        transformStreamSetBackpressure(t, false);
        return t.backpressureChange.promise;
      },
      cancel: (reason) => {
        transformStreamErrorWritableAndUnblockWrite(t, reason);
        return promiseCall(transformer.cancel, transformer, reason);
      },
    }, { highWaterMark: extractHighWaterMark(readableStrategy, 0), size: readableStrategy?.size });
    transformStreamSetBackpressure(t, true);
    this[kState] = t;
    let startResult;
    try {
      startResult = transformer.start === undefined ? undefined : transformer.start.call(transformer, controller);
    } catch (err) {
      settleReject(startPromise, err);
      throw err;
    }
    Promise.resolve(startResult).then((v) => settleResolve(startPromise, v),
                                      (e) => settleReject(startPromise, e));
  }

  get readable() { return this[kState].readable; }
  get writable() { return this[kState].writable; }

  [customInspect](depth, options) {
    const t = this[kState];
    return inspectAs(this, {
      readable: t.readable,
      writable: t.writable,
      backpressure: t.backpressure,
    }, depth, options);
  }
}

// ---- text streams ---------------------------------------------------------------------------------

class TextEncoderStream {
  #transform;
  constructor() {
    const { TextEncoder } = require('internal/encoding');
    const encoder = new TextEncoder();
    let pendingHigh = '';
    this.#transform = new TransformStream({
      transform(chunk, controller) {
        let s = pendingHigh + `${chunk}`;
        pendingHigh = '';
        const last = s.charCodeAt(s.length - 1);
        if (last >= 0xD800 && last <= 0xDBFF) {
          pendingHigh = s[s.length - 1];
          s = s.slice(0, -1);
        }
        if (s.length > 0) controller.enqueue(encoder.encode(s));
      },
      flush(controller) {
        if (pendingHigh) controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
      },
    });
  }
  get encoding() { return 'utf-8'; }
  get readable() { return this.#transform.readable; }
  get writable() { return this.#transform.writable; }
  [customInspect](depth, options) {
    return inspectAs(this, { encoding: 'utf-8', readable: this.readable, writable: this.writable },
                     depth, options);
  }
}

class TextDecoderStream {
  #transform;
  #decoder;
  constructor(encoding = 'utf-8', options = {}) {
    const { TextDecoder } = require('internal/encoding');
    const decoder = new TextDecoder(encoding, options);
    this.#decoder = decoder;
    this.#transform = new TransformStream({
      transform(chunk, controller) {
        const s = decoder.decode(chunk, { stream: true });
        if (s) controller.enqueue(s);
      },
      flush(controller) {
        const s = decoder.decode();
        if (s) controller.enqueue(s);
      },
    });
  }
  get encoding() { return this.#decoder.encoding; }
  get fatal() { return this.#decoder.fatal; }
  get ignoreBOM() { return this.#decoder.ignoreBOM; }
  get readable() { return this.#transform.readable; }
  get writable() { return this.#transform.writable; }
  [customInspect](depth, options) {
    return inspectAs(this, {
      encoding: this.encoding, fatal: this.fatal, ignoreBOM: this.ignoreBOM,
      readable: this.readable, writable: this.writable,
    }, depth, options);
  }
}

for (const C of [ReadableStream, ReadableStreamDefaultReader, ReadableStreamDefaultController,
  WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController, TransformStream,
  TransformStreamDefaultController, CountQueuingStrategy, ByteLengthQueuingStrategy,
  TextEncoderStream, TextDecoderStream]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: C.name, configurable: true,
  });
}

// WebIDL members are enumerable, in Node's order.
const { exposeMembers } = require('internal/util');
for (const [C, names] of [
  [ReadableStream.prototype, ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo', 'tee', 'values']],
  [ReadableStream, ['from']],
  [WritableStream.prototype, ['locked', 'abort', 'close', 'getWriter']],
  [TransformStream.prototype, ['readable', 'writable']],
  [ReadableStreamDefaultReader.prototype, ['read', 'releaseLock', 'closed', 'cancel']],
  [WritableStreamDefaultWriter.prototype, ['closed', 'desiredSize', 'ready', 'abort', 'close', 'releaseLock', 'write']],
  [TextEncoderStream.prototype, ['encoding', 'readable', 'writable']],
  [TextDecoderStream.prototype, ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']],
  [CountQueuingStrategy.prototype, ['highWaterMark', 'size']],
  [ByteLengthQueuingStrategy.prototype, ['highWaterMark', 'size']],
]) {
  exposeMembers(C, names);
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  TextEncoderStream,
  TextDecoderStream,
  isReadableStream,
  isWritableStream,
  inspectAs,
};
