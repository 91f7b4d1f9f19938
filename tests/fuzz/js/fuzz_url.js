'use strict';
// JS-level fuzz driver for URL parsing (the kernel's URL is JS: kernel/lib/internal/url.js, so
// there is no C++ to hand to libFuzzer). `fuzz_url.js SEED COUNT CORPUS_DIR` prints one line per
// input: the parsed URL's parts, a setter's effect, URLSearchParams' view — run_js_fuzz.sh runs it
// under nodus and under Node with the same seed and fails on the first line that differs.
const { makeRandom, mutate, readCorpus } = require('./mutate');

const [seed, count, dir] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const rnd = makeRandom(seed);
const corpus = readCorpus(dir);
const dict = ['http://', 'https://', 'file:///', 'ws:', 'foo:', 'blob:', 'data:', '//', '/./',
  '/../', '%2e', '%2E%2E', '%00', '%ff', '%zz', '[::1]', '[1:2:3:4:5:6:7:8]', '[::ffff:1.2.3.4]',
  '[v1.x]', '0x7f.1', '0177.0.0.1', '4294967295', '4294967296', '1.2.3.4.', '..', 'xn--', 'xn--a',
  'xn--nxasmq6b', ':65535', ':65536', ':0', ':', '@', 'user:pw@', 'C:', 'c|', '\\', '?a=b&c', '#x',
  'ß', 'ＡＢ', '\u0000', '\u001f', ' ', '\t', 'a.b.c', 'localhost', '%41', '+', '%2F', ';'];
// No base with an opaque path ('sc:x'): Node 20's URL parser resolves '?q' and 'a/b' against one,
// where the WHATWG URL Standard (which nodus follows there) says they fail.
const bases = [undefined, 'http://base.test/a/b?q#f', 'file:///C:/dir/f', 'foo://h/p',
  'https://u:p@h.test:81/d/', 'foo:/p/q'];
const props = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
  'pathname', 'search', 'hash'];

function show(fn) {
  try { return fn(); } catch (e) { return `THROW ${e.code || e.name}`; }
}

// Node 20 keeps '.' and '..' segments that follow a segment starting with '.' ('/a/.x/./p' stays
// so; the standard, and nodus, give '/a/.x/p'): such inputs are not compared.
// Node 20 also differs from the standard on URLs of schemes that are not special ('foo://h' with
// '..' has no path there, a host setter ignores '////'...): only special schemes are compared.
const special = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);
function schemeOf(input, fallback) {
  const m = /^[\x00-\x20]*([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(input.replace(/[\t\n\r]/g, ''));
  return m ? m[1].toLowerCase() : fallback;
}
const nodeKeepsDotSegments = (s) => /[/\\]\.[^./\\?#]/.test(s) && /[/\\]\.\.?([/\\?#]|$)/.test(s);

for (let i = 0; i < count; i++) {
  const input = mutate(rnd, corpus, dict);
  const base = bases[rnd(bases.length)];
  const parsed = show(() => {
    const u = base === undefined ? new URL(input) : new URL(input, base);
    return props.map((p) => u[p]).join(' | ') + ' | ' + [...u.searchParams].join(';');
  });
  const prop = props[1 + rnd(props.length - 2)];
  const value = mutate(rnd, corpus, dict).slice(0, 1 + rnd(24));
  const set = show(() => {
    const u = new URL(input, 'http://b.test/');
    // Node 20 clears the port where the standard leaves it unchanged (as nodus does): for a port
    // value with digits after its start ('x:80'), and for a host value whose port part does not
    // start with a digit ('h:x1', 'h:/'). Such values are not compared.
    const nodeClearsPort = prop === 'port' ? /^[^0-9]+[0-9]/.test(value) :
      prop === 'host' && /:([^0-9]|$)/.test(value.replace(/\[[^\]]*\]/g, ''));
    if (!nodeClearsPort) u[prop] = value;
    return u.href;
  });
  const can = URL.canParse(input, base);
  if (nodeKeepsDotSegments(input) || nodeKeepsDotSegments(value)) continue;
  const baseScheme = base === undefined ? undefined : schemeOf(base);
  if (!special.has(schemeOf(input, baseScheme)) || !special.has(schemeOf(input, 'http'))) continue;
  console.log(JSON.stringify([input, base, parsed, prop, value, set, can]));
}
