'use strict';
// url.format of WHATWG URLs with every option combination; compared against Node.
const url = require('url');
const inputs = ['https://user:pw@測試.com:8080/p?q#h', 'http://a/', 'file:///x/y', 'file://host/x', 'mailto:a@b', 'foo://u@h/p?q#f', 'http://[::1]:81/', 'https://xn--espaol-zwa.com/ñ?é#ü', 'foo:/x', 'sc://h', 'data:text/plain,x', 'http://:p@h/', 'http://u:@h/', 'non-special:///p'];
for (const i of inputs) {
  const u = new URL(i);
  for (const o of [undefined, {}, { unicode: true }, { auth: false }, { search: false }, { fragment: false }, { unicode: true, auth: false, search: false, fragment: false }]) {
    console.log(i, JSON.stringify(o), url.format(u, o));
  }
}
