// Differential check against the machine's Node: node --expose-internals fuzz_events.js [seed]
const load = require('./load.js');
const Mine = load('events');
const Ref = require('events');
let seed = +process.argv[2] || 1;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
let fails = 0;
for (let round = 0; round < 3000; round++) {
  const logs = [[], []];
  const ems = [new Ref(), new Mine()];
  const opsSeed = seed;
  ems.forEach((e, k) => {
    seed = opsSeed;
    const log = logs[k];
    const fns = Array.from({ length: 4 }, (_, i) => function (...a) { log.push(`f${i}(${a.join(',')})`); if (rnd(6) === 0) e.removeListener(['a', 'b'][rnd(2)], fns[rnd(4)]); if (rnd(8) === 0) e.on('a', fns[rnd(4)]); });
    e.on('newListener', (n) => log.push(`new:${String(n)}`));
    if (rnd(2)) e.on('removeListener', (n) => log.push(`rm:${String(n)}`));
    for (let i = 0; i < 25; i++) {
      const ev = ['a', 'b', 'error'][rnd(3)];
      const f = fns[rnd(4)];
      try {
        switch (rnd(9)) {
          case 0: e.on(ev, f); break;
          case 1: e.once(ev, f); break;
          case 2: e.prependListener(ev, f); break;
          case 3: e.prependOnceListener(ev, f); break;
          case 4: e.off(ev, f); break;
          case 5: log.push('emit:' + e.emit(ev, i)); break;
          case 6: if (rnd(3) === 0) e.removeAllListeners(); else e.removeAllListeners(ev); break;
          case 7: log.push(`count:${e.listenerCount(ev)}:${e.listenerCount(ev, f)}:${e.rawListeners(ev).length}:${e.listeners(ev).length}`); break;
          default: log.push('names:' + e.eventNames().map(String).join('/')); break;
        }
      } catch (err) { log.push('throw:' + (err.code || err.message)); }
    }
  });
  if (logs[0].join('|') !== logs[1].join('|')) { if (++fails <= 3) { console.log('NODE', logs[0].join(' ')); console.log('MINE', logs[1].join(' ')); } }
}
console.log('fails', fails);
