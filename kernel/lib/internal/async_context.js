'use strict';
// The async execution context behind async_hooks and AsyncLocalStorage. A frame says which
// resource is running (its async id and its trigger's id) and which AsyncLocalStorage stores are
// visible. A timer, immediate, nextTick or AsyncResource made while tracking is on gets a frame
// holding the stores of the code that made it, and running its callback enters that frame; a
// promise reaction runs in the frame where it was registered (V8 promise hooks, set only while an
// AsyncLocalStorage is enabled); fs and dns callbacks run in the frame of their call
// (bindToCurrent). Other callbacks from native code run in the top-level frame.
// Nothing is tracked until async_hooks is loaded: until then the hot paths test one boolean.

class Frame {
  constructor(asyncId, triggerAsyncId, resource, stores) {
    this.asyncId = asyncId;
    this.triggerAsyncId = triggerAsyncId;
    this.resource = resource;
    // null, or a Map AsyncLocalStorage -> store. Replaced, never mutated: frames made from this
    // one share the Map.
    this.stores = stores;
  }
}

// Read by timers and nextTick on every call: `tracking` (frames are made), `hooks` (some
// createHook() is enabled).
const state = { tracking: false, hooks: false };

let lastAsyncId = 1;
let top = new Frame(1, 0, {}, null);
let current = top;

function newAsyncId() { return ++lastAsyncId; }
function currentFrame() { return current; }

// A frame for a resource made now, triggered by the running one.
function newFrame(resource, asyncId, triggerAsyncId = current.asyncId) {
  return new Frame(asyncId, triggerAsyncId, resource, current.stores);
}

// ---- createHook() callbacks --------------------------------------------------------------------

const active = { init: [], before: [], after: [], destroy: [], promiseResolve: [] };

// An exception in a hook is fatal, as in Node: no 'uncaughtException' listener may swallow it.
function callHooks(list, args) {
  for (const hook of list.slice()) {
    try {
      Reflect.apply(hook, null, args);
    } catch (err) {
      process.removeAllListeners('uncaughtException');
      internalBinding('process').triggerUncaughtException(err, false);
    }
  }
}

function addHooks(hooks) {
  for (const name of Object.keys(active)) {
    if (hooks[name] !== undefined && !active[name].includes(hooks[name])) active[name].push(hooks[name]);
  }
  state.hooks = true;
}

function removeHooks(hooks) {
  let any = false;
  for (const name of Object.keys(active)) {
    const i = hooks[name] === undefined ? -1 : active[name].indexOf(hooks[name]);
    if (i !== -1) active[name].splice(i, 1);
    if (active[name].length > 0) any = true;
  }
  state.hooks = any;
}

function emitInit(asyncId, type, triggerAsyncId, resource) {
  if (state.hooks && active.init.length > 0) callHooks(active.init, [asyncId, type, triggerAsyncId, resource]);
}

// 'destroy' hooks run later, in a batch, as in Node (never inside the code that destroyed).
let pendingDestroys = [];
function flushDestroys() {
  const ids = pendingDestroys;
  pendingDestroys = [];
  for (const id of ids) callHooks(active.destroy, [id]);
}

function emitDestroy(asyncId) {
  if (!state.hooks || active.destroy.length === 0) return;
  if (pendingDestroys.push(asyncId) === 1) Promise.resolve().then(flushDestroys);
}

// Runs a callback of `frame`'s resource: enter, 'before' hooks; returns the frame to go back to.
function enterFrame(frame) {
  const prev = current;
  current = frame;
  if (state.hooks && active.before.length > 0) callHooks(active.before, [frame.asyncId]);
  return prev;
}

function leaveFrame(prev) {
  if (state.hooks && active.after.length > 0) callHooks(active.after, [current.asyncId]);
  current = prev;
}

// The frame of the callback an exception escaped from: the uncaught-exception listeners run in
// it, as in Node (where they run inside the failing callback's scope). Noted by the places that
// run callbacks for native code (the outermost notes last), taken by the uncaught path.
let escapedFrame = null;
function noteEscape(frame) { escapedFrame = frame; }
function takeEscapedFrame() {
  const frame = escapedFrame;
  escapedFrame = null;
  return frame;
}

// The frame kept by a resource whose callbacks native code makes later (a socket that opened
// its own handle keeps the context of the code that connected it, as in Node); undefined when
// nothing is tracked.
function captureFrame() { return state.tracking ? current : undefined; }
// Where such a resource keeps it (shared by the plugins that call back for the same socket).
const kResourceFrame = Symbol('kResourceFrame');

// Calls fn (this = self) in `frame`, for native code's callback of such a resource.
function callInFrame(frame, fn, self, a, b, c) {
  const prev = enterFrame(frame);
  try {
    return Reflect.apply(fn, self, [a, b, c]);
  } catch (err) {
    escapedFrame = frame;
    throw err;
  } finally {
    leaveFrame(prev);
  }
}

// fn, to run in the frame that is current now: for the callback of a native operation (an fs or
// dns request), which native code calls later from the top level. Without tracking, fn itself.
function bindToCurrent(fn) {
  if (!state.tracking) return fn;
  const frame = current;
  return function(...args) {
    const prev = current;
    current = frame;
    try {
      return Reflect.apply(fn, this, args);
    } catch (err) {
      escapedFrame = frame;
      throw err;
    } finally {
      current = prev;
    }
  };
}

// ---- AsyncLocalStorage stores --------------------------------------------------------------------

function withStore(stores, key, value, remove = false) {
  const next = new Map(stores);
  if (remove) next.delete(key);
  else next.set(key, value);
  return next;
}

// Enters a copy of the running frame with other stores (AsyncLocalStorage#run/exit).
function enterStores(stores) {
  const prev = current;
  current = new Frame(prev.asyncId, prev.triggerAsyncId, prev.resource, stores);
  return prev;
}

function restoreFrame(prev) { current = prev; }

// AsyncLocalStorage#enterWith: the running resource keeps these stores for the rest of this
// callback and for what it schedules.
function setStores(stores) {
  const frame = new Frame(current.asyncId, current.triggerAsyncId, current.resource, stores);
  if (current === top) top = frame;
  current = frame;
}

// ---- promise hooks -------------------------------------------------------------------------------

const kFrame = Symbol('kAsyncFrame');
const promiseStack = [];
let promiseHooksSet = false;

function promiseInit(promise) {
  Object.defineProperty(promise, kFrame, { __proto__: null, value: current, writable: true });
}

function promiseBefore(promise) {
  promiseStack.push(current);
  current = promise[kFrame] || top;
}

function promiseAfter() {
  current = promiseStack.length > 0 ? promiseStack.pop() : top;
}

function setPromiseTracking(on) {
  if (on === promiseHooksSet) return;
  promiseHooksSet = on;
  const { setPromiseHooks } = internalBinding('async_context');
  if (on) setPromiseHooks(promiseInit, promiseBefore, promiseAfter, undefined);
  else setPromiseHooks(undefined, undefined, undefined, undefined);
}

module.exports = {
  state, newAsyncId, currentFrame, newFrame, enterFrame, leaveFrame, emitInit, emitDestroy, bindToCurrent,
  noteEscape, takeEscapedFrame, captureFrame, callInFrame, kResourceFrame,
  addHooks, removeHooks, withStore, enterStores, restoreFrame, setStores, setPromiseTracking,
};
