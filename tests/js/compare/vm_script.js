'use strict';
// vm.Script and the runIn* helpers: filename/lineOffset/columnOffset in stacks, running one
// script in this context, in contextified objects and in new contexts, cached data, string
// options, timeouts, and vm.compileFunction (params, this, parsingContext, contextExtensions).
const vm = require('vm');

const { t, caught } = require('../harness/checks');
const clean = (s) => s.split(__dirname).join('<dir>');
// The first two lines of a stack (for an error caught inside the script these are the message
// line and the top frame; for one decorated on its way out, the location header and source line).
const head2 = (stack) => clean(stack.split('\n').slice(0, 2).join(' | '));
// The message line and the top frame of a decorated stack.
function msgAndTop(stack) {
  const lines = stack.split('\n');
  const at = lines.findIndex((l) => l.startsWith('    at '));
  return clean(`${lines[at - 1]} | ${lines[at]}`);
}

// --- filename / lineOffset / columnOffset ---
t('default filename in stack', () => head2(vm.runInThisContext('new Error("x").stack')));
t('filename option', () => head2(vm.runInThisContext('new Error("x").stack', { filename: 'my-file.js' })));
t('filename as string argument', () => head2(vm.runInThisContext('new Error("x").stack', 'str-name.js')));
t('lineOffset', () => head2(vm.runInThisContext('\n\nnew Error("x").stack', { filename: 'lo.js', lineOffset: 10 })));
t('columnOffset first line', () => head2(vm.runInThisContext('new Error("x").stack', { filename: 'co.js', columnOffset: 7 })));
t('columnOffset second line unaffected', () => head2(vm.runInThisContext('0;\n  new Error("x").stack', { filename: 'co.js', columnOffset: 7 })));
t('negative lineOffset', () => head2(vm.runInThisContext('\n\n\nnew Error("x").stack', { filename: 'neg.js', lineOffset: -2 })));
t('both offsets and a named function', () => head2(vm.runInThisContext('(function named() { return new Error("x").stack; })()', { filename: 'both.js', lineOffset: 4, columnOffset: 3 })));
t('Script filename in stack', () => head2(new vm.Script('new Error("s").stack', { filename: 'script.js', lineOffset: 1 }).runInThisContext()));
t('Script string options', () => head2(new vm.Script('new Error("s").stack', 'only-name.js').runInThisContext()));
t('filename with path chars', () => head2(vm.runInThisContext('new Error("x").stack', { filename: 'dir/sub dir/file name.js' })));
t('file URL filename', () => head2(vm.runInThisContext('new Error("x").stack', { filename: 'file:///virtual/u.js' })));
t('runInNewContext filename', () => head2(vm.runInNewContext('new Error("n").stack', {}, { filename: 'new.js', lineOffset: 2 })));
t('runInNewContext string filename', () => head2(vm.runInNewContext('new Error("n").stack', {}, 'new-str.js')));
t('runInContext string filename', () => head2(vm.runInContext('new Error("c").stack', vm.createContext({}), 'ctx-str.js')));
t('thrown error decorated header', () => head2(caught(() => new vm.Script('throw new Error("boom")', { filename: 'thrown.js', lineOffset: 10, columnOffset: 5 }).runInThisContext()).stack));
t('thrown error message and top frame', () => msgAndTop(caught(() => new vm.Script('throw new Error("boom")', { filename: 'thrown.js', lineOffset: 10, columnOffset: 5 }).runInThisContext()).stack));
t('thrown TypeError header', () => head2(caught(() => vm.runInThisContext('\nnull.prop', { filename: 'te.js' })).stack));
t('thrown TypeError message and top', () => msgAndTop(caught(() => vm.runInThisContext('\nnull.prop', { filename: 'te.js' })).stack));
t('thrown in new context header', () => head2(caught(() => vm.runInNewContext('throw new RangeError("r")', {}, 'nc.js')).stack));
t('thrown in new context message and top', () => msgAndTop(caught(() => vm.runInNewContext('throw new RangeError("r")', {}, 'nc.js')).stack));
t('syntax error header', () => head2(caught(() => new vm.Script('var x = (', { filename: 'syn.js', lineOffset: 3 })).stack));
t('syntax error message line', () => { const l = caught(() => new vm.Script('var x = (', { filename: 'syn.js', lineOffset: 3 })).stack.split('\n'); return l.find((s) => s.startsWith('SyntaxError')); });
t('displayErrors false keeps plain stack', () => caught(() => vm.runInThisContext('throw new Error("plain")', { filename: 'de.js', displayErrors: false })).stack.split('\n')[0]);
t('thrown primitive passes through', () => caught(() => vm.runInThisContext('throw 42')));
t('thrown object passes through', () => caught(() => vm.runInThisContext('throw { a: 1 }')));

// --- runInThisContext ---
t('runInThisContext value', () => vm.runInThisContext('6 * 7'));
t('runInThisContext sees globals', () => vm.runInThisContext('typeof require + " " + typeof process + " " + typeof Buffer'));
t('runInThisContext has no local scope', () => { const localOnly = 1; return [localOnly, vm.runInThisContext('typeof localOnly')]; });
t('runInThisContext var goes global', () => { vm.runInThisContext('var vmGlobalVar = "g";'); return [globalThis.vmGlobalVar, Object.getOwnPropertyDescriptor(globalThis, 'vmGlobalVar').configurable]; });
t('runInThisContext let stays in script scope', () => { vm.runInThisContext('let vmLet = 1;'); return [typeof globalThis.vmLet, vm.runInThisContext('vmLet')]; });
t('runInThisContext this is globalThis', () => vm.runInThisContext('this') === globalThis);
t('runInThisContext Array identity', () => vm.runInThisContext('Array') === Array);
t('runInThisContext completion of statement list', () => vm.runInThisContext('1; 2; if (true) { 3; }'));
t('runInThisContext empty code', () => vm.runInThisContext(''));
t('runInThisContext number code coerced', () => vm.runInThisContext(12));
t('runInThisContext object code coerced', () => vm.runInThisContext({ toString() { return '"from toString"'; } }));
t('runInThisContext strict directive', () => vm.runInThisContext('"use strict"; (function () { return this; })()'));

// --- Script reused across contexts ---
{
  const script = new vm.Script('count = (typeof count === "number" ? count : 0) + 1; tag + count');
  const a = vm.createContext({ tag: 'a' });
  const b = vm.createContext({ tag: 'b' });
  t('script in context a', () => script.runInContext(a));
  t('script in context b', () => script.runInContext(b));
  t('script in context a again', () => script.runInContext(a));
  t('counters per context', () => [a.count, b.count]);
  t('script in new context', () => script.runInNewContext({ tag: 'n' }));
  t('script in new context no sandbox', () => caught(() => script.runInNewContext()).name);
  t('script in new context sandbox updated', () => { const o = { tag: 'o', count: 10 }; script.runInNewContext(o); return [o.count, vm.isContext(o)]; });
  t('same script many contexts', () => { const r = []; for (let i = 0; i < 5; i++) r.push(script.runInNewContext({ tag: String(i), count: i })); return r; });
  const s2 = new vm.Script('globalThis');
  t('script global differs per context', () => s2.runInNewContext() !== s2.runInNewContext());
  t('script in this context global', () => s2.runInThisContext() === globalThis);
  t('Script prototype methods', () => Object.getOwnPropertyNames(vm.Script.prototype).sort());
  t('Script instanceof', () => script instanceof vm.Script);
  t('Script without new', () => caught(() => vm.Script('1')).name);
  t('runInContext with non-context', () => { const e = caught(() => script.runInContext({})); return [e.name, e.code]; });
  t('script value types', () => [new vm.Script('({a: 1})').runInNewContext().a, typeof new vm.Script('Symbol()').runInNewContext(), new vm.Script('10n').runInNewContext() === 10n]);
  t('sourceMapURL', () => [new vm.Script('1').sourceMapURL, new vm.Script('1\n//# sourceMappingURL=foo.js.map').sourceMapURL]);
}

// --- cached data ---
// Every script is compiled under its own filename: V8 ignores cachedData (and never rejects it)
// when the same source and origin are already in its compilation cache.
{
  const code = 'function cached(a) { return a * 2; } cached(21)';
  let n = 0;
  const mk = (options) => new vm.Script(code, { filename: `cache-${n++}.js`, ...options });
  const script = mk();
  const data = script.createCachedData();
  t('createCachedData is Buffer', () => Buffer.isBuffer(data));
  t('createCachedData non-empty', () => data.length > 0);
  t('cachedDataRejected without cachedData', () => script.cachedDataRejected);
  t('createCachedData after run', () => { script.runInThisContext(); return Buffer.isBuffer(script.createCachedData()); });
  const again = mk({ cachedData: data });
  t('cachedData accepted', () => again.cachedDataRejected);
  t('accepted script runs', () => again.runInNewContext());
  t('cachedData as Uint8Array accepted', () => mk({ cachedData: new Uint8Array(data) }).cachedDataRejected);
  t('cachedData as DataView accepted', () => mk({ cachedData: new DataView(data.buffer, data.byteOffset, data.byteLength) }).cachedDataRejected);
  t('garbage cachedData rejected', () => mk({ cachedData: Buffer.from('this is not V8 code cache at all, just text') }).cachedDataRejected);
  const garbage = mk({ cachedData: Buffer.alloc(64, 7) });
  t('filled cachedData rejected', () => garbage.cachedDataRejected);
  t('rejected script still runs', () => garbage.runInNewContext());
  t('empty cachedData rejected', () => mk({ cachedData: Buffer.alloc(0) }).cachedDataRejected);
  t('truncated cachedData rejected', () => mk({ cachedData: data.subarray(0, 20) }).cachedDataRejected);
  t('cachedData for other source rejected', () => new vm.Script(`${code}; 1 + 1`, { filename: 'other-source.js', cachedData: data }).cachedDataRejected);
  t('cachedData wrong type', () => { const e = caught(() => mk({ cachedData: 'string' })); return [e.name, e.code]; });
  t('cachedData wrong type message', () => caught(() => mk({ cachedData: 'string' })).message);
  const produced = mk({ produceCachedData: true });
  t('produceCachedData produced', () => produced.cachedDataProduced);
  t('produceCachedData Buffer', () => Buffer.isBuffer(produced.cachedData) && produced.cachedData.length > 0);
  t('produced data accepted', () => mk({ cachedData: produced.cachedData }).cachedDataRejected);
  t('no produce: cachedData property', () => [script.cachedData, script.cachedDataProduced]);
  t('produceCachedData wrong type', () => { const e = caught(() => mk({ produceCachedData: 1 })); return [e.name, e.code]; });
  t('empty script createCachedData', () => Buffer.isBuffer(new vm.Script('', { filename: 'empty-cache.js' }).createCachedData()));
}

// --- timeouts ---
t('runInThisContext timeout', () => { const e = caught(() => vm.runInThisContext('while (true) {}', { timeout: 50 })); return [e.name, e.code, e.message, e instanceof Error]; });
t('after timeout program continues', () => vm.runInThisContext('1 + 1'));
t('runInNewContext timeout', () => { const e = caught(() => vm.runInNewContext('for (;;) {}', {}, { timeout: 50 })); return [e.code, e.message]; });
t('runInContext timeout', () => { const c = vm.createContext({ n: 0 }); const e = caught(() => vm.runInContext('while (true) { n++; }', c, { timeout: 50 })); return [e.code, e.message, c.n > 0]; });
t('Script timeout', () => { const e = caught(() => new vm.Script('while (1);').runInThisContext({ timeout: 30 })); return [e.code, e.message]; });
t('timeout error instance of outer Error', () => { const e = caught(() => vm.runInNewContext('while (true) {}', {}, { timeout: 20 })); return [e instanceof Error, e.constructor === Error]; });
t('timeout in nested function', () => { const e = caught(() => vm.runInThisContext('(function spin() { for (;;) {} })()', { timeout: 40 })); return e.code; });
t('timeout not hit when fast', () => vm.runInThisContext('let s = 0; for (let i = 0; i < 1000; i++) s += i; s', { timeout: 5000 }));
t('timeout not hit new context', () => vm.runInNewContext('x * 2', { x: 21 }, { timeout: 1000 }));
t('timeout leaves context usable', () => { const c = vm.createContext({}); caught(() => vm.runInContext('var before = 1; while (true) {}', c, { timeout: 30 })); return [c.before, vm.runInContext('before + 1', c)]; });
t('timeout catch inside cannot swallow', () => { const e = caught(() => vm.runInThisContext('try { while (true) {} } catch (e) { "caught inside" }', { timeout: 30 })); return e.code; });
t('timeout with finally', () => { const e = caught(() => vm.runInThisContext('try { while (true) {} } finally { }', { timeout: 30 })); return e.code; });
t('second timeout run works', () => { const e = caught(() => vm.runInThisContext('while (true) {}', { timeout: 25 })); return e.message; });

// --- compileFunction ---
t('compileFunction basic', () => vm.compileFunction('return a + b', ['a', 'b'])(2, 3));
t('compileFunction name and length', () => { const f = vm.compileFunction('return a', ['a', 'b', 'c']); return [f.name, f.length]; });
t('compileFunction toString', () => vm.compileFunction('return a + b', ['a', 'b']).toString());
t('compileFunction no params', () => vm.compileFunction('return 5')());
t('compileFunction empty body', () => vm.compileFunction('')());
t('compileFunction arguments', () => vm.compileFunction('return arguments.length')(1, 2, 3));
t('compileFunction this sloppy', () => vm.compileFunction('return this === globalThis')());
t('compileFunction this strict', () => vm.compileFunction('"use strict"; return this')());
t('compileFunction this call', () => vm.compileFunction('return typeof this').call('s'));
t('compileFunction this call strict', () => vm.compileFunction('"use strict"; return typeof this').call('s'));
t('compileFunction as constructor', () => { const F = vm.compileFunction('this.v = v', ['v']); const o = new F(4); return [o.v, o instanceof F]; });
t('compileFunction no access to caller scope', () => { const hidden = 1; return [hidden, vm.compileFunction('return typeof hidden')()]; });
t('compileFunction var stays local', () => { vm.compileFunction('var cfLocal = 1')(); return typeof globalThis.cfLocal; });
t('compileFunction sees main globals', () => vm.compileFunction('return typeof process')());
t('compileFunction instanceof Function', () => vm.compileFunction('') instanceof Function);
t('compileFunction returns object', () => vm.compileFunction('return { k: p }', ['p'])('v'));
t('compileFunction params shadow', () => vm.compileFunction('return [a, typeof b]', ['a'])(1));
t('compileFunction missing args', () => vm.compileFunction('return [a, b]', ['a', 'b'])(1));
{
  const ctx = vm.createContext({ x: 5, ext: 'from context' });
  const g = vm.compileFunction('return [x, this === globalThis, globalThis.x, typeof process]', [], { parsingContext: ctx });
  t('parsingContext globals', () => g());
  t('parsingContext instanceof', () => [g instanceof Function, g instanceof vm.runInContext('Function', ctx)]);
  t('parsingContext sees later change', () => { ctx.x = 6; return g()[0]; });
  t('parsingContext assignment lands on sandbox', () => { vm.compileFunction('created = 1', [], { parsingContext: ctx })(); return ctx.created; });
  t('parsingContext Array differs', () => vm.compileFunction('return Array', [], { parsingContext: ctx })() !== Array);
  t('parsingContext errors are context errors', () => { const e = caught(vm.compileFunction('null.x', [], { parsingContext: ctx })); return [e.name, e instanceof TypeError, e instanceof vm.runInContext('TypeError', ctx)]; });
  t('contextExtensions', () => vm.compileFunction('return ext', [], { contextExtensions: [{ ext: 'extension' }] })());
  t('contextExtensions order', () => vm.compileFunction('return [ext, other]', [], { contextExtensions: [{ ext: 1 }, { other: 2, ext: 3 }] })());
  t('contextExtensions vs param', () => vm.compileFunction('return ext', ['ext'], { contextExtensions: [{ ext: 1 }] })('param'));
  t('contextExtensions with parsingContext', () => vm.compileFunction('return [ext, x]', [], { parsingContext: ctx, contextExtensions: [{ ext: 'ext wins' }] })());
  t('contextExtensions live object', () => { const e = { live: 1 }; const f = vm.compileFunction('return live', [], { contextExtensions: [e] }); e.live = 2; return f(); });
  t('contextExtensions write', () => { const e = { w: 1 }; vm.compileFunction('w = 5', [], { contextExtensions: [e] })(); return e.w; });
  t('contextExtensions empty array', () => vm.compileFunction('return 1', [], { contextExtensions: [] })());
  t('compileFunction filename in stack', () => head2(vm.compileFunction('return new Error("cf").stack', [], { filename: 'cf.js' })()));
  t('compileFunction offsets in stack', () => head2(vm.compileFunction('\nreturn new Error("cf").stack', [], { filename: 'cfo.js', lineOffset: 3, columnOffset: 2 })()));
  t('compileFunction default filename', () => head2(vm.compileFunction('return new Error("cf").stack')()));
  t('compileFunction produceCachedData', () => { const f = vm.compileFunction('return 1', [], { produceCachedData: true }); return [f.cachedDataProduced, Buffer.isBuffer(f.cachedData)]; });
  t('compileFunction cachedData roundtrip', () => { const f = vm.compileFunction('return 2', [], { produceCachedData: true }); const f2 = vm.compileFunction('return 2', [], { cachedData: f.cachedData }); return [f2.cachedDataRejected, f2()]; });
  t('compileFunction garbage cachedData', () => { const f = vm.compileFunction('return 3', [], { filename: 'cf-garbage.js', cachedData: Buffer.from('nope nope nope nope') }); return [f.cachedDataRejected, f()]; });
}
