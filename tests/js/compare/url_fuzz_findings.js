'use strict';
// Inputs the URL fuzzer (tests/fuzz/js/fuzz_url.js) found where nodus and Node disagreed; compared
// against Node.
const cases = [
  ['http://a/p??', undefined],            // searchParams keeps the query's own leading '?'
  ['http://a/p??x=1&y', undefined],
  ['http:/xn--nxasmqhttpuid', 'foo://h/p'],  // punycode that decodes to mapped code points
  ['http://xn--n-n-nxasmq6b.com/', undefined],
  ['http://xn--nxasmq6b.com/', undefined],   // a valid one still parses
  ['http://192.168.\ud83dttp://trim.test/', undefined],  // lone surrogate -> U+FFFD -> failure
  ['http://a\ufffd.b/', undefined],
];
for (const [input, base] of cases) {
  let out;
  try {
    const u = new URL(input, base);
    out = `${u.href} host=${u.host} params=${JSON.stringify([...u.searchParams])}`;
  } catch (e) {
    out = `THROW ${e.code}`;
  }
  console.log(JSON.stringify(input), out);
}
const url = require('url');
for (const d of ['xn--nxasmqhttpuid', 'xn--n-n-nxasmq6b.com', 'a\ufffd.b', 'xn--nxasmq6b']) {
  console.log(JSON.stringify(d), JSON.stringify(url.domainToASCII(d)), JSON.stringify(url.domainToUnicode(d)));
}
// C1 controls are disallowed in domains.
for (const input of ['http://no\x80scheme.test/', 'http://0x7f.0.0.1\x80/', 'http://a\x9f.b/']) {
  let out;
  try { out = new URL(input).href; } catch (e) { out = `THROW ${e.code}`; }
  console.log(JSON.stringify(input), out);
}
// The host setter parses in place: a host that parsed stays when the port after it fails.
for (const [start, value] of [['htp:////192.168.0.1:8080/p?q#h', 'fil:65536e:///C:'],
  ['http://no-schemeB/%05p', '-sc:65536heme/pa'], ['http://a:81/', 'b:99999'], ['http://a:81/', 'c:82x']]) {
  const u = new URL(start);
  u.host = value;
  console.log(start, JSON.stringify(value), u.href);
}
// Punycode labels: C1 controls, unassigned code points and mixed-direction letters are refused;
// one that decodes to plain ASCII is kept as Node keeps it.
for (const h of ['xn--a', 'xn--aexample', 'xn--nxasmq666b', 'xn--n-xasmq6b', 'xn--0x7f',
  'xn--nxasxn--mq6bq6bq6b', 'xn--nxasmq6bno-', 'xn--abc-', 'xn--', 'xn--ls8h', 'a\u0752b.c', '\u05d0\u05d1.c']) {
  let u;
  try { u = new URL(`http://${h}/`).host; } catch (e) { u = `THROW ${e.code}`; }
  console.log(JSON.stringify(h), u);
}
// Combining marks of an RTL script are not RTL; Cherokee capitals are valid as they are.
for (const h of ['xn--nxas-scheme', 'xn--n--n--n8xasmq6b', 'xn--nxamq666b', '\u13a0\u13a1.c', '\uab70.c']) {
  let u;
  try { u = new URL(`http://${h}/`).host; } catch (e) { u = `THROW ${e.code}`; }
  console.log(JSON.stringify(h), u);
}
