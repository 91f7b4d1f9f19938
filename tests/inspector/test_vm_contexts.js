'use strict';
// vm contexts are announced to the inspector (Runtime.executionContextCreated with the context's
// name) and code can be evaluated in them by id; collected ones go away. Passes under Node too.
const assert = require('assert');
const inspector = require('inspector');
const vm = require('vm');

const session = new inspector.Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => {
  session.post(method, params, (err, result) => (err ? reject(err) : resolve(result)));
});

(async () => {
  const created = [];
  session.on('Runtime.executionContextCreated', (m) => created.push(m.params.context));
  await post('Runtime.enable');
  const sandbox = { answer: 42 };
  vm.createContext(sandbox, { name: 'my vm context' });
  vm.createContext({});
  const mine = created.find((c) => c.name === 'my vm context');
  assert.ok(mine, JSON.stringify(created.map((c) => c.name)));
  assert.ok(created.some((c) => /^VM Context \d+$/.test(c.name)), JSON.stringify(created.map((c) => c.name)));
  const main = created.find((c) => c.auxData && c.auxData.isDefault);
  assert.ok(main && main.id !== mine.id);
  const r = await post('Runtime.evaluate', { expression: 'answer + 1', contextId: mine.id });
  assert.strictEqual(r.result.value, 43);
  const m = await post('Runtime.evaluate', { expression: 'typeof answer', contextId: main.id });
  assert.strictEqual(m.result.value, 'undefined');
  session.disconnect();
  console.log('inspector vm contexts ok');
})().catch((e) => { console.error(e); process.exit(1); });
