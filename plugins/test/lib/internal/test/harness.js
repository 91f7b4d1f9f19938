'use strict';
// The runner behind `node:test`: a tree of tests and suites under one root. Each test runs its
// subtests one at a time (Node's default concurrency), in the order they were declared. Top-level
// tests start once the main module has finished (a microtask later); the plan and the summary are
// written when the event loop is about to empty ('beforeExit'), when tests still pending then are
// cancelled, as Node does.

const { AsyncLocalStorage } = require('async_hooks');
const { inspect } = require('util');
const { fileURLToPath } = require('url');
const tap = require('internal/test/tap');

const kTestCodeFailure = 'testCodeFailure';
const kHookFailure = 'hookFailed';
const kCancelledByParent = 'cancelledByParent';
const kTestTimeoutFailure = 'testTimeoutFailure';
const kSubtestsFailed = 'subtestsFailed';
const kCallbackAndPromisePresent = 'callbackAndPromisePresent';
const kMultipleCallbackInvocations = 'multipleCallbackInvocations';

// The test or suite whose function (or hook) is running: `test()`, `describe()` and the hook
// functions called without a context attach to it.
const storage = new AsyncLocalStorage();

function failure(failureType, cause, message) {
  if (message === undefined) {
    const m = cause !== null && cause !== undefined && cause.message !== undefined ? cause.message : cause;
    message = typeof m === 'string' ? m : inspect(m);
  }
  return { failureType, cause, message };
}

function cancelFailure(message = 'test did not finish before its parent and was cancelled') {
  return failure(kCancelledByParent, undefined, message);
}

// Nanoseconds; durations are reported in ms as Node does (at most six decimals).
function now() {
  return process.hrtime.bigint();
}

function msSince(start) {
  return Number(now() - start) / 1e6;
}

// `file:line:column` of the call to test()/it()/describe() in user code.
function callerLocation(callee) {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  const holder = {};
  try {
    Error.prepareStackTrace = (_, frames) => frames;
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(holder, callee);
    const frames = holder.stack;
    if (!Array.isArray(frames) || frames.length === 0) return undefined;
    let file = frames[0].getFileName() ?? frames[0].getScriptNameOrSourceURL?.();
    if (typeof file === 'string' && file.startsWith('file:')) {
      try { file = fileURLToPath(file); } catch { /* keep the URL */ }
    }
    return `${file}:${frames[0].getLineNumber()}:${frames[0].getColumnNumber()}`;
  } catch {
    return undefined;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
}

function isThenable(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function';
}

// Runs one test or hook function as Node does: `(ctx, done)` when it declares two parameters,
// else `(ctx)` with an optional promise. Resolves to null or a failure record; never rejects.
// `owner.settleRunning` lets a timeout or a cancellation end the wait early.
// The tests whose function or hook is running, most recent last.
const running = [];

function invoke(owner, fn, ctx, timeout, failureType) {
  return new Promise((resolve) => {
    let settled = false;
    let timer;
    const previous = owner.settleRunning; // a hook added by a running test function
    running.push(owner);
    const settle = (f) => {
      if (settled) return;
      settled = true;
      const at = running.lastIndexOf(owner);
      if (at !== -1) running.splice(at, 1);
      if (timer !== undefined) clearTimeout(timer);
      if (owner.settleRunning === settle) owner.settleRunning = previous;
      resolve(f);
    };
    owner.settleRunning = settle;
    if (typeof timeout === 'number' && timeout !== Infinity && timeout >= 0) {
      timer = setTimeout(() => {
        settle(failure(kTestTimeoutFailure, undefined, `test timed out after ${timeout}ms`));
      }, timeout);
      timer.unref?.();
    }
    const wrap = (e) => failure(failureType, e);
    if (fn.length >= 2) {
      let calls = 0;
      let returned = false;
      let early; // what done() said before the function returned
      const done = (err) => {
        calls++;
        if (calls > 1) {
          if (!owner.finished) {
            owner.lateFailure = failure(kMultipleCallbackInvocations, undefined, 'callback invoked multiple times');
          }
          return;
        }
        if (returned) settle(err ? wrap(err) : null);
        else early = err ? wrap(err) : null;
      };
      let ret;
      try {
        ret = storage.run(owner.storageTarget, () => Reflect.apply(fn, ctx, [ctx, done]));
      } catch (e) {
        settle(wrap(e));
        return;
      }
      returned = true;
      if (isThenable(ret)) {
        ret.then(undefined, () => {});
        settle(failure(kCallbackAndPromisePresent, undefined, 'passed a callback but also returned a Promise'));
      } else if (early !== undefined) {
        settle(early);
      }
      return;
    }
    let ret;
    try {
      ret = storage.run(owner.storageTarget, () => Reflect.apply(fn, ctx, [ctx]));
    } catch (e) {
      settle(wrap(e));
      return;
    }
    if (isThenable(ret)) {
      ret.then(() => settle(null), (e) => settle(wrap(e)));
    } else {
      settle(null);
    }
  });
}

const counts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
let anyFailed = false;

class Test {
  constructor(parent, kind, name, options, fn, location) {
    this.parent = parent;
    this.kind = kind; // 'root', 'test' or 'suite'
    this.name = name;
    this.fn = fn;
    this.location = location;
    this.nesting = parent === null ? -1 : parent.nesting + 1;
    this.subtests = [];
    this.queue = [];
    this.active = null;
    this.draining = false; // the before hooks are running, the subtests wait
    this.pendingBefore = null; // global before hooks still running (root only)
    this.beforeFailure = null; // how the first global before hook failed (root only)
    this.accepting = false; // subtests may start (the test or suite is running)
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.beforeRan = false;
    this.idleWaiters = [];
    // Anything but undefined and false marks the test (a string is the reason).
    this.skipped = options.skip !== undefined && options.skip !== false ? options.skip : undefined;
    this.todo = options.todo !== undefined && options.todo !== false ? options.todo : undefined;
    this.timeout = options.timeout;
    this.signal = options.signal;
    this.error = null;
    this.lateFailure = null;
    this.presetFailure = null; // set when cancelled before it started
    this.started = false;
    this.fnSettled = false;
    this.finished = false;
    this.settleRunning = null;
    this.diagnostics = [];
    this.controller = new AbortController();
    this.duration = 0;
    this.number = 0;
    this.storageTarget = this;
    this.plan = null;
    this.mock = undefined;
    this.assertions = 0;
    this.context = kind === 'suite' ? new SuiteContext(this) : new TestContext(this);
    let resolveDone;
    this.donePromise = new Promise((r) => { resolveDone = r; });
    this.resolveDone = resolveDone;
    if (options.only) {
      this.diagnostics.push("'only' and 'runOnly' require the --test-only command-line option.");
    }
  }

  addSubtest(child) {
    this.subtests.push(child);
    child.number = this.subtests.length;
    this.queue.push(child);
    if (this.accepting) this.drain();
  }

  // Starts the next queued subtest when none is running (the `before` hooks first).
  drain() {
    if (this.active !== null || this.draining) return;
    if (this.pendingBefore !== null && this.queue.length > 0) {
      const pending = this.pendingBefore;
      this.pendingBefore = null;
      this.draining = true;
      pending.then(() => {
        this.draining = false;
        this.drain();
      });
      return;
    }
    if (this.queue.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
      return;
    }
    if (!this.beforeRan && this.hooks.before.length > 0 && this.kind !== 'suite') {
      this.beforeRan = true;
      this.draining = true;
      this.runHooks('before', this.context, this).then((f) => {
        this.draining = false;
        if (f !== null && this.error === null) this.error = f;
        this.drain();
      });
      return;
    }
    this.beforeRan = true;
    const child = this.queue.shift();
    this.active = child;
    const next = () => {
      this.active = null;
      this.drain();
    };
    if (child.kind === 'suite' && this.kind === 'test') {
      // A suite declared in a test function starts later (Node 20 cancels it unless awaited).
      setImmediate(() => child.run().then(next));
    } else {
      child.run().then(next);
    }
  }

  whenIdle() {
    if (this.active === null && this.queue.length === 0 && !this.draining) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  // Runs this test's own hooks of one kind, in order; the first failure stops them.
  async runHooks(kind, ctx, storageOwner) {
    for (const hook of this.hooks[kind]) {
      let f = await invoke(storageOwner, hook.fn, ctx, hook.timeout, kHookFailure);
      if (f !== null) {
        if (f.failureType === kTestTimeoutFailure) {
          f = failure(kHookFailure, undefined, `failed running ${kind} hook`);
        }
        f.hookLocation = hook.location;
        return f;
      }
    }
    return null;
  }

  ancestors() {
    const list = [];
    for (let p = this.parent; p !== null; p = p.parent) list.unshift(p);
    return list;
  }

  cancel(f) {
    if (this.finished) return;
    if (this.presetFailure === null) this.presetFailure = f;
    if (!this.started) return;
    if (this.settleRunning !== null) this.settleRunning(f);
    for (const child of this.subtests) child.cancel(f);
  }

  setError(f) {
    if (this.error === null && f !== null) this.error = f;
  }

  async run() {
    this.started = true;
    const startTime = now();
    tap.start(this);
    if (this.presetFailure !== null) {
      // Cancelled before it started: so are the tests a suite declared.
      this.error = this.presetFailure;
      if (this.kind === 'suite' && this.skipped === undefined) {
        this.cancelPendingSubtests(this.presetFailure);
        this.accepting = true;
        this.drain();
        await this.whenIdle();
      }
      this.report(0);
      return;
    }
    if (this.skipped !== undefined) {
      this.report(msSince(startTime));
      return;
    }
    if (this.parent === root && root.beforeFailure !== null) {
      this.error = root.beforeFailure;
      if (this.kind === 'suite') {
        this.cancelPendingSubtests(cancelFailure());
        this.accepting = true;
        this.drain();
        await this.whenIdle();
      }
      this.report(msSince(startTime));
      return;
    }
    if (this.kind === 'suite') await this.runSuite();
    else await this.runTest();
    this.report(msSince(startTime));
  }

  async runSuite() {
    // A suite's timeout covers all of it: its tests still unfinished then are cancelled.
    let timer;
    if (typeof this.timeout === 'number' && this.timeout !== Infinity && this.timeout >= 0) {
      timer = setTimeout(() => {
        this.setError(failure(kTestTimeoutFailure, undefined, `test timed out after ${this.timeout}ms`));
        const cancel = cancelFailure();
        for (const child of this.subtests) child.cancel(cancel);
      }, this.timeout);
      timer.unref?.();
    }
    try {
      await this.runSuiteParts();
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  async runSuiteParts() {
    if (this.buildPromise !== undefined) this.setError(await this.buildPromise);
    if (this.error === null) {
      this.beforeRan = true;
      this.setError(await this.runHooks('before', this.context, this));
    }
    if (this.error === null) {
      this.accepting = true;
      this.drain();
      await this.whenIdle();
    } else {
      this.cancelPendingSubtests(cancelFailure());
      this.accepting = true;
      this.drain();
      await this.whenIdle();
    }
    if (this.presetFailure !== null) this.setError(this.presetFailure); // cancelled while running
    this.setError(await this.runHooks('after', this.context, this));
    this.checkSubtests();
  }

  async runTest() {
    const chain = this.ancestors();
    // The `signal` option: aborting it fails the test (testAborted) with the signal's reason.
    const signal = this.signal;
    let onAbort;
    if (signal !== undefined && signal !== null) {
      onAbort = () => this.cancel(failure('testAborted', signal.reason));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    for (const a of chain) {
      if (this.error !== null) break;
      if (a.hooks.beforeEach.length > 0) this.setError(await a.runHooks('beforeEach', this.context, this));
    }
    if (this.presetFailure !== null) this.setError(this.presetFailure);
    if (this.error === null) {
      this.accepting = true;
      this.drain();
      const f = await invoke(this, this.fn, this.context, this.timeout, kTestCodeFailure);
      this.fnSettled = true;
      this.setError(f);
      if (f !== null && (f.failureType === kTestTimeoutFailure || f.failureType === kCancelledByParent)) {
        this.controller.abort();
      }
    }
    // Subtests still running after the test function are cancelled, queued ones too.
    const cancel = this.error !== null && this.error.failureType === kCancelledByParent ?
      this.error : cancelFailure();
    for (const child of this.subtests) {
      if (child.finished) continue;
      if (!child.started) child.presetFailure = cancel;
      else if (!child.fnSettled) child.cancel(cancel);
    }
    await this.whenIdle();
    if (this.presetFailure !== null) this.setError(this.presetFailure); // cancelled while running
    if (this.error === null && this.plan !== null && this.plan.expected !== this.assertions) {
      this.error = failure(kTestCodeFailure, undefined,
        `plan expected ${this.plan.expected} assertions but received ${this.assertions}`);
    }
    // afterEach hooks from the innermost suite out (the first failing one stops them), then the
    // test's own after hooks.
    for (let i = chain.length - 1; i >= 0; i--) {
      const a = chain[i];
      if (a.hooks.afterEach.length === 0) continue;
      const f = await a.runHooks('afterEach', this.context, this);
      if (f !== null) {
        this.setError(f);
        break;
      }
    }
    this.setError(await this.runHooks('after', this.context, this));
    this.setError(this.lateFailure);
    this.mock?.reset();
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
    this.checkSubtests();
  }

  cancelPendingSubtests(f) {
    for (const child of this.subtests) {
      if (!child.started) child.presetFailure = f;
    }
  }

  checkSubtests() {
    if (this.error !== null) return;
    let failed = 0;
    for (const child of this.subtests) {
      if (child.error !== null && child.todo === undefined) failed++;
    }
    if (failed > 0) {
      this.error = failure(kSubtestsFailed, undefined, `${failed} subtest${failed > 1 ? 's' : ''} failed`);
    }
  }

  report(duration) {
    this.duration = duration;
    this.finished = true;
    this.controller.abort();
    if (this.kind === 'suite') {
      counts.suites++;
    } else {
      counts.tests++;
      if (this.skipped !== undefined) counts.skipped++;
      else if (this.todo !== undefined) counts.todo++;
      else if (this.error === null) counts.pass++;
      else if (this.error.failureType === kCancelledByParent || this.error.failureType === kTestTimeoutFailure ||
               this.error.failureType === 'testAborted') counts.cancelled++;
      else counts.fail++;
    }
    if (this.error !== null && this.todo === undefined && this.skipped === undefined) anyFailed = true;
    tap.result(this);
    this.resolveDone();
  }
}

// `t` in a test function: its name, signal, diagnostics, subtests and hooks.
class TestContext {
  #test;
  constructor(test) {
    this.#test = test;
  }

  get signal() {
    return this.#test.controller.signal;
  }

  get name() {
    return this.#test.name;
  }

  // The names from the outermost test down, joined with " > ".
  get fullName() {
    const names = [];
    for (let t = this.#test; t !== null && t.kind !== 'root'; t = t.parent) names.unshift(t.name);
    return names.join(' > ');
  }

  get error() {
    return errorObject(this.#test.error);
  }

  get passed() {
    return this.#test.fnSettled && this.#test.error === null;
  }

  diagnostic(message) {
    this.#test.diagnostics.push(String(message));
  }

  // t.plan(n): the test fails unless exactly n assertions (t.assert.*) and subtests ran.
  plan(count) {
    const test = this.#test;
    if (test.plan !== null) {
      const err = new Error('cannot set plan more than once');
      err.code = 'ERR_TEST_FAILURE';
      err.failureType = kTestCodeFailure;
      throw err;
    }
    const { validateUint32 } = require('internal/validators');
    validateUint32(count, 'count');
    test.plan = { expected: count };
  }

  get assert() {
    const test = this.#test;
    if (test.assertObject === undefined) {
      const assert = require('assert');
      const methods = {};
      for (const name of ['deepEqual', 'deepStrictEqual', 'doesNotMatch', 'doesNotReject', 'doesNotThrow',
        'equal', 'fail', 'ifError', 'match', 'notDeepEqual', 'notDeepStrictEqual', 'notEqual',
        'notStrictEqual', 'ok', 'rejects', 'strictEqual', 'throws']) {
        const method = assert[name];
        methods[name] = function(...args) {
          test.assertions++;
          return Reflect.apply(method, this, args);
        };
      }
      test.assertObject = methods;
    }
    return test.assertObject;
  }

  // A mock tracker of this test: what it mocked is restored when the test ends.
  get mock() {
    const test = this.#test;
    if (test.mock === undefined) {
      const { MockTracker } = require('internal/test/mock');
      test.mock = new MockTracker();
    }
    return test.mock;
  }

  runOnly() {}

  skip(message) {
    this.#test.skipped = message === undefined ? true : message;
  }

  todo(message) {
    this.#test.todo = message === undefined ? true : message;
  }

  test(name, options, fn) {
    const test = this.#test;
    test.assertions++;
    const args = normalizeArgs(name, options, fn);
    const location = callerLocation(TestContext.prototype.test);
    if (test.finished) {
      // As Node: reported at the top level as a failure, and the promise never settles.
      const late = new Test(getRoot(), 'test', args.name, args.options, args.fn, location);
      late.presetFailure = failure('parentAlreadyFinished', undefined,
        'test could not be started because its parent finished');
      root.addSubtest(late);
      return new Promise(() => {});
    }
    return createTest(test, 'test', args, {}, location);
  }

  // A before hook added to a running test runs at once.
  before(fn, options) {
    const test = this.#test;
    if (!test.started || test.finished) {
      addHook(test, 'before', fn, options);
      return;
    }
    validateFunction(fn, 'fn');
    invoke(test, fn, this, options?.timeout, kHookFailure).then((f) => test.setError(f));
  }

  after(fn, options) {
    addHook(this.#test, 'after', fn, options);
  }

  beforeEach(fn, options) {
    addHook(this.#test, 'beforeEach', fn, options);
  }

  afterEach(fn, options) {
    addHook(this.#test, 'afterEach', fn, options);
  }
}

// The context a suite's function and its before/after hooks receive.
class SuiteContext {
  #suite;
  constructor(suite) {
    this.#suite = suite;
  }

  get name() {
    return this.#suite.name;
  }

  get signal() {
    return this.#suite.controller.signal;
  }
}

// t.error: the failure as Node exposes it, an ERR_TEST_FAILURE error with the cause.
function errorObject(f) {
  if (f === null) return null;
  const err = new Error(f.message);
  err.code = 'ERR_TEST_FAILURE';
  err.failureType = f.failureType;
  if (f.cause !== undefined) err.cause = f.cause;
  return err;
}

function validateFunction(fn, name) {
  if (typeof fn !== 'function') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE(name, 'function', fn);
  }
}

function addHook(owner, kind, fn, options, location) {
  validateFunction(fn, 'fn');
  owner.hooks[kind].push({ fn, timeout: options?.timeout, location });
}

function noop() {}

// (name?, options?, fn?) as Node reads them.
function normalizeArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
    options = undefined;
  } else if (name !== null && typeof name === 'object') {
    fn = options;
    options = name;
  } else if (typeof options === 'function') {
    fn = options;
    options = undefined;
  }
  if (options === null || typeof options !== 'object') options = {};
  if (typeof name !== 'string' || name === '') name = (typeof fn === 'function' && fn.name) || '<anonymous>';
  if (typeof fn !== 'function') fn = noop;
  return { name, options, fn };
}

let root = null;
let rootStart = 0n;
const rootDiagnostics = [];

function getRoot() {
  if (root === null) {
    root = new Test(null, 'root', '<root>', {}, noop, undefined);
    root.started = true;
    rootStart = now();
    queueMicrotask(() => {
      root.accepting = true;
      root.drain();
    });
    process.on('beforeExit', onBeforeExit);
    process.on('uncaughtException', (err) => asyncFailure('uncaughtException', err));
    process.on('unhandledRejection', (err) => asyncFailure('unhandledRejection', err));
  }
  return root;
}

// An uncaught exception or unhandled rejection fails the test it came from while that test runs;
// after it ended (or outside every test) it becomes a diagnostic of the run, which then fails.
function asyncFailure(kind, err) {
  // Before the tests start (the main module is still running) the error is not the tests': it
  // is thrown again, which ends the process as Node's runner does (exit code 7).
  if (!root.accepting) throw err;
  // The handler may run outside the failing callback's async context: then the test running
  // now is taken.
  const test = storage.getStore() ?? running[running.length - 1];
  if (test !== undefined && test !== root && !test.finished) {
    const f = failure(kind, err);
    if (test.settleRunning !== null) test.settleRunning(f);
    else test.setError(f);
    return;
  }
  anyFailed = true;
  if (test === undefined || test === root) {
    rootDiagnostics.push('Error: A resource generated asynchronous activity after the test ended. ' +
      `This activity created the error "${err}" which triggered an ${kind} event, caught by the test runner.`);
  } else {
    let where = test.location;
    const m = typeof where === 'string' ? /^(.*)(:\d+:\d+)$/.exec(where) : null;
    if (m !== null) where = require('path').relative(process.cwd(), m[1]) + m[2];
    rootDiagnostics.push(`Error: Test "${test.name}" at ${where} generated asynchronous activity after the ` +
      `test ended. This activity created the error "${err}" and would have caused the test to fail, but ` +
      `instead triggered an ${kind} event.`);
  }
}

let finishing = false;
function onBeforeExit() {
  if (finishing) return;
  finishing = true;
  process.removeListener('beforeExit', onBeforeExit);
  const pending = cancelFailure('Promise resolution is still pending but the event loop has already resolved');
  for (const child of root.subtests) child.cancel(pending);
  // Keep the loop alive while the cancelled tests report and the root's after hooks run.
  const keepAlive = setInterval(noop, 1000);
  root.whenIdle().then(async () => {
    const f = await root.runHooks('after', root.context, root);
    if (f !== null) {
      // Reported as a test named by the entry file, outside the plan and the counts (as Node).
      anyFailed = true;
      tap.rootFailure(root.subtests.length + 1, process.argv[1] ?? '<root>', msSince(rootStart),
                      f.hookLocation, f);
    }
    tap.summary(counts, root, rootDiagnostics, msSince(rootStart));
    if (anyFailed) process.exitCode = 1;
    clearInterval(keepAlive);
  });
}

function currentParent() {
  return storage.getStore() ?? getRoot();
}

function createTest(parent, kind, args, overrides, location) {
  const options = { ...args.options, ...overrides };
  const test = new Test(parent, kind, args.name, options, args.fn, location);
  if (kind === 'suite') buildSuite(test);
  parent.addSubtest(test);
  return test.donePromise;
}

// A suite's function runs at once, with the suite as the parent of what it declares.
function buildSuite(suite) {
  if (suite.skipped !== undefined) return;
  let ret;
  try {
    ret = storage.run(suite, () => Reflect.apply(suite.fn, suite.context, [suite.context]));
  } catch (e) {
    suite.error = failure(kTestCodeFailure, e);
    return;
  }
  if (isThenable(ret)) {
    suite.buildPromise = Promise.resolve(ret).then(() => null, (e) => failure(kTestCodeFailure, e));
  }
}

function makeDeclarer(kind) {
  const declare = function(name, options, fn) {
    return createTest(currentParent(), kind, normalizeArgs(name, options, fn), {}, callerLocation(declare));
  };
  for (const [variant, overrides] of [['skip', { skip: true }], ['todo', { todo: true }], ['only', { only: true }]]) {
    const f = function(name, options, fn) {
      return createTest(currentParent(), kind, normalizeArgs(name, options, fn), overrides, callerLocation(f));
    };
    Object.defineProperty(f, 'name', { value: variant });
    declare[variant] = f;
  }
  return declare;
}

function hookDeclarer(kind) {
  const declare = function(fn, options) {
    const owner = currentParent();
    if (kind === 'before' && owner === root) {
      // As Node: a global before hook runs at once; the tests wait for it and fail (hookFailed)
      // when it failed.
      validateFunction(fn, 'fn');
      const run = invoke(root, fn, root.context, options?.timeout, kHookFailure).then((f) => {
        if (f !== null && f.failureType === kTestTimeoutFailure) f = failure(kHookFailure, undefined, 'failed running before hook');
        if (f !== null && root.beforeFailure === null) root.beforeFailure = f;
      });
      root.pendingBefore = root.pendingBefore === null ? run : Promise.all([root.pendingBefore, run]);
      return;
    }
    addHook(owner, kind, fn, options, callerLocation(declare));
  };
  return declare;
}

module.exports = {
  test: makeDeclarer('test'),
  describe: makeDeclarer('suite'),
  it: makeDeclarer('test'),
  before: hookDeclarer('before'),
  after: hookDeclarer('after'),
  beforeEach: hookDeclarer('beforeEach'),
  afterEach: hookDeclarer('afterEach'),
};
