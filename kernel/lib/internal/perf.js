'use strict';
// The `performance` global: a monotonic now() from uv_hrtime, timeOrigin, and the user timing
// entries (mark/measure) kept in one buffer.

const binding = internalBinding('performance');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kSkipThrow = Symbol('kSkipThrow');
const now = binding.now;
// Read per process (never at module load, which a startup snapshot may have done elsewhere).
const timeOrigin = () => binding.timeOrigin();

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

const kName = Symbol('kName');
const kType = Symbol('kType');
const kStart = Symbol('kStart');
const kDuration = Symbol('kDuration');
const kDetail = Symbol('kDetail');

class PerformanceEntry {
  constructor(skip = undefined, name, type, start, duration, detail) {
    if (skip !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kName] = name;
    this[kType] = type;
    this[kStart] = start;
    this[kDuration] = duration;
    this[kDetail] = detail;
  }

  get name() { return this[kName]; }
  get entryType() { return this[kType]; }
  get startTime() { return this[kStart]; }
  get duration() { return this[kDuration]; }

  [customInspect](depth, options) {
    return inspectAs(this, this.toJSON(), depth, options);
  }

  toJSON() {
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
    };
  }
}

function structuredCloneDetail(detail) {
  if (detail === undefined || detail === null) return null;
  const clone = globalThis.structuredClone || require('internal/structured_clone').structuredClone;
  return clone(detail);
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options != null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    let startTime = options?.startTime ?? now();
    if (typeof startTime !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.startTime', 'number', startTime);
    }
    if (startTime < 0) {
      const DOMException = require('internal/dom_exception');
      throw new DOMException(`${name} cannot have a negative start time`, 'SyntaxError');
    }
    super(kSkipThrow, name, 'mark', startTime, 0, structuredCloneDetail(options?.detail));
  }

  get detail() { return this[kDetail]; }

  toJSON() {
    return { ...super.toJSON(), detail: this.detail };
  }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(skip = undefined, ...rest) {
    if (skip !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kSkipThrow, ...rest);
  }

  get detail() { return this[kDetail]; }

  toJSON() {
    return { ...super.toJSON(), detail: this.detail };
  }
}

for (const C of [PerformanceEntry, PerformanceMark, PerformanceMeasure]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: C.name, configurable: true,
  });
}
// WebIDL members are enumerable, in Node's order.
const { exposeMembers } = require('internal/util');
exposeMembers(PerformanceEntry.prototype, ['name', 'entryType', 'startTime', 'duration', 'toJSON']);
exposeMembers(PerformanceMark.prototype, ['detail']);
exposeMembers(PerformanceMeasure.prototype, ['detail']);

const marks = [];
const measures = [];
// perf_hooks' PerformanceObserver hears about new entries through this hook.
let entryHook = null;
function setEntryHook(fn) {
  entryHook = fn;
}

function markTime(name) {
  for (let i = marks.length - 1; i >= 0; i--) {
    if (marks[i].name === name) return marks[i].startTime;
  }
  const DOMException = require('internal/dom_exception');
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

function toTime(value) {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    if (value < 0) throw new ERR_INVALID_ARG_VALUE('time', value);
    return value;
  }
  return markTime(`${value}`);
}

function sortedEntries() {
  return [...marks, ...measures].sort((a, b) => a.startTime - b.startTime);
}

class Performance extends (require('internal/event_target').EventTarget) {
  constructor(skip = undefined) {
    if (skip !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  now() { return now(); }

  get timeOrigin() { return timeOrigin(); }

  mark(name, options = undefined) {
    const m = new PerformanceMark(...arguments);
    marks.push(m);
    if (entryHook !== null) entryHook(m);
    return m;
  }

  measure(name, startOrOptions = undefined, endMark = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    let start;
    let end;
    let detail = null;
    let duration;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      start = toTime(startOrOptions.start);
      end = toTime(startOrOptions.end);
      duration = startOrOptions.duration;
      detail = structuredCloneDetail(startOrOptions.detail);
      if (end === undefined && duration !== undefined) end = (start ?? 0) + duration;
      if (start === undefined && duration !== undefined && end !== undefined) start = end - duration;
    } else {
      start = toTime(startOrOptions);
    }
    if (endMark !== undefined) end = toTime(endMark);
    if (end === undefined) end = now();
    if (start === undefined) start = 0;
    const m = new PerformanceMeasure(kSkipThrow, name, 'measure', start, end - start, detail);
    measures.push(m);
    if (entryHook !== null) entryHook(m);
    return m;
  }

  clearMarks(name = undefined) {
    removeEntries(marks, name);
  }

  clearMeasures(name = undefined) {
    removeEntries(measures, name);
  }

  clearResourceTimings() {}
  setResourceTimingBufferSize() {}
  markResourceTiming() {}

  getEntries() {
    return sortedEntries();
  }

  getEntriesByName(name, type = undefined) {
    name = `${name}`;
    return sortedEntries().filter((e) => e.name === name &&
      (type === undefined || e.entryType === `${type}`));
  }

  getEntriesByType(type) {
    type = `${type}`;
    if (type === 'mark') return marks.slice();
    if (type === 'measure') return measures.slice();
    return [];
  }

  eventLoopUtilization() {
    return { idle: 0, active: 0, utilization: 0 };
  }

  timerify(fn) {
    if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'function', fn);
    return fn;
  }

  get nodeTiming() {
    return {
      name: 'node',
      entryType: 'node',
      startTime: 0,
      duration: now(),
    };
  }

  toJSON() {
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  }

  [customInspect](depth, options) {
    return inspectAs(this, this.toJSON(), depth, options);
  }
}

Object.defineProperty(Performance.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Performance', configurable: true,
});
// Resource timing is not recorded, so the buffer never fills; the handler is only kept.
const kOnBufferFull = Symbol('kOnBufferFull');
Object.defineProperty(Performance.prototype, 'onresourcetimingbufferfull', {
  __proto__: null,
  configurable: true,
  get() { return this[kOnBufferFull] ?? null; },
  set(value) { this[kOnBufferFull] = typeof value === 'function' ? value : null; },
});
exposeMembers(Performance.prototype, ['clearMarks', 'clearMeasures', 'clearResourceTimings',
  'getEntries', 'getEntriesByName', 'getEntriesByType', 'mark', 'measure', 'now',
  'setResourceTimingBufferSize', 'timeOrigin', 'toJSON', 'onresourcetimingbufferfull']);

function removeEntries(list, name) {
  if (name === undefined) {
    list.length = 0;
    return;
  }
  name = `${name}`;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].name === name) list.splice(i, 1);
  }
}

const performance = new Performance(kSkipThrow);

module.exports = {
  setEntryHook,
  now,
  performance,
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
};
