'use strict';
// process.nextTick and the microtask queue. After every callback from the loop, the kernel calls
// processTicksAndRejections when tickInfo says there is work: ticks first, then microtasks, until
// both are empty; then pending promise rejections are processed.

const { runMicrotasks } = internalBinding('process');
const asyncContext = require('internal/async_context');

// tickInfo is shared with the kernel: [0] ticks queued, [1] rejections pending.
const tickInfo = new Uint8Array(2);
const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;

// A growable ring of fixed-size arrays: push/shift in O(1) without array shifting.
const kSize = 2048;
const kMask = kSize - 1;
class FixedCircularBuffer {
  constructor() {
    this.bottom = 0;
    this.top = 0;
    this.list = new Array(kSize);
    this.next = null;
  }
  isEmpty() { return this.top === this.bottom; }
  isFull() { return ((this.top + 1) & kMask) === this.bottom; }
  push(data) { this.list[this.top] = data; this.top = (this.top + 1) & kMask; }
  shift() {
    const next = this.list[this.bottom];
    if (next === undefined) return null;
    this.list[this.bottom] = undefined;
    this.bottom = (this.bottom + 1) & kMask;
    return next;
  }
}
class FixedQueue {
  constructor() { this.head = this.tail = new FixedCircularBuffer(); }
  isEmpty() { return this.head.isEmpty(); }
  push(data) {
    if (this.head.isFull()) this.head = this.head.next = new FixedCircularBuffer();
    this.head.push(data);
  }
  shift() {
    const tail = this.tail;
    const next = tail.shift();
    if (tail.isEmpty() && tail.next !== null) {
      this.tail = tail.next;
      tail.next = null;
    }
    return next;
  }
}

const queue = new FixedQueue();
let processPromiseRejections = () => false;

function setHasTickScheduled(v) { tickInfo[kHasTickScheduled] = v ? 1 : 0; }
function hasTickScheduled() { return tickInfo[kHasTickScheduled] === 1; }
function setHasRejectionToWarn(v) { tickInfo[kHasRejectionToWarn] = v ? 1 : 0; }
function hasRejectionToWarn() { return tickInfo[kHasRejectionToWarn] === 1; }

function processTicksAndRejections() {
  let tock;
  do {
    while ((tock = queue.shift()) !== null) {
      const frame = tock.frame;
      if (frame !== undefined) {
        runTracked(tock, frame);
        continue;
      }
      const callback = tock.callback;
      if (tock.args === undefined) callback();
      else {
        const args = tock.args;
        switch (args.length) {
          case 1: callback(args[0]); break;
          case 2: callback(args[0], args[1]); break;
          case 3: callback(args[0], args[1], args[2]); break;
          default: callback(...args);
        }
      }
    }
    runMicrotasks();
  } while (!queue.isEmpty() || processPromiseRejections());
  setHasTickScheduled(false);
  setHasRejectionToWarn(false);
}

// A tick queued while async_hooks tracks: it runs in the frame of the code that queued it.
function runTracked(tock, frame) {
  const prev = asyncContext.enterFrame(frame);
  try {
    if (tock.args === undefined) tock.callback();
    else Reflect.apply(tock.callback, undefined, tock.args);
  } catch (err) {
    asyncContext.noteEscape(frame);
    throw err;
  } finally {
    asyncContext.leaveFrame(prev);
    asyncContext.emitDestroy(frame.asyncId);
  }
}

// Between timers and between immediates: run what was queued by the previous callback.
function runNextTicks() {
  if (!hasTickScheduled() && !hasRejectionToWarn()) runMicrotasks();
  if (!hasTickScheduled() && !hasRejectionToWarn()) return;
  processTicksAndRejections();
}

let validateFunction;
function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    validateFunction ??= require('internal/validators').validateFunction;
    validateFunction(callback, 'callback');
  }
  if (process._exiting) return;
  if (queue.isEmpty()) setHasTickScheduled(true);
  const tock = { callback, args: args.length === 0 ? undefined : args, frame: undefined };
  if (asyncContext.state.tracking) {
    const asyncId = asyncContext.newAsyncId();
    tock.frame = asyncContext.newFrame(tock, asyncId);
    asyncContext.emitInit(asyncId, 'TickObject', tock.frame.triggerAsyncId, tock);
  }
  queue.push(tock);
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    validateFunction ??= require('internal/validators').validateFunction;
    validateFunction(callback, 'callback');
  }
  // An exception in a microtask is an uncaught exception, as in Node.
  Promise.resolve().then(() => {
    try {
      callback();
    } catch (err) {
      internalBinding('process').triggerUncaughtException(err, false);
    }
  });
}

function setPromiseRejectionProcessor(fn) { processPromiseRejections = fn; }

module.exports = {
  tickInfo, nextTick, queueMicrotask, processTicksAndRejections, runNextTicks,
  setHasRejectionToWarn, hasRejectionToWarn, setPromiseRejectionProcessor,
};
