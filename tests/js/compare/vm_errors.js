'use strict';
// vm argument validation (codes, names and messages), SyntaxErrors from compiling code, the
// timeout error, and how errors and non-error throws leave vm calls.
const vm = require('vm');

const { show } = require('../harness/checks');
function t(label, f) {
  try { console.log(`${label}: returns ${show(f())}`); } catch (e) {
    if (e === null || typeof e !== 'object') console.log(`${label}: throws non-error ${show(e)}`);
    else console.log(`${label}: ${[e.name, e.code, JSON.stringify(e.message)].filter((x) => x !== undefined).join(' ')}`);
  }
}
// Like t, but prints only the error's name and code (for messages that embed inspected values).
function tc(label, f) {
  try { console.log(`${label}: returns ${show(f())}`); } catch (e) { console.log(`${label}: ${e.name} ${e.code}`); }
}
const ctx = vm.createContext({});

// --- createContext / isContext arguments ---
t('createContext(1)', () => vm.createContext(1));
t('createContext("s")', () => vm.createContext('s'));
t('createContext(null)', () => vm.createContext(null));
t('createContext(true)', () => vm.createContext(true));
t('createContext(Symbol())', () => vm.createContext(Symbol('s')));
t('createContext(function)', () => vm.createContext(function f() {}));
t('createContext options number', () => vm.createContext({}, 5));
t('createContext options null', () => vm.createContext({}, null) !== undefined);
t('createContext name number', () => vm.createContext({}, { name: 1 }));
t('createContext origin number', () => vm.createContext({}, { origin: 1 }));
t('createContext codeGeneration number', () => vm.createContext({}, { codeGeneration: 1 }));
t('createContext codeGeneration.strings number', () => vm.createContext({}, { codeGeneration: { strings: 1 } }));
t('createContext microtaskMode bad', () => vm.createContext({}, { microtaskMode: 'always' }));
t('isContext(1)', () => vm.isContext(1));
t('isContext()', () => vm.isContext());
t('isContext(null)', () => vm.isContext(null));
t('isContext("s")', () => vm.isContext('s'));

// --- runInContext / runInNewContext / runInThisContext arguments ---
t('runInContext non-object context', () => vm.runInContext('1', 1));
t('runInContext missing context', () => vm.runInContext('1'));
t('runInContext null context', () => vm.runInContext('1', null));
t('runInContext plain object', () => vm.runInContext('1', {}));
t('runInContext string context', () => vm.runInContext('1', 'ctx'));
t('runInNewContext number sandbox', () => vm.runInNewContext('1', 1));
t('runInNewContext string sandbox', () => vm.runInNewContext('1', 'sb'));
t('runInNewContext null sandbox', () => vm.runInNewContext('typeof globalThis', null));
t('runInThisContext options number', () => vm.runInThisContext('1', 5));
t('runInThisContext options null', () => vm.runInThisContext('1', null));
t('runInThisContext options true', () => vm.runInThisContext('1', true));
t('runInThisContext filename number', () => vm.runInThisContext('1', { filename: 1 }));
t('runInThisContext lineOffset string', () => vm.runInThisContext('1', { lineOffset: '1' }));
t('runInThisContext lineOffset fraction', () => vm.runInThisContext('1', { lineOffset: 1.5 }));
t('runInThisContext columnOffset string', () => vm.runInThisContext('1', { columnOffset: 'c' }));
t('runInThisContext displayErrors string', () => vm.runInThisContext('1', { displayErrors: 'yes' }));
t('runInThisContext breakOnSigint number', () => vm.runInThisContext('1', { breakOnSigint: 1 }));
t('runInThisContext timeout string', () => vm.runInThisContext('1', { timeout: '50' }));
t('runInThisContext timeout zero', () => vm.runInThisContext('1', { timeout: 0 }));
t('runInThisContext timeout negative', () => vm.runInThisContext('1', { timeout: -1 }));
t('runInThisContext timeout fraction', () => vm.runInThisContext('1', { timeout: 1.5 }));
t('runInThisContext timeout too large', () => vm.runInThisContext('1', { timeout: 2 ** 32 }));
t('runInThisContext timeout NaN', () => vm.runInThisContext('1', { timeout: NaN }));
t('runInThisContext timeout undefined ok', () => vm.runInThisContext('1', { timeout: undefined }));
t('runInThisContext timeout max ok', () => vm.runInThisContext('1', { timeout: 2 ** 32 - 1 }));
t('runInContext timeout bad', () => vm.runInContext('1', ctx, { timeout: -5 }));
t('runInNewContext timeout bad', () => vm.runInNewContext('1', {}, { timeout: 'x' }));
t('runInNewContext contextName number', () => vm.runInNewContext('1', {}, { contextName: 1 }));
t('runInNewContext contextOrigin number', () => vm.runInNewContext('1', {}, { contextOrigin: 1 }));
t('runInNewContext microtaskMode bad', () => vm.runInNewContext('1', {}, { microtaskMode: 'x' }));
t('runInThisContext Symbol code', () => vm.runInThisContext(Symbol('code')));
t('runInThisContext number code is coerced', () => vm.runInThisContext(7));
t('runInThisContext undefined code', () => vm.runInThisContext());
t('runInThisContext null code', () => vm.runInThisContext(null));

// --- Script constructor and methods ---
t('Script without new', () => vm.Script('1'));
t('Script filename number', () => new vm.Script('1', { filename: 2 }));
t('Script options number', () => new vm.Script('1', 3));
t('Script options string is filename', () => new vm.Script('1', 'name.js').runInThisContext());
t('Script lineOffset NaN', () => new vm.Script('1', { lineOffset: NaN }));
t('Script columnOffset Infinity', () => new vm.Script('1', { columnOffset: Infinity }));
t('Script cachedData string', () => new vm.Script('1', { cachedData: 'x' }));
t('Script cachedData number', () => new vm.Script('1', { cachedData: 1 }));
t('Script cachedData array', () => new vm.Script('1', { cachedData: [1, 2] }));
t('Script produceCachedData string', () => new vm.Script('1', { produceCachedData: 'yes' }));
t('Script importModuleDynamically number', () => new vm.Script('1', { importModuleDynamically: 1 }));
t('Script.runInContext plain object', () => new vm.Script('1').runInContext({}));
t('Script.runInContext number', () => new vm.Script('1').runInContext(1));
t('Script.runInContext options number', () => new vm.Script('1').runInContext(ctx, 1));
t('Script.runInThisContext options string', () => new vm.Script('1').runInThisContext('x'));
t('Script.runInNewContext number', () => new vm.Script('1').runInNewContext(5));
t('Script.runInThisContext timeout bad', () => new vm.Script('1').runInThisContext({ timeout: -1 }));
t('Script.runInContext unbound this', () => { const { runInContext } = new vm.Script('1'); return runInContext(ctx); });

// --- compileFunction arguments ---
t('compileFunction number code', () => vm.compileFunction(1));
t('compileFunction undefined code', () => vm.compileFunction());
t('compileFunction params string', () => vm.compileFunction('', 'a'));
t('compileFunction params with number', () => vm.compileFunction('', ['a', 1]));
t('compileFunction params object', () => vm.compileFunction('', { 0: 'a', length: 1 }));
t('compileFunction options number', () => vm.compileFunction('', [], 1));
t('compileFunction filename number', () => vm.compileFunction('', [], { filename: 1 }));
t('compileFunction lineOffset string', () => vm.compileFunction('', [], { lineOffset: 'x' }));
t('compileFunction parsingContext plain object', () => vm.compileFunction('', [], { parsingContext: {} }));
t('compileFunction parsingContext number', () => vm.compileFunction('', [], { parsingContext: 1 }));
t('compileFunction contextExtensions object', () => vm.compileFunction('', [], { contextExtensions: {} }));
t('compileFunction contextExtensions of number', () => vm.compileFunction('', [], { contextExtensions: [1] }));
t('compileFunction cachedData string', () => vm.compileFunction('', [], { cachedData: 's' }));
t('compileFunction produceCachedData number', () => vm.compileFunction('', [], { produceCachedData: 1 }));
t('compileFunction params undefined ok', () => vm.compileFunction('return 1', undefined)());
t('compileFunction options undefined ok', () => vm.compileFunction('return 2', [], undefined)());

// --- error codes only, for messages that embed values ---
tc('code of createContext(bigint)', () => vm.createContext(1n));
tc('code of runInContext(array)', () => vm.runInContext('1', []));
tc('code of compileFunction(object code)', () => vm.compileFunction({}));
tc('code of Script timeout object', () => new vm.Script('1').runInThisContext({ timeout: {} }));
t('error instanceof outer TypeError', () => { try { vm.runInContext('1', {}); } catch (e) { return [e instanceof TypeError, e.constructor === TypeError, Object.keys(e)]; } });
t('error code is own property', () => { try { vm.createContext(1); } catch (e) { return [Object.prototype.hasOwnProperty.call(e, 'code'), Object.getOwnPropertyDescriptor(e, 'code').enumerable]; } });
t('error name line in stack', () => { try { vm.createContext(1); } catch (e) { return e.stack.split('\n')[0]; } });

// --- SyntaxErrors ---
const syntax = [
  '(', 'var x = (', '"unterminated', 'let let = 1', 'return 1', 'await 1', '}', 'x = {a:1,,}',
  'class { }', 'function(){}', '1 = 2', 'new.target', 'break', 'yield 1', '"use strict"; with ({}) {}',
  '"use strict"; var eval = 1', '#x', '@', '/(/', 'import x from "y"', 'export default 1', 'let a; let a;',
  'obj?.a = 1', 'const c;', '"use strict"; 010', 'for (let i of ) {}', 'a => { ', '`${`',
];
for (const code of syntax) {
  t(`Script ${JSON.stringify(code)}`, () => new vm.Script(code));
}
t('runInThisContext syntax', () => vm.runInThisContext('if (', { filename: 'syn.js' }));
t('runInContext syntax', () => vm.runInContext('{', ctx));
t('runInNewContext syntax', () => vm.runInNewContext(')'));
t('compileFunction syntax', () => vm.compileFunction('return {'));
t('compileFunction stray brace', () => vm.compileFunction('}'));
t('compileFunction return at top ok', () => vm.compileFunction('return "ok"')());
t('compileFunction await', () => vm.compileFunction('await 1'));
t('SyntaxError instanceof outer SyntaxError (this context)', () => { try { new vm.Script('('); } catch (e) { return [e instanceof SyntaxError, e.constructor === SyntaxError]; } });
t('SyntaxError from runInNewContext realm', () => { try { vm.runInNewContext('('); } catch (e) { return [e instanceof SyntaxError, e.name]; } });
t('SyntaxError from runInContext realm', () => { try { vm.runInContext('(', ctx); } catch (e) { return [e instanceof SyntaxError, e instanceof vm.runInContext('SyntaxError', ctx)]; } });
t('SyntaxError via eval in context realm', () => { try { vm.runInContext('eval("(")', ctx); } catch (e) { return [e instanceof SyntaxError, e instanceof vm.runInContext('SyntaxError', ctx)]; } });
t('SyntaxError stack header with filename', () => { try { new vm.Script('\n\nvar = 1', { filename: 'hdr.js' }); } catch (e) { return e.stack.split('\n').slice(0, 2); } });
t('SyntaxError stack header with lineOffset', () => { try { new vm.Script('(', { filename: 'off.js', lineOffset: 5 }); } catch (e) { return e.stack.split('\n')[0]; } });
t('SyntaxError stack has message line', () => { try { new vm.Script('(', { filename: 'm.js' }); } catch (e) { return e.stack.split('\n').includes('SyntaxError: Unexpected end of input'); } });
t('SyntaxError own keys', () => { try { new vm.Script('('); } catch (e) { return Object.keys(e); } });
t('script not run after SyntaxError', () => { const c = vm.createContext({ ran: false }); try { vm.runInContext('ran = true; (', c); } catch { /* expected */ } return c.ran; });

// --- the timeout error ---
{
  let err;
  try { vm.runInThisContext('while (true) {}', { timeout: 50 }); } catch (e) { err = e; }
  t('timeout code', () => err.code);
  t('timeout message', () => err.message);
  t('timeout name', () => err.name);
  t('timeout own keys', () => Object.keys(err));
  t('timeout instanceof Error', () => err instanceof Error);
  t('timeout stack first line', () => err.stack.split('\n')[0]);
  t('program continues after timeout', () => vm.runInThisContext('"still running"'));
  t('timeout in runInContext', () => vm.runInContext('for (;;) {}', vm.createContext({}), { timeout: 40 }));
  t('timeout in runInNewContext', () => vm.runInNewContext('while (1) {}', {}, { timeout: 40 }));
  t('timeout message echoes value', () => vm.runInThisContext('while (true) {}', { timeout: 77 }));
  t('fast code with timeout', () => vm.runInThisContext('"fast"', { timeout: 10000 }));
  t('nested vm call timeouts', () => vm.runInContext('inner()', vm.createContext({ inner: () => vm.runInThisContext('while (true) {}', { timeout: 30 }) }), { timeout: 5000 }));
}

// --- other throws leaving vm calls ---
t('throw string', () => vm.runInThisContext('throw "str"'));
t('throw undefined', () => vm.runInThisContext('throw undefined'));
t('throw null from new context', () => vm.runInNewContext('throw null'));
t('throw object from new context', () => vm.runInNewContext('throw { code: "E_CUSTOM", message: "custom" }'));
t('throw inner error', () => vm.runInNewContext('throw new TypeError("inner type")'));
t('error with code from context', () => vm.runInNewContext('const e = new Error("coded"); e.code = "E_INNER"; throw e'));
t('stack overflow in context', () => vm.runInNewContext('(function r() { r(); })()'));
t('error from sandbox getter', () => vm.runInContext('bad', vm.createContext({ get bad() { throw new RangeError('getter threw'); } })));
t('error from sandbox setter', () => vm.runInContext('bad = 1', vm.createContext({ set bad(v) { throw new RangeError(`setter threw ${v}`); } })));
t('rejected promise is not thrown', () => { const p = vm.runInNewContext('Promise.reject(new Error("later"))'); p.catch(() => {}); return typeof p; });
