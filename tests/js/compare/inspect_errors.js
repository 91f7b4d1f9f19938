'use strict';
// Errors under util.inspect, with stacks replaced so the output does not depend on the runtime.
const util = require('util');

function mk(Ctor, msg, stackLines, props) {
  const e = new Ctor(msg);
  e.stack = `${e.name}: ${msg}` + (stackLines ? stackLines.map((l) => `\n    at ${l}`).join('') : '');
  return Object.assign(e, props);
}

const frames = ['f1 (/a/b.js:1:1)', 'f2 (/a/c.js:2:2)', 'f3 (/a/d.js:3:3)', 'f4 (/a/e.js:4:4)', 'f5 (/a/f.js:5:5)'];
const list = [
  mk(Error, 'plain', frames),
  mk(TypeError, 'typed', frames.slice(0, 2)),
  mk(Error, 'no frames'),
  mk(Error, 'with props', frames.slice(0, 1), { code: 'E_X', errno: -2, info: { a: 1 } }),
  mk(RangeError, 'multi\nline message', frames.slice(0, 2)),
];
const withCause = mk(Error, 'outer', frames);
withCause.cause = mk(Error, 'inner', frames);
list.push(withCause);
const causeStr = mk(Error, 'cause is string', frames.slice(0, 1));
causeStr.cause = 'just a string';
list.push(causeStr);
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
list.push(mk(MyError, 'custom', frames.slice(0, 2)));
class Other extends Error {}
list.push(mk(Other, 'unnamed subclass', frames.slice(0, 1)));
const renamed = mk(Error, 'renamed', frames.slice(0, 1));
renamed.name = 'Renamed';
list.push(renamed);
const agg = new AggregateError([mk(Error, 'a1', frames.slice(0, 1)), mk(Error, 'a2')], 'aggregate');
agg.stack = 'AggregateError: aggregate\n    at top (/x.js:1:1)';
list.push(agg);
const nostack = new Error('nostack');
nostack.stack = undefined;
list.push(nostack);
const np = mk(Error, 'null proto', frames.slice(0, 1));
Object.setPrototypeOf(np, null);
list.push(np);

for (const e of list) {
  console.log(util.inspect(e));
  console.log(util.inspect({ nested: e }));
}
console.log(util.inspect([mk(Error, 'in array', frames.slice(0, 2))]));
console.log(util.format('%s | %o', mk(Error, 'fmt', frames.slice(0, 1)), 1));
