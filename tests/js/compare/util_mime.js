'use strict';
const util = require('util');
const inputs = ['Text/HTML; Charset="utf-8"; foo=bar;x', 'text', 'te xt/html', 'text/', 'a/b;c="d\\"e";c=f', ' x/y ; q = 1 ', 'a/b;k="unterminated\\', 'application/json;charset=UTF-8;'];
for (const i of inputs) {
  try {
    const m = new util.MIMEType(i);
    console.log(util.inspect(m), String(m), JSON.stringify(m), m.type, m.subtype, m.essence, [...m.params], m.params.get('charset'), m.params.has('foo'));
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
const m = new util.MIMEType('text/plain');
m.type = 'Application'; m.subtype = 'JSON'; m.params.set('q', 'a "b"'); m.params.set('e', '');
console.log(String(m), [...m.params.keys()], [...m.params.values()]);
m.params.delete('q');
console.log(String(m));
for (const f of [() => { m.type = 'a b'; }, () => m.params.set('a b', 'c'), () => m.params.set('a', '\u0100')]) {
  try { f(); } catch (e) { console.log(e.message); }
}
