'use strict';
// vm contexts: createContext/isContext and how a contextified sandbox object backs the global of
// the new context (declarations, undeclared assignments, accessors, read-only and inherited
// properties, delete, `in`, key enumeration, symbol and index keys, changes made from outside).
const vm = require('vm');

const { t } = require('../harness/checks');
const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

// --- createContext / isContext ---
t('createContext returns same object', () => { const o = { a: 1 }; return vm.createContext(o) === o; });
t('isContext after createContext', () => vm.isContext(vm.createContext({})));
t('isContext plain object', () => vm.isContext({}));
t('isContext array', () => vm.isContext([]));
t('createContext() no arg is a context', () => vm.isContext(vm.createContext()));
t('createContext() no arg keys', () => Object.keys(vm.createContext()));
t('createContext() no arg proto is Object.prototype', () => Object.getPrototypeOf(vm.createContext()) === Object.prototype);
t('createContext(undefined) is a context', () => vm.isContext(vm.createContext(undefined)));
t('createContext twice same object', () => { const o = {}; vm.createContext(o); return vm.createContext(o) === o && vm.isContext(o); });
t('contextified object keeps its own keys', () => { const o = { p: 1, q: 'two' }; vm.createContext(o); return Object.keys(o); });
t('createContext array sandbox', () => { const a = [1, 2]; vm.createContext(a); return [vm.isContext(a), vm.runInContext('length + this[1]', a)]; });
t('createContext function sandbox', () => { const f = function fn() {}; f.extra = 5; vm.createContext(f); return [vm.isContext(f), vm.runInContext('extra', f)]; });
t('createContext null-proto sandbox', () => { const o = Object.create(null); o.z = 3; vm.createContext(o); return vm.runInContext('z * 2', o); });

// --- declarations at top level ---
{
  const sb = vm.createContext({});
  t('var lands on sandbox', () => { vm.runInContext('var v1 = 10;', sb); return [own(sb, 'v1'), sb.v1]; });
  t('function lands on sandbox', () => { vm.runInContext('function f1() { return 7; }', sb); return [typeof sb.f1, sb.f1()]; });
  t('let not on sandbox', () => { vm.runInContext('let l1 = 1;', sb); return [own(sb, 'l1'), 'l1' in sb]; });
  t('const not on sandbox', () => { vm.runInContext('const c1 = 2;', sb); return own(sb, 'c1'); });
  t('class not on sandbox', () => { vm.runInContext('class K1 {}', sb); return own(sb, 'K1'); });
  t('let visible in later script', () => vm.runInContext('l1 + c1 + typeof K1', sb));
  t('let not on globalThis inside', () => vm.runInContext('[typeof globalThis.l1, "l1" in globalThis]', sb));
  t('redeclare let throws', () => vm.runInContext('let l1 = 5;', sb));
  t('var over let throws', () => vm.runInContext('var c1 = 5;', sb));
  t('const reassign throws', () => vm.runInContext('c1 = 9;', sb));
  t('var redeclare keeps value', () => { vm.runInContext('var v1;', sb); return sb.v1; });
  t('var reassign', () => { vm.runInContext('var v1 = 11;', sb); return sb.v1; });
  t('function redeclared', () => { vm.runInContext('function f1() { return 8; }', sb); return sb.f1(); });
  t('function declaration in block not hoisted to sandbox before run', () => { vm.runInContext('{ function blk() { return 1; } }', sb); return typeof sb.blk; });
  t('var in function stays local', () => { vm.runInContext('(function () { var inner = 1; })()', sb); return own(sb, 'inner'); });
  t('var without initialiser', () => { vm.runInContext('var noinit;', sb); return [own(sb, 'noinit'), vm.runInContext('"noinit" in globalThis', sb)]; });
  t('var property descriptor', () => { const d = Object.getOwnPropertyDescriptor(sb, 'v1'); return [d.writable, d.enumerable, d.configurable]; });
  t('function declaration descriptor', () => { const d = Object.getOwnPropertyDescriptor(sb, 'f1'); return [d.writable, d.enumerable, d.configurable]; });
  t('sandbox keys after declarations', () => Object.keys(sb).sort());
  t('var declaration in eval lands on sandbox', () => { vm.runInContext('eval("var ev1 = 4")', sb); return sb.ev1; });
  t('let in separate runs keeps value', () => { vm.runInContext('let counter = 0;', sb); vm.runInContext('counter++', sb); vm.runInContext('counter++', sb); return vm.runInContext('counter', sb); });
  t('completion value of declaration', () => vm.runInContext('var cv = 3;', sb));
  t('completion value of expression', () => vm.runInContext('cv * 3', sb));
}

// --- this / globalThis ---
{
  const sb = vm.createContext({ tag: 'sb' });
  t('this === globalThis inside', () => vm.runInContext('this === globalThis', sb));
  t('globalThis is not the sandbox', () => vm.runInContext('globalThis', sb) === sb);
  t('this.tag inside', () => vm.runInContext('this.tag', sb));
  t('globalThis.tag inside', () => vm.runInContext('globalThis.tag', sb));
  t('globalThis.globalThis inside', () => vm.runInContext('globalThis.globalThis === globalThis', sb));
  t('function this sloppy', () => vm.runInContext('(function () { return this === globalThis; })()', sb));
  t('function this strict', () => vm.runInContext('"use strict"; (function () { return this; })()', sb));
  t('arrow this at top', () => vm.runInContext('(() => this === globalThis)()', sb));
  t('same global across runs', () => vm.runInContext('globalThis', sb) === vm.runInContext('this', sb));
  t('write via this lands on sandbox', () => { vm.runInContext('this.viaThis = 1;', sb); return sb.viaThis; });
  t('write via globalThis lands on sandbox', () => { vm.runInContext('globalThis.viaGT = 2;', sb); return sb.viaGT; });
  t('global object type', () => vm.runInContext('typeof globalThis', sb));
  t('global proto chain to Object.prototype', () => vm.runInContext('Object.prototype.isPrototypeOf(globalThis)', sb));
  t('global instanceof Object', () => vm.runInContext('globalThis instanceof Object', sb));
}

// --- undeclared assignment ---
{
  const sb = vm.createContext({});
  t('sloppy undeclared assignment', () => { vm.runInContext('undecl = 5;', sb); return [own(sb, 'undecl'), sb.undecl]; });
  t('sloppy undeclared assignment descriptor', () => { const d = Object.getOwnPropertyDescriptor(sb, 'undecl'); return [d.writable, d.enumerable, d.configurable]; });
  t('strict undeclared assignment', () => vm.runInContext('"use strict"; strictUndecl = 5;', sb));
  t('strict undeclared not created', () => own(sb, 'strictUndecl'));
  t('strict assignment to existing sandbox prop', () => { sb.exists = 1; vm.runInContext('"use strict"; exists = 2;', sb); return sb.exists; });
  t('strict error is context ReferenceError', () => {
    try { vm.runInContext('"use strict"; nope = 1;', sb); return 'no throw'; } catch (e) {
      return [e instanceof ReferenceError, e instanceof vm.runInContext('ReferenceError', sb), e.message];
    }
  });
  t('read undeclared throws', () => vm.runInContext('neverDefined', sb));
  t('typeof undeclared', () => vm.runInContext('typeof neverDefined', sb));
  t('assignment in function sloppy', () => { vm.runInContext('(function () { fromFn = "x"; })()', sb); return sb.fromFn; });
}

// --- accessors and read-only properties on the sandbox ---
{
  const log = [];
  const sb = {
    get g() { log.push('get g'); return 'G'; },
    set s(v) { log.push(`set s ${v}`); },
    get gs() { log.push('get gs'); return this._gs; },
    set gs(v) { log.push(`set gs ${v}`); this._gs = v; },
  };
  Object.defineProperty(sb, 'ro', { value: 'fixed', writable: false, enumerable: true, configurable: false });
  Object.defineProperty(sb, 'hidden', { value: 'h', writable: true, enumerable: false, configurable: true });
  vm.createContext(sb);
  t('getter read inside', () => vm.runInContext('g', sb));
  t('getter via globalThis', () => vm.runInContext('globalThis.g', sb));
  t('setter only read', () => vm.runInContext('s', sb));
  t('setter write inside', () => { vm.runInContext('s = 42', sb); return own(sb, 's') && typeof Object.getOwnPropertyDescriptor(sb, 's').set; });
  t('getter+setter roundtrip', () => vm.runInContext('gs = "v"; gs', sb));
  t('accessor log', () => log.splice(0));
  t('read-only read inside', () => vm.runInContext('ro', sb));
  t('read-only sloppy write', () => { vm.runInContext('ro = "changed"', sb); return sb.ro; });
  t('read-only write result inside', () => vm.runInContext('ro = "changed2"; ro', sb));
  t('read-only strict write', () => { try { vm.runInContext('"use strict"; ro = "x";', sb); return ['no throw', sb.ro]; } catch (e) { return [e.name, sb.ro]; } });
  t('read-only var redeclare', () => { vm.runInContext('var ro;', sb); return sb.ro; });
  t('non-enumerable read inside', () => vm.runInContext('hidden', sb));
  t('non-enumerable in keys inside', () => vm.runInContext('Object.keys(globalThis).includes("hidden")', sb));
  t('non-enumerable in own names inside', () => vm.runInContext('Object.getOwnPropertyNames(globalThis).includes("hidden")', sb));
  t('descriptor of ro inside', () => vm.runInContext('(() => { const d = Object.getOwnPropertyDescriptor(globalThis, "ro"); return [d.value, d.writable, d.enumerable, d.configurable]; })()', sb));
  t('descriptor of getter inside', () => vm.runInContext('(() => { const d = Object.getOwnPropertyDescriptor(globalThis, "gs"); return [typeof d.get, typeof d.set, d.enumerable]; })()', sb));
  t('defineProperty inside reaches sandbox', () => {
    vm.runInContext('Object.defineProperty(globalThis, "defd", { value: 9, writable: false, enumerable: false, configurable: true })', sb);
    const d = Object.getOwnPropertyDescriptor(sb, 'defd');
    return d && [d.value, d.writable, d.enumerable, d.configurable];
  });
  t('defineProperty getter inside reaches sandbox', () => {
    vm.runInContext('Object.defineProperty(globalThis, "defg", { get() { return "dg"; }, configurable: true })', sb);
    const d = Object.getOwnPropertyDescriptor(sb, 'defg');
    return d && [typeof d.get, sb.defg];
  });
  t('accessor log end', () => log.splice(0));
}

// --- delete, in, key enumeration ---
{
  const sb = vm.createContext({ a: 1, b: 2 });
  t('in for sandbox key', () => vm.runInContext('"a" in globalThis', sb));
  t('in for missing key', () => vm.runInContext('"zz" in globalThis', sb));
  t('in for builtin', () => vm.runInContext('"Array" in globalThis', sb));
  t('hasOwnProperty sandbox key inside', () => vm.runInContext('Object.prototype.hasOwnProperty.call(globalThis, "a")', sb));
  t('delete sandbox key inside', () => [vm.runInContext('delete globalThis.a', sb), own(sb, 'a')]);
  t('deleted key read inside', () => vm.runInContext('typeof a', sb));
  t('delete unqualified sloppy', () => [vm.runInContext('delete b', sb), own(sb, 'b')]);
  t('delete var declared', () => { vm.runInContext('var dv = 1;', sb); return [own(sb, 'dv'), vm.runInContext('delete globalThis.dv', sb), own(sb, 'dv'), vm.runInContext('typeof dv', sb)]; });
  t('delete undeclared-assigned', () => { vm.runInContext('ua = 1;', sb); return [vm.runInContext('delete globalThis.ua', sb), own(sb, 'ua')]; });
  t('delete non-configurable strict', () => {
    Object.defineProperty(sb, 'nc', { value: 1, configurable: false, enumerable: true });
    try { return [vm.runInContext('"use strict"; delete globalThis.nc', sb), own(sb, 'nc')]; } catch (e) { return [e.name, own(sb, 'nc')]; }
  });
  t('delete non-configurable sloppy', () => [vm.runInContext('delete globalThis.nc', sb), own(sb, 'nc')]);
  t('delete from outside visible inside', () => { sb.tmp = 1; delete sb.tmp; return vm.runInContext('typeof tmp', sb); });
  const sb2 = vm.createContext({ k1: 1, k2: 2 });
  vm.runInContext('var k3 = 3; let k4 = 4; k5 = 5; function k6() {}', sb2);
  // Sorted: V8 10.2 lists the global object's own keys (those `var`/function declarations leave
  // there) before the sandbox's, Node 20's V8 after them.
  t('Object.keys(globalThis) inside', () => vm.runInContext('Object.keys(globalThis)', sb2).sort());
  t('for-in over globalThis inside', () => vm.runInContext('(() => { const r = []; for (const k in globalThis) r.push(k); return r; })()', sb2).sort());
  t('Object.keys(sandbox) outside', () => Object.keys(sb2));
  t('own names inside include Array', () => vm.runInContext('Object.getOwnPropertyNames(globalThis).includes("Array")', sb2));
  t('own names inside include sandbox keys', () => vm.runInContext('["k1","k2","k3","k5","k6"].map((k) => Object.getOwnPropertyNames(globalThis).includes(k))', sb2));
  t('JSON.stringify(globalThis) inside', () => Object.entries(JSON.parse(vm.runInContext('JSON.stringify(globalThis)', sb2))).sort());
  t('Object.entries inside', () => vm.runInContext('Object.entries(globalThis)', sb2).sort());
}

// --- prototype of the sandbox ---
{
  const proto = { inherited: 'from proto', shadowed: 'proto' };
  const sb = Object.create(proto);
  sb.shadowed = 'own';
  vm.createContext(sb);
  t('inherited read inside', () => vm.runInContext('inherited', sb));
  t('inherited typeof inside', () => vm.runInContext('typeof inherited', sb));
  t('shadowed read inside', () => vm.runInContext('shadowed', sb));
  t('inherited in globalThis', () => vm.runInContext('"inherited" in globalThis', sb));
  t('inherited hasOwn inside', () => vm.runInContext('Object.prototype.hasOwnProperty.call(globalThis, "inherited")', sb));
  t('keys inside with inherited', () => vm.runInContext('Object.keys(globalThis)', sb));
  t('write inherited lands own', () => { vm.runInContext('inherited = "new"', sb); return [own(sb, 'inherited'), sb.inherited, proto.inherited]; });
  t('proto added later visible', () => { proto.later = 'L'; return vm.runInContext('typeof later === "string" ? later : typeof later', sb); });
  t('Object.prototype method through sandbox', () => vm.runInContext('typeof hasOwnProperty', vm.createContext({})));
}

// --- symbols and numeric keys ---
{
  const sym = Symbol('tag');
  const sb = vm.createContext({ [sym]: 'symval' });
  sb.sym = sym;
  t('symbol key read inside', () => vm.runInContext('globalThis[sym]', sb));
  t('symbol key in', () => vm.runInContext('sym in globalThis', sb));
  t('symbol write inside', () => { vm.runInContext('globalThis[Symbol.for("vm.test")] = 1', sb); return [sb[Symbol.for('vm.test')], vm.runInContext('globalThis[Symbol.for("vm.test")]', sb)]; });
  t('symbol set from outside later', () => { const s2 = Symbol('later'); sb.s2 = s2; sb[s2] = 'L'; return vm.runInContext('globalThis[s2]', sb); });
  t('getOwnPropertySymbols inside has sym', () => vm.runInContext('Object.getOwnPropertySymbols(globalThis).includes(sym)', sb));
  t('Symbol.toStringTag of global inside', () => vm.runInContext('Object.prototype.toString.call(globalThis)', sb));
  t('delete symbol inside', () => [vm.runInContext('delete globalThis[sym]', sb), Object.getOwnPropertySymbols(sb).includes(sym)]);
  const sb2 = vm.createContext({ 0: 'zero', 1: 'one', '2': 'two', '-1': 'neg', '1.5': 'frac' });
  t('numeric key read inside', () => vm.runInContext('[globalThis[0], this[1], globalThis["2"], this[-1], this[1.5]]', sb2));
  t('numeric key write inside', () => { vm.runInContext('globalThis[7] = "seven"; this[8] = 8;', sb2); return [sb2[7], sb2[8]]; });
  t('numeric key in', () => vm.runInContext('[0 in globalThis, 5 in globalThis, 7 in globalThis]', sb2));
  t('numeric keys in Object.keys inside', () => vm.runInContext('Object.keys(globalThis).filter((k) => /^-?[0-9.]+$/.test(k)).sort()', sb2));
  t('numeric key delete inside', () => [vm.runInContext('delete globalThis[0]', sb2), own(sb2, 0)]);
  t('numeric key from outside later', () => { sb2[3] = 'three'; return vm.runInContext('this[3]', sb2); });
}

// --- sandbox modified from outside after creation ---
{
  const sb = vm.createContext({ x: 1 });
  t('initial value', () => vm.runInContext('x', sb));
  t('changed from outside', () => { sb.x = 2; return vm.runInContext('x', sb); });
  t('added from outside', () => { sb.added = 'yes'; return vm.runInContext('added', sb); });
  t('added getter from outside', () => { Object.defineProperty(sb, 'lazy', { get: () => 'lazy!', configurable: true }); return vm.runInContext('lazy', sb); });
  t('replaced with var declared inside', () => { vm.runInContext('var decl = "inner"', sb); sb.decl = 'outer'; return vm.runInContext('decl', sb); });
  t('function declared inside sees outside change', () => { vm.runInContext('function readX() { return x; }', sb); sb.x = 99; return sb.readX(); });
  t('inner function closure writes sandbox', () => { vm.runInContext('function setX(v) { x = v; }', sb); sb.setX(123); return sb.x; });
  t('object value shared by reference', () => { const shared = { n: 0 }; sb.shared = shared; vm.runInContext('shared.n++', sb); return shared.n; });
  t('object created inside reachable outside', () => { vm.runInContext('var made = { a: [1, 2] }', sb); return [sb.made.a.length, sb.made.a instanceof Array]; });
}

// --- contexts are independent ---
{
  const a = vm.createContext({});
  const b = vm.createContext({});
  vm.runInContext('var shared = "A"; let onlyA = 1;', a);
  t('var does not leak to other context', () => vm.runInContext('typeof shared', b));
  t('let does not leak to other context', () => vm.runInContext('typeof onlyA', b));
  t('var does not leak to main', () => typeof globalThis.shared);
  t('builtin patch stays in its context', () => { vm.runInContext('Array.prototype.extraMethod = function () { return 1; }', a); return [vm.runInContext('typeof [].extraMethod', a), vm.runInContext('typeof [].extraMethod', b), typeof [].extraMethod]; });
  t('runInNewContext fresh each time', () => { vm.runInNewContext('var once = 1'); return vm.runInNewContext('typeof once'); });
  t('runInNewContext sandbox receives var', () => { const o = {}; vm.runInNewContext('var nv = 4; nu = 5', o); return [o.nv, o.nu, vm.isContext(o)]; });
  t('runInNewContext without sandbox', () => vm.runInNewContext('typeof globalThis'));
}
