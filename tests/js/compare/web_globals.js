'use strict';
// TextEncoder/TextDecoder, Event/EventTarget, AbortController/AbortSignal, DOMException,
// structuredClone, atob/btoa and performance, printed and compared with Node.
const j = JSON.stringify;
function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
}

// TextEncoder / TextDecoder
const te = new TextEncoder();
show('encode', () => te.encode('h€llo 😀'));
show('encode empty', () => te.encode());
show('encode lone', () => te.encode('\ud800'));
show('encoding', () => te.encoding);
show('encodeInto', () => te.encodeInto('a😀b', new Uint8Array(4)));
show('encodeInto fits', () => te.encodeInto('a😀b', new Uint8Array(10)));
show('encodeInto é', () => te.encodeInto('éé', new Uint8Array(3)));
show('encodeInto bad', () => te.encodeInto('a', []));
show('te inspect', () => te);
const td = new TextDecoder();
show('td', () => td);
show('decode', () => td.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9])));
show('decode ab', () => td.decode(new Uint8Array([0x68, 0x69]).buffer));
show('decode dataview', () => td.decode(new DataView(new Uint8Array([0x41, 0x42]).buffer)));
show('decode invalid', () => j(td.decode(new Uint8Array([0xff, 0x41, 0xe2, 0x82]))));
show('decode bad', () => td.decode(5));
show('ignoreBOM', () => j(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))));
show('fatal', () => new TextDecoder('utf8', { fatal: true }).decode(new Uint8Array([0xc3])));
show('fatal ok', () => new TextDecoder('utf8', { fatal: true }).decode(new Uint8Array([0xc3, 0xa9])));
{
  const d = new TextDecoder();
  const parts = [[0xe2], [0x82], [0xac, 0x41], [0xf0, 0x9f], [0x98, 0x80]];
  show('stream', () => j(parts.map((p) => d.decode(new Uint8Array(p), { stream: true })).concat(d.decode())));
  const f = new TextDecoder('utf-8', { fatal: true });
  show('stream fatal end', () => [f.decode(new Uint8Array([0xe2]), { stream: true }), f.decode()]);
}
show('utf-16le', () => new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x3d, 0xd8, 0, 0xde])));
show('utf-16le odd', () => j(new TextDecoder('utf-16le').decode(new Uint8Array([0x41, 0, 0x42]))));
show('utf-16 label', () => new TextDecoder('UTF-16').encoding);
show('latin1', () => [new TextDecoder('latin1').encoding, new TextDecoder(' ascii ').encoding,
  new TextDecoder('latin1').decode(new Uint8Array([0x41, 0xe9, 0xff]))]);
show('unknown', () => new TextDecoder('foo'));
show('props', () => [td.encoding, td.fatal, td.ignoreBOM, Object.prototype.toString.call(td)]);

// Event / EventTarget
show('event', () => { const e = new Event('foo', { cancelable: true }); return [e.type, e.cancelable, e.bubbles, e.defaultPrevented, e.eventPhase, e.isTrusted, e.target, e.composedPath(), typeof e.timeStamp]; });
show('event no type', () => new Event());
show('event consts', () => [Event.NONE, Event.AT_TARGET, Event.BUBBLING_PHASE, Event.CAPTURING_PHASE]);
show('custom', () => [new CustomEvent('c', { detail: { x: 1 } }).detail, new CustomEvent('c').detail]);
{
  const t = new EventTarget();
  const order = [];
  const l1 = function(e) { order.push(`l1 ${this === t} ${e.eventPhase} ${e.target === t}`); };
  t.addEventListener('x', l1);
  t.addEventListener('x', l1);
  t.addEventListener('x', { handleEvent(e) { order.push(`obj ${e.type}`); } });
  t.addEventListener('x', () => order.push('once'), { once: true });
  t.addEventListener('x', (e) => { order.push('prevent'); e.preventDefault(); });
  const ev = new Event('x', { cancelable: true });
  show('dispatch ret', () => t.dispatchEvent(ev));
  show('order', () => order);
  order.length = 0;
  t.removeEventListener('x', l1);
  t.dispatchEvent(new Event('x'));
  show('after remove', () => order);
  show('after dispatch', () => [ev.eventPhase, ev.currentTarget, ev.target === t, ev.defaultPrevented, ev.returnValue]);
  const s = new EventTarget();
  s.addEventListener('y', (e) => { order.push('a'); e.stopImmediatePropagation(); });
  s.addEventListener('y', () => order.push('b'));
  order.length = 0;
  s.dispatchEvent(new Event('y'));
  show('stopImmediate', () => order);
  show('passive', () => { const p = new EventTarget(); const e = new Event('p', { cancelable: true }); p.addEventListener('p', (ev) => ev.preventDefault(), { passive: true }); p.dispatchEvent(e); return e.defaultPrevented; });
  show('signal option', () => { const ac = new AbortController(); const o = []; const q = new EventTarget(); q.addEventListener('z', () => o.push(1), { signal: ac.signal }); q.dispatchEvent(new Event('z')); ac.abort(); q.dispatchEvent(new Event('z')); return o; });
  show('bad listener', () => t.addEventListener('x', 5));
  show('missing args', () => t.addEventListener('x'));
  show('bad event', () => t.dispatchEvent({ type: 'x' }));
  show('recursion', () => { const r = new EventTarget(); const e = new Event('r'); let err; r.addEventListener('r', () => { try { r.dispatchEvent(e); } catch (x) { err = x.code; } }); r.dispatchEvent(e); return err; });
  show('target inspect', () => t);
  show('event inspect type', () => typeof require('util').inspect(new Event('q')));
}

// AbortController / AbortSignal
{
  const ac = new AbortController();
  show('ac', () => ac);
  const seen = [];
  ac.signal.onabort = (e) => seen.push(`onabort ${e.type} ${e.isTrusted}`);
  ac.signal.addEventListener('abort', () => seen.push('listener'));
  ac.abort('why');
  ac.abort('again');
  show('aborted', () => [ac.signal.aborted, ac.signal.reason, seen]);
  show('throwIfAborted', () => ac.signal.throwIfAborted());
  show('ac after', () => ac);
  show('static abort', () => { const s = AbortSignal.abort(); return [s.aborted, s.reason.name, s.reason.message, s.reason.code]; });
  show('static abort reason', () => AbortSignal.abort(42).reason);
  show('illegal', () => new AbortSignal());
  show('timeout bad', () => AbortSignal.timeout(-1));
  show('any aborted', () => { const a = AbortSignal.any([new AbortController().signal, AbortSignal.abort('r')]); return [a.aborted, a.reason]; });
  show('any bad', () => AbortSignal.any([1]));
  const c1 = new AbortController();
  const any = AbortSignal.any([c1.signal, new AbortController().signal]);
  c1.abort('first');
  show('any follows', () => [any.aborted, any.reason]);
  const ts = AbortSignal.timeout(5);
  ts.addEventListener('abort', () => console.log('timeout fired', ts.reason.name, ts.reason.message, ts.reason.code));
  setTimeout(() => {}, 50);
  show('toStringTag', () => [Object.prototype.toString.call(ac), Object.prototype.toString.call(ac.signal)]);
}

// DOMException
show('domexception', () => { const e = new DOMException('msg', 'NotFoundError'); return [e.name, e.message, e.code, e instanceof Error, Object.keys(e), String(e)]; });
show('domexception opts', () => { const e = new DOMException('m', { name: 'DataCloneError', cause: 1 }); return [e.name, e.code, e.cause]; });
show('domexception default', () => { const e = new DOMException(); return [e.name, e.message, e.code, DOMException.ABORT_ERR, e.TIMEOUT_ERR]; });

// structuredClone
show('clone', () => structuredClone({ a: 1, d: new Date(0), r: /x/gi, m: new Map([[1, { z: 2 }]]), s: new Set([1]), u: new Uint8Array([1, 2]), big: 1n, n: null, arr: [1, , 3] }));
show('clone circular', () => { const o = { name: 'o' }; o.self = o; const c = structuredClone(o); return [c !== o, c.self === c]; });
show('clone error', () => { const c = structuredClone(new RangeError('bad')); return [c instanceof RangeError, c.message]; });
show('clone fn', () => structuredClone(() => {}));
show('clone symbol', () => structuredClone(Symbol('s')));
show('clone none', () => structuredClone());
show('clone buffer', () => { const c = structuredClone(Buffer.from('ab')); return [c.constructor.name, c.length]; });
show('clone transfer', () => { const ab = new ArrayBuffer(4); const c = structuredClone(ab, { transfer: [ab] }); return [ab.byteLength, c.byteLength]; });
show('clone class', () => { class K { constructor() { this.x = 1; } } const c = structuredClone(new K()); return [c.constructor.name, c.x]; });

// atob / btoa
show('btoa', () => [btoa('abc'), btoa(''), btoa(123), atob('YWJj'), atob(''), atob(null)]);
show('atob bad', () => atob('YW=Jj'));
show('atob padding', () => [atob('YQ'), atob('YQ='), atob('YQ==')]);
show('atob padding bad', () => atob('YQ==='));

// performance
show('perf', () => [typeof performance.now(), performance.now() >= 0, performance.timeOrigin > 1.6e12,
  typeof performance.toJSON().timeOrigin]);
show('mark', () => { const m = performance.mark('m1', { detail: { a: 1 } }); return [m.name, m.entryType, m.duration, m.detail, typeof m.startTime]; });
show('measure', () => { performance.mark('m2'); const m = performance.measure('meas', 'm1', 'm2'); return [m.name, m.entryType, m.duration >= 0, m.detail]; });
show('entries', () => performance.getEntries().map((e) => `${e.entryType}:${e.name}`));
show('byType', () => performance.getEntriesByType('mark').map((e) => e.name));
show('byName', () => performance.getEntriesByName('m1').length);
show('clear', () => { performance.clearMarks(); return [performance.getEntriesByType('mark').length, performance.getEntriesByType('measure').length]; });
show('measure missing', () => performance.measure('x', 'nope'));
show('perf classes', () => [typeof PerformanceEntry, typeof PerformanceMark, typeof PerformanceMeasure, typeof Performance]);
