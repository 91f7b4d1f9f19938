'use strict';
// A CPU profile and a heap snapshot taken through inspector.Session, and their shape.
const inspector = require('inspector');
const session = new inspector.Session();
session.connect();
session.post('Runtime.evaluate', { expression: '1 + 2' }, (err, r) => {
  console.log('eval', err, r.result.value);
  session.post('Profiler.enable', () => {
    session.post('Profiler.start', () => {
      let x = 0; for (let i = 0; i < 1e6; i++) x += i;
      session.post('Profiler.stop', (err, { profile }) => {
        console.log('profile', Array.isArray(profile.nodes), profile.nodes.length > 0, typeof profile.startTime);
        const chunks = [];
        session.on('HeapProfiler.addHeapSnapshotChunk', (m) => chunks.push(m.params.chunk));
        session.post('HeapProfiler.takeHeapSnapshot', null, (err) => {
          const snap = JSON.parse(chunks.join(''));
          console.log('heap', err, typeof snap.snapshot.meta, snap.nodes.length > 0);
          session.disconnect();
        });
      });
    });
  });
});
