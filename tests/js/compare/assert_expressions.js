const assert = require('assert');
function t(f) { try { f(); } catch (e) { console.log(e.message); } }
t(() => assert(1 === 2));
t(() => assert.ok(typeof 123 === 'string'));
t(() => assert(
  [1, 2].includes(3),
));
t(() => {
  assert.ok(
    false
  );
});
t(() => assert(''.length, undefined));
const { ok } = assert; t(() => ok(null));
t(() => assert.strict.ok(0));
t(() => { assert(false && "a)b"); });
