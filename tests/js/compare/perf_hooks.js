'use strict';
// perf_hooks: exports, observers for mark/measure, histograms.
const ph = require('perf_hooks');
console.log(Object.keys(ph).join(' '));
console.log(ph.constants.NODE_PERFORMANCE_GC_MAJOR, ph.PerformanceObserver.supportedEntryTypes);
console.log(ph.performance === performance, typeof ph.PerformanceEntry);
const h = ph.createHistogram();
h.record(5);
h.record(15);
h.record(15);
h.record(100);
console.log(h);
console.log(h.percentile(50), h.percentile(99), h.count, h.min, h.max, h.mean, h.toJSON().count);
try { h.record(0); } catch (e) { console.log(e.code, e.message); }
try { h.percentile(101); } catch (e) { console.log(e.code, e.message); }
h.reset();
console.log(h.count, h.percentiles.get(100));
const obs = new ph.PerformanceObserver((list, o) => {
  console.log('observed', list.getEntries().map((e) => `${e.entryType}:${e.name}`), o === obs);
  console.log('by type', list.getEntriesByType('measure').length, list.getEntriesByName('a').length);
  obs.disconnect();
});
obs.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('a');
performance.mark('b');
performance.measure('a-b', 'a', 'b');
console.log('after marks');
process.nextTick(() => console.log('tick'));
const m = ph.monitorEventLoopDelay({ resolution: 10 });
console.log(m.enable(), m.enable());
setTimeout(() => {
  console.log(m.disable(), m.count > 0, m.min > 0, m.max >= m.min);
}, 60);
try { ph.monitorEventLoopDelay({ resolution: -1 }); } catch (e) { console.log(e.code, e.message); }
