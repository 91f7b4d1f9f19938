'use strict';
// The forked side of bench/child_process.js: echoes messages; on { burst: ms } streams messages to
// the parent for that long (with backpressure from send's return value), then reports the count.

process.on('message', (m) => {
  if (m && m.burst !== undefined) {
    const end = performance.now() + m.burst;
    const msg = { seq: 0, text: 'hello from the child', list: [1, 2, 3] };
    let sent = 0;
    const pump = () => {
      while (performance.now() < end) {
        msg.seq = sent++;
        if (!process.send(msg)) {
          setImmediate(pump);
          return;
        }
      }
      process.send({ sent });
    };
    pump();
    return;
  }
  process.send(m);
});
