'use strict';
// Timer lists as Node keeps them: one doubly linked list per duration (so a list is ordered by
// expiry), and a binary heap of lists ordered by their next expiry. One native libuv timer is
// armed for the earliest list. Immediates are a plain linked queue run in the check phase.

const timersBinding = internalBinding('timers');
const { scheduleTimer, toggleTimerRef, toggleImmediateRef, getLibuvNow } = timersBinding;
const { runNextTicks } = require('internal/process/task_queues');
const asyncContext = require('internal/async_context');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const asyncIdSymbol = Symbol('asyncId');
const triggerAsyncIdSymbol = Symbol('triggerId');
// The async_hooks frame a timer's callback runs in (only while async_hooks tracks; not enumerable,
// so a Timeout prints as in Node).
const kAsyncFrame = Symbol('kAsyncFrame');
// Symbol.dispose as Node 20 defines it (V8 10.2 has none; internal/bootstrap/node installs it).
const SymbolDispose = Symbol.for('nodejs.dispose');

// [0] immediates queued, [1] ref'd immediates, [2] an outstanding queue exists.
const immediateInfo = new Uint32Array(3);

let timerListId = Number.MIN_SAFE_INTEGER;
let nextExpiry = Infinity;
let refCount = 0;
const timerListMap = { __proto__: null };
const knownTimersById = { __proto__: null };

// ---- linked list helpers (the list object is the sentinel) ----
function listInit(list) { list._idleNext = list; list._idlePrev = list; }
function listPeek(list) { return list._idlePrev === list ? null : list._idlePrev; }
function listRemove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}
function listAppend(list, item) {
  if (item._idleNext || item._idlePrev) listRemove(item);
  item._idleNext = list._idleNext;
  list._idleNext._idlePrev = item;
  item._idlePrev = list;
  list._idleNext = item;
}
function listIsEmpty(list) { return list._idleNext === list; }

// ---- binary heap of lists by (expiry, id) ----
class PriorityQueue {
  constructor() { this.heap = [null]; this.size = 0; }
  less(a, b) { return a.expiry < b.expiry || (a.expiry === b.expiry && a.id < b.id); }
  peek() { return this.size === 0 ? null : this.heap[1]; }
  set(pos, item) { this.heap[pos] = item; item.priorityQueuePosition = pos; }
  insert(item) { this.size++; this.set(this.size, item); this.percolateUp(this.size); }
  percolateUp(pos) {
    const item = this.heap[pos];
    while (pos > 1) {
      const parent = this.heap[pos >> 1];
      if (!this.less(item, parent)) break;
      this.set(pos, parent);
      pos >>= 1;
    }
    this.set(pos, item);
  }
  percolateDown(pos) {
    const size = this.size;
    const item = this.heap[pos];
    while (pos * 2 <= size) {
      let child = pos * 2;
      if (child + 1 <= size && this.less(this.heap[child + 1], this.heap[child])) child++;
      if (!this.less(this.heap[child], item)) break;
      this.set(pos, this.heap[child]);
      pos = child;
    }
    this.set(pos, item);
  }
  removeAt(pos) {
    const last = this.heap[this.size];
    this.heap[this.size--] = undefined;
    if (pos > this.size) return;
    this.set(pos, last);
    if (pos > 1 && this.less(last, this.heap[pos >> 1])) this.percolateUp(pos);
    else this.percolateDown(pos);
  }
  shift() { const top = this.heap[1]; this.removeAt(1); return top; }
}
const queue = new PriorityQueue();

class TimersList {
  constructor(expiry, msecs) {
    this._idleNext = this;
    this._idlePrev = this;
    this.expiry = expiry;
    this.id = timerListId++;
    this.msecs = msecs;
    this.priorityQueuePosition = null;
  }
}

function track(item, type) {
  const frame = asyncContext.newFrame(item, item[asyncIdSymbol], item[triggerAsyncIdSymbol]);
  Object.defineProperty(item, kAsyncFrame, { __proto__: null, value: frame, configurable: true });
  asyncContext.emitInit(item[asyncIdSymbol], type, item[triggerAsyncIdSymbol], item);
}

// 'destroy' for a tracked timer or immediate that will not run again.
function untrack(item) {
  if (item[kAsyncFrame] !== undefined) asyncContext.emitDestroy(item[asyncIdSymbol]);
}

function incRefCount() { if (refCount++ === 0) toggleTimerRef(true); }
function decRefCount() { if (--refCount === 0) toggleTimerRef(false); }

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    if (isRefed) incRefCount();
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[asyncIdSymbol] = asyncContext.newAsyncId();
    this[triggerAsyncIdSymbol] = asyncContext.currentFrame().asyncId;
    if (asyncContext.state.tracking) track(this, 'Timeout');
  }

  refresh() {
    if (this[kRefed]) active(this);
    else unrefActive(this);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() { return this[kRefed]; }

  close() {
    clearTimeoutImpl(this);
    return this;
  }

  [SymbolDispose]() {
    clearTimeoutImpl(this);
  }

  [Symbol.toPrimitive]() {
    const id = this[asyncIdSymbol];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById[id] = this;
    }
    return id;
  }
}

function insert(item, msecs, start = getLibuvNow()) {
  msecs = Math.trunc(msecs);
  item._idleStart = start;
  let list = timerListMap[msecs];
  if (list === undefined) {
    const expiry = start + msecs;
    timerListMap[msecs] = list = new TimersList(expiry, msecs);
    queue.insert(list);
    if (nextExpiry > expiry) {
      scheduleTimer(msecs);
      nextExpiry = expiry;
    }
  }
  listAppend(list, item);
}

function insertGuarded(item, refed, start) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(item, msecs, start);
  const isDestroyed = item._destroyed;
  if (isDestroyed || !item[asyncIdSymbol]) {
    item._destroyed = false;
    item[asyncIdSymbol] = asyncContext.newAsyncId();
  }
  if (isDestroyed) {
    if (refed) incRefCount();
  } else if (refed === !item[kRefed]) {
    if (refed) incRefCount(); else decRefCount();
  }
  item[kRefed] = refed;
}

function active(item) { insertGuarded(item, true); }
function unrefActive(item) { insertGuarded(item, false); }

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  untrack(item);
  if (item[kHasPrimitive]) delete knownTimersById[item[asyncIdSymbol]];
  // kRefed stays as it was (a cleared timer still says hasRef(), as in Node); _destroyed keeps
  // ref()/unref() from counting it again.
  if (item[kRefed]) decRefCount();
  const list = timerListMap[item._idleTimeout];
  if (list !== undefined && item._idleNext && item._idleNext !== item) {
    listRemove(item);
    if (listIsEmpty(list)) {
      queue.removeAt(list.priorityQueuePosition);
      delete timerListMap[list.msecs];
    }
  } else if (item._idleNext) {
    listRemove(item);
  }
  item._idleTimeout = -1;
}

function clearTimeoutImpl(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = knownTimersById[timer];
    if (t !== undefined) {
      t._idleTimeout = -1;
      unenroll(t);
    }
  }
}

function processTimers(now) {
  nextExpiry = Infinity;
  let list;
  let ranAtLeastOneList = false;
  while ((list = queue.peek()) !== null) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    if (ranAtLeastOneList) runNextTicks();
    else ranAtLeastOneList = true;
    listOnTimeout(list, now);
  }
  return 0;
}

function listOnTimeout(list, now) {
  const msecs = list.msecs;
  let ranAtLeastOneTimer = false;
  let timer;
  while ((timer = listPeek(list)) !== null) {
    const diff = now - timer._idleStart;
    if (diff < msecs) {
      list.expiry = Math.max(timer._idleStart + msecs, now + 1);
      list.id = timerListId++;
      queue.percolateDown(1);
      return;
    }
    if (ranAtLeastOneTimer) runNextTicks();
    else ranAtLeastOneTimer = true;
    listRemove(timer);
    if (!timer._onTimeout) {
      if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) refCount--;
      }
      continue;
    }
    let start;
    if (timer._repeat) start = getLibuvNow();
    const frame = timer[kAsyncFrame];
    const prevFrame = frame === undefined ? undefined : asyncContext.enterFrame(frame);
    try {
      const args = timer._timerArgs;
      if (args === undefined) timer._onTimeout();
      else Reflect.apply(timer._onTimeout, timer, args);
    } catch (err) {
      if (frame !== undefined) asyncContext.noteEscape(frame);
      throw err;
    } finally {
      if (prevFrame !== undefined) asyncContext.leaveFrame(prevFrame);
      if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else if (!timer._idleNext && !timer._idlePrev && !timer._destroyed) {
        timer._destroyed = true;
        untrack(timer);
        if (timer[kHasPrimitive]) delete knownTimersById[timer[asyncIdSymbol]];
        if (timer[kRefed]) refCount--;
      }
    }
  }
  if (list === timerListMap[msecs]) {
    delete timerListMap[msecs];
    queue.shift();
  }
}

// The ref count may drop inside listOnTimeout without toggling; settle the handle afterwards.
function settleRef() { toggleTimerRef(refCount > 0); }

// ---- immediates ----
class ImmediateList {
  constructor() { this.head = null; this.tail = null; }
  append(item) {
    if (this.tail !== null) { this.tail._idleNext = item; item._idlePrev = this.tail; }
    else this.head = item;
    this.tail = item;
  }
  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}
const immediateQueue = new ImmediateList();
const outstandingQueue = new ImmediateList();

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    this[asyncIdSymbol] = asyncContext.newAsyncId();
    this[triggerAsyncIdSymbol] = asyncContext.currentFrame().asyncId;
    if (asyncContext.state.tracking) track(this, 'Immediate');
    this.ref();
    immediateInfo[0]++;
    immediateQueue.append(this);
  }
  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      if (immediateInfo[1]++ === 0) toggleImmediateRef(true);
    }
    return this;
  }
  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      if (--immediateInfo[1] === 0) toggleImmediateRef(false);
    }
    return this;
  }
  hasRef() { return !!this[kRefed]; }
  [SymbolDispose]() { clearImmediateImpl(this); }
}

function processImmediates() {
  const q = outstandingQueue.head !== null ? outstandingQueue : immediateQueue;
  let immediate = q.head;
  // Immediates queued while these run wait for the next loop iteration.
  if (q !== outstandingQueue) {
    q.head = q.tail = null;
    immediateInfo[2] = 1;
  }
  let prevImmediate;
  let ranAtLeastOne = false;
  while (immediate !== null) {
    if (ranAtLeastOne) runNextTicks();
    else ranAtLeastOne = true;
    if (immediate._destroyed) {
      outstandingQueue.head = immediate = prevImmediate._idleNext;
      continue;
    }
    immediate._destroyed = true;
    immediateInfo[0]--;
    if (immediate[kRefed] && --immediateInfo[1] === 0) toggleImmediateRef(false);
    immediate[kRefed] = null;
    prevImmediate = immediate;
    // If this one throws, the rest of the list runs from the outstanding queue next time.
    outstandingQueue.head = immediate._idleNext;
    const frame = immediate[kAsyncFrame];
    const prevFrame = frame === undefined ? undefined : asyncContext.enterFrame(frame);
    try {
      const argv = immediate._argv;
      if (!argv) immediate._onImmediate();
      else immediate._onImmediate(...argv);
    } catch (err) {
      if (frame !== undefined) asyncContext.noteEscape(frame);
      throw err;
    } finally {
      immediate._onImmediate = null;
      if (prevFrame !== undefined) {
        asyncContext.leaveFrame(prevFrame);
        untrack(immediate);
      }
    }
    immediate = outstandingQueue.head;
  }
  if (q === outstandingQueue) outstandingQueue.head = null;
  immediateInfo[2] = 0;
}

function clearImmediateImpl(immediate) {
  if (!immediate || immediate._destroyed) return;
  immediateInfo[0]--;
  immediate._destroyed = true;
  if (immediate[kRefed] && --immediateInfo[1] === 0) toggleImmediateRef(false);
  immediate[kRefed] = null;
  immediate._onImmediate = null;
  untrack(immediate);
  if (immediate !== outstandingQueue.head) immediateQueue.remove(immediate);
}

module.exports = {
  TIMEOUT_MAX, Timeout, Immediate, insert, active, unrefActive, unenroll, clearTimeoutImpl,
  clearImmediateImpl, processTimers: (now) => { const r = processTimers(now); settleRef(); return r; },
  processImmediates, kRefed, timerListMap, knownTimersById, getLibuvNow,
  rehydrate() { timersBinding.setImmediateInfo(immediateInfo); },
};
