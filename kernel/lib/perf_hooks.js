'use strict';
// perf_hooks: the `performance` object (internal/perf) plus PerformanceObserver for 'mark' and
// 'measure' entries, and histograms (createHistogram, monitorEventLoopDelay) kept in JS.

const perf = require('internal/perf');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

let inspectFn;
function inspect(value, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(value, opts);
}

const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark',
  'measure', 'net', 'resource']);

// ---- PerformanceObserver -------------------------------------------------------------------------

const observers = new Set();
let pendingDelivery = false;

class PerformanceObserverEntryList {
  #entries;
  constructor(entries) {
    this.#entries = entries.slice().sort((a, b) => a.startTime - b.startTime);
  }
  getEntries() { return this.#entries.slice(); }
  getEntriesByType(type) {
    type = `${type}`;
    return this.#entries.filter((e) => e.entryType === type);
  }
  getEntriesByName(name, type = undefined) {
    name = `${name}`;
    return this.#entries.filter((e) => e.name === name && (type === undefined || e.entryType === `${type}`));
  }
  [customInspect](depth, options) {
    if (depth < 0) return this;
    return `PerformanceObserverEntryList ${inspect(this.#entries, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

class PerformanceObserver {
  #callback;
  #types = new Set();
  #buffer = [];

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  static get supportedEntryTypes() { return supportedEntryTypes; }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    if (entryTypes !== undefined && type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes, 'options.entryTypes can not set with options.type together');
    }
    this.#types.clear();
    if (entryTypes !== undefined) {
      if (!Array.isArray(entryTypes)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      for (const t of entryTypes) if (supportedEntryTypes.includes(t)) this.#types.add(t);
    } else {
      if (!supportedEntryTypes.includes(type)) return;
      this.#types.add(type);
      if (buffered) {
        for (const e of perf.performance.getEntriesByType(type)) this.#buffer.push(e);
        if (this.#buffer.length > 0) scheduleDelivery();
      }
    }
    if (this.#types.size > 0) observers.add(this);
    else this.disconnect();
  }

  disconnect() {
    observers.delete(this);
    this.#buffer = [];
  }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  // Called by enqueue() for every new entry.
  _enqueue(entry) {
    if (!this.#types.has(entry.entryType)) return false;
    this.#buffer.push(entry);
    return true;
  }

  _deliver() {
    if (this.#buffer.length === 0) return;
    const list = new PerformanceObserverEntryList(this.#buffer);
    this.#buffer = [];
    this.#callback.call(this, list, this);
  }

  [customInspect](depth, options) {
    if (depth < 0) return this;
    return `PerformanceObserver ${inspect({
      connected: observers.has(this),
      pending: this.#buffer.length > 0,
      entryTypes: [...this.#types],
      buffer: this.#buffer,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

function scheduleDelivery() {
  if (pendingDelivery) return;
  pendingDelivery = true;
  // Entries reach observers in the check phase, after the timers of this loop turn (as in Node).
  setImmediate(() => {
    pendingDelivery = false;
    for (const o of [...observers]) o._deliver();
  }).unref?.();
}

function enqueue(entry) {
  let any = false;
  for (const o of observers) any = o._enqueue(entry) || any;
  if (any) scheduleDelivery();
}

perf.setEntryHook(enqueue);

// ---- histograms ----------------------------------------------------------------------------------

class SafeMap extends Map {}

const kValues = Symbol('kValues');

class Histogram {
  constructor() {
    this[kValues] = new Map();  // value -> count
    this._reset();
  }

  _reset() {
    this[kValues].clear();
    this._count = 0;
    this._min = 9223372036854776000;
    this._max = 0;
    this._sum = 0;
    this._sumSq = 0;
    this._exceeds = 0;
  }

  _record(v) {
    this[kValues].set(v, (this[kValues].get(v) || 0) + 1);
    this._count++;
    if (v < this._min) this._min = v;
    if (v > this._max) this._max = v;
    this._sum += v;
    this._sumSq += v * v;
  }

  get count() { return this._count; }
  get countBigInt() { return BigInt(this._count); }
  get min() { return this._min; }
  get minBigInt() { return BigInt(this._min); }
  get max() { return this._max; }
  get maxBigInt() { return BigInt(this._max); }
  get exceeds() { return this._exceeds; }
  get exceedsBigInt() { return BigInt(this._exceeds); }
  get mean() { return this._count === 0 ? NaN : this._sum / this._count; }
  get stddev() {
    if (this._count === 0) return NaN;
    const mean = this._sum / this._count;
    return Math.sqrt(Math.max(0, this._sumSq / this._count - mean * mean));
  }

  percentile(percentile) {
    if (typeof percentile !== 'number') throw new ERR_INVALID_ARG_TYPE('percentile', 'number', percentile);
    if (!(percentile > 0 && percentile <= 100)) {
      throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    }
    return this._valueAt(percentile);
  }

  percentileBigInt(percentile) {
    return BigInt(this.percentile(percentile));
  }

  _valueAt(percentile) {
    if (this._count === 0) return 0;
    const wanted = Math.max(1, Math.ceil((percentile / 100) * this._count));
    let seen = 0;
    for (const v of [...this[kValues].keys()].sort((a, b) => a - b)) {
      seen += this[kValues].get(v);
      if (seen >= wanted) return v;
    }
    return this._max;
  }

  get percentiles() {
    const map = new SafeMap();
    if (this._count === 0) {
      map.set(100, 0);
      return map;
    }
    map.set(0, this._min);
    let level = 50;
    let step = 50;
    for (;;) {
      const v = this._valueAt(level);
      map.set(level, v);
      if (v >= this._max || step < 1e-6) break;
      step /= 2;
      level += step;
    }
    map.set(100, this._max);
    return map;
  }

  get percentilesBigInt() {
    const map = new SafeMap();
    for (const [k, v] of this.percentiles) map.set(k, BigInt(v));
    return map;
  }

  reset() {
    this._reset();
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }

  [customInspect](depth, options) {
    if (depth < 0) return this;
    return `Histogram ${inspect({
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      count: this.count,
      percentiles: this.percentiles,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

class RecordableHistogram extends Histogram {
  record(val) {
    if (typeof val === 'bigint') val = Number(val);
    else if (typeof val !== 'number') throw new ERR_INVALID_ARG_TYPE('val', ['integer', 'bigint'], val);
    if (!Number.isInteger(val)) throw new ERR_INVALID_ARG_TYPE('val', ['integer', 'bigint'], val);
    if (val < 1 || val > Number.MAX_SAFE_INTEGER) {
      throw new ERR_OUT_OF_RANGE('val', `>= 1 && <= ${Number.MAX_SAFE_INTEGER}`, val);
    }
    this._record(val);
  }

  recordDelta() {
    const now = process.hrtime.bigint();
    if (this._last !== undefined) this._record(Math.max(1, Number(now - this._last)));
    this._last = now;
  }

  add(other) {
    if (!(other instanceof Histogram)) throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    for (const [v, n] of other[kValues]) for (let i = 0; i < n; i++) this._record(v);
  }
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  return new RecordableHistogram();
}

// Event-loop delay: a timer every `resolution` ms records how late it ran, in nanoseconds.
class IntervalHistogram extends Histogram {
  #resolution;
  #timer = null;
  #expected = 0n;

  constructor(resolution) {
    super();
    this.#resolution = resolution;
  }

  enable() {
    if (this.#timer !== null) return false;
    const tick = () => {
      const now = process.hrtime.bigint();
      if (this.#expected !== 0n) {
        const delay = Number(now - this.#expected);
        this._record(Math.max(1, delay > 0 ? delay : 1));
      }
      this.#expected = now + BigInt(this.#resolution) * 1000000n;
    };
    tick();
    this.#timer = setInterval(tick, this.#resolution);
    this.#timer.unref();
    return true;
  }

  disable() {
    if (this.#timer === null) return false;
    clearInterval(this.#timer);
    this.#timer = null;
    this.#expected = 0n;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  if (typeof resolution !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('options.resolution', 'number', resolution);
  }
  if (!Number.isInteger(resolution) || resolution < 1 || resolution > Number.MAX_SAFE_INTEGER) {
    throw new ERR_OUT_OF_RANGE('options.resolution', `>= 1 && <= ${Number.MAX_SAFE_INTEGER}`, resolution);
  }
  return new IntervalHistogram(resolution);
}

const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

class PerformanceResourceTiming extends perf.PerformanceEntry {}

module.exports = {
  Performance: perf.Performance,
  PerformanceEntry: perf.PerformanceEntry,
  PerformanceMark: perf.PerformanceMark,
  PerformanceMeasure: perf.PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  createHistogram,
  performance: perf.performance,
  constants,
};
