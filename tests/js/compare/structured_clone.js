'use strict';
// structuredClone edge cases and error messages compared with Node (Blob cloning is not supported).
function t(label, f) { try { const r = f(); console.log(label, r); } catch (e) { console.log(label, 'throws', e.name, e.code, e.message); } }
t('transfer non-ab', () => structuredClone(1, { transfer: [1] }));
t('transfer dup', () => { const ab = new ArrayBuffer(1); return structuredClone(ab, { transfer: [ab, ab] }); });
t('transfer detached', () => { const ab = new ArrayBuffer(1); structuredClone(ab, { transfer: [ab] }); return structuredClone(ab, { transfer: [ab] }); });
t('transfer not iterable', () => structuredClone(1, { transfer: 5 }));
t('options bad', () => structuredClone(1, 5));
t('options null', () => structuredClone(1, null));
t('weakmap', () => structuredClone(new WeakMap()));
t('proxy', () => structuredClone(new Proxy({}, {})));
t('getter', () => structuredClone({ get a() { return 1; } }));
t('domexception', () => { const c = structuredClone(new DOMException('m', 'AbortError')); return [typeof c, c.constructor.name, c.message]; });
t('sym key', () => structuredClone({ [Symbol('s')]: 1, a: 2 }));
t('boxed', () => structuredClone([new Number(3), new String('s'), Object(1n)]));
t('sparse', () => structuredClone([1, , 3]).length);
t('error props', () => { const e = new TypeError('x'); e.code = 'C'; const c = structuredClone(e); return [c.name, c.message, c.code, c.stack === e.stack]; });
t('view of shared', () => { const ab = new ArrayBuffer(8); const c = structuredClone({ a: new Uint8Array(ab, 0, 4), b: new Uint16Array(ab, 4, 2) }); return [c.a.buffer === c.b.buffer, c.b.byteOffset]; });
