'use strict';
// The web classes' members as WebIDL exposes them (enumerable attributes and operations, in
// Node's order), and URL.parse.
const names = ['Event', 'EventTarget', 'CustomEvent', 'AbortController', 'AbortSignal', 'TextEncoder',
  'TextDecoder', 'URL', 'URLSearchParams', 'Blob', 'File', 'ReadableStream', 'WritableStream',
  'TransformStream', 'ReadableStreamDefaultReader', 'WritableStreamDefaultWriter', 'TextEncoderStream',
  'TextDecoderStream', 'CompressionStream', 'DecompressionStream', 'CountQueuingStrategy',
  'ByteLengthQueuingStrategy', 'DOMException', 'Performance', 'PerformanceEntry', 'PerformanceMark',
  'PerformanceMeasure'];
for (const name of names) {
  const C = globalThis[name];
  console.log(name, Object.keys(C.prototype).join(','), '|', Object.keys(C).join(','));
}
const forIn = [];
for (const key in new Event('x')) forIn.push(key);
console.log(forIn.join(','));
console.log(performance.onresourcetimingbufferfull);

console.log(URL.parse('https://a.example/p?q#h').href, URL.parse('/x', 'http://b.example/y/').href);
console.log(URL.parse('nope'), URL.parse('/x', 'not a base'), URL.parse('http://[::1'), URL.parse.length);
console.log(URL.parse('http://c.example') instanceof URL, URL.parse({ toString() { return 'http://d.example'; } }).host);
const parsed = URL.parse('http://e.example/?a=1');
parsed.searchParams.append('b', '2');
console.log(parsed.href, String(parsed), JSON.stringify(parsed));
try { URL.parse(); } catch (e) { console.log(e.code, e.message); }
