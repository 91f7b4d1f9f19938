'use strict';
// repl.start over plain streams (no terminal): the options (prompt, eval, writer, ignoreUndefined,
// useColors, useGlobal true and false, replMode), the commands (.break, .clear, .help, .save, .load, .exit and
// one from defineCommand), `_`/`_error`, top-level await, completion, builtinModules. Also
// passes under Node.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const repl = require('repl');
const { PassThrough } = require('stream');

// Starts a REPL, feeds it `lines` one at a time and resolves with everything it printed once it
// exits (the last line should be `.exit`).
function session(options, lines, setup) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.setEncoding('utf8');
  output.on('data', (d) => { text += d; });
  const server = repl.start({ prompt: '> ', input, output, terminal: false, ...options });
  if (setup) setup(server);
  return new Promise((resolve) => {
    server.on('exit', () => setImmediate(() => resolve({ text, server })));
    // One line per turn: a line evaluated asynchronously (await) finishes before the next.
    let i = 0;
    const next = () => {
      if (i < lines.length) input.write(`${lines[i++]}\n`);
    };
    const prompt = options.prompt ?? '> ';
    output.on('data', (d) => { if (d.endsWith(prompt) || d.endsWith('... ')) setImmediate(next); });
    next();
  });
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('values, _ and _error, top-level await, uncaught errors go on', async () => {
  const { text } = await session({}, [
    '6 * 7', '_ + 1', 'await Promise.resolve(5)', 'throw new RangeError("boom")',
    '_error.message', 'undefinedName', 'typeof _error', '.exit',
  ]);
  assert.match(text, /> 42\n> 43\n> 5\n/);
  assert.match(text, /Uncaught RangeError: boom/);
  assert.match(text, /> 'boom'\n/);
  assert.match(text, /Uncaught ReferenceError: undefinedName is not defined/);
  assert.match(text, /> 'object'\n/);
});

test('top-level await declarations stay defined on the next lines', async () => {
  const { text } = await session({}, [
    'const one = await Promise.resolve({ v: 5 })', 'one.v',
    'const { a, b: renamed } = await Promise.resolve({ a: 1, b: 2 })', 'a + renamed',
    'let [x, y] = await Promise.resolve([3, 4])', 'x * y', '.exit',
  ]);
  assert.match(text, /> undefined\n> 5\n> undefined\n> 3\n> undefined\n> 12\n/);
});

test('prompt, writer, ignoreUndefined, useColors', async () => {
  let { text } = await session({ prompt: 'p$ ', writer: (v) => `<${typeof v}>`, ignoreUndefined: true },
    ['1', 'undefined', '"s"', '.exit']);
  assert.strictEqual(text, 'p$ <number>\np$ p$ <string>\np$ ');
  ({ text } = await session({ useColors: true }, ['42', '.exit']));
  assert.ok(text.includes('\x1b[33m42\x1b[39m'), JSON.stringify(text));
  ({ text } = await session({ useColors: false }, ['42', '.exit']));
  assert.ok(!text.includes('\x1b['), JSON.stringify(text));
});

test('a custom eval receives the code and its callback answers', async () => {
  const seen = [];
  const { text } = await session({
    eval: (code, context, file, cb) => {
      seen.push(code.trim());
      cb(null, code.trim().toUpperCase());
    },
  }, ['hello', 'two words', '.exit']);
  assert.deepStrictEqual(seen, ['hello', 'two words']);
  assert.match(text, /> 'HELLO'\n> 'TWO WORDS'\n/);
});

test('useGlobal: false (the default) runs in a context of its own; .clear makes it anew', async () => {
  delete globalThis.replOwnValue;
  let reset = null;
  const { text, server } = await session({}, [
    'globalThis.replOwnValue = 3', 'const c1 = 1', 'var v1 = 2', 'global === globalThis',
    'typeof process + typeof Buffer + typeof setTimeout + typeof require', 'typeof fs.readFileSync',
    'console.log("to the repl output")', 'Object.getPrototypeOf([]) === Array.prototype', 'c1 + v1',
    '.clear', 'typeof c1 + typeof v1 + typeof replOwnValue', '.exit',
  ], (s) => s.on('reset', (context) => { reset = context; }));
  assert.strictEqual(server.useGlobal, false);
  assert.notStrictEqual(server.context, globalThis);
  assert.strictEqual(globalThis.replOwnValue, undefined, 'the main global is untouched');
  assert.strictEqual(globalThis.v1, undefined);
  assert.match(text, /> true\n> 'objectfunctionfunctionfunction'\n> 'function'\n/);
  assert.match(text, /> to the repl output\nundefined\n/);
  assert.match(text, /> 3\n/);
  assert.match(text, /Clearing context\.\.\.\n/);
  assert.match(text, /> 'undefinedundefinedundefined'\n/);
  assert.strictEqual(reset, server.context, "'reset' gives the new context");
  assert.strictEqual(server.context.replOwnValue, undefined);
});

test('useGlobal: true shares the global; .clear keeps it', async () => {
  delete globalThis.replSharedValue;
  const { text } = await session({ useGlobal: true }, [
    'globalThis.replSharedValue = 7', 'let sharedLet = 1', '.clear', 'sharedLet + replSharedValue', '.exit',
  ]);
  assert.strictEqual(globalThis.replSharedValue, 7);
  assert.ok(!text.includes('Clearing context'), text);
  assert.match(text, /> 8\n/);
  delete globalThis.replSharedValue;
});

test('useGlobal and replMode', async () => {
  delete globalThis.replSharedValue;
  await session({ useGlobal: true }, ['globalThis.replSharedValue = 7', '.exit']);
  assert.strictEqual(globalThis.replSharedValue, 7);
  delete globalThis.replSharedValue;
  const { text } = await session({ replMode: repl.REPL_MODE_STRICT }, ['undeclaredX = 1', '.exit']);
  assert.match(text, /ReferenceError: undeclaredX is not defined/);
  const sloppy = await session({ replMode: repl.REPL_MODE_SLOPPY }, ['undeclaredY = 1', 'undeclaredY', '.exit']);
  assert.match(sloppy.text, /> 1\n> 1\n/);
  delete globalThis.undeclaredY;
});

test('multi-line input, .break and .clear', async () => {
  const { text } = await session({}, [
    'function f() {', 'return 3 }', 'f()', 'const kept = 1', '[1,', '.break', 'kept', '[2,', '.clear', '40 + 2', '.exit',
  ]);
  assert.match(text, /> 3\n/);
  // .break and .clear drop the unfinished expression: the next line is read afresh.
  assert.match(text, /> 1\n/);
  assert.ok(text.includes('Clearing context...'), text);
  assert.match(text, /> 42\n/);
});

test('.save and .load, .help with a defineCommand command', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-repl-'));
  const file = path.join(dir, 'session.js');
  try {
    let said = null;
    const first = await session({}, ['const saved = 40', 'saved + 2', `.save ${file}`, '.exit']);
    assert.ok(first.text.includes(`Session saved to: ${file}`), first.text);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'const saved = 40\nsaved + 2');
    const second = await session({}, [`.load ${file}`, 'saved * 2', '.greet world', '.help', '.exit'], (server) => {
      server.defineCommand('greet', {
        help: 'Say hello',
        action(name) {
          said = name;
          this.output.write(`hello ${name}\n`);
          this.displayPrompt();
        },
      });
    });
    assert.match(second.text, /> 80\n/);
    assert.strictEqual(said, 'world');
    assert.ok(second.text.includes('hello world'), second.text);
    for (const cmd of ['.break', '.clear', '.exit', '.greet', '.help', '.load', '.save']) {
      assert.ok(second.text.includes(cmd), `.help lists ${cmd}`);
    }
    assert.ok(second.text.includes('Say hello'), second.text);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('completion of globals, properties and require ids; builtinModules', async () => {
  const input = new PassThrough();
  const server = repl.start({ input, output: new PassThrough(), terminal: false });
  const complete = (line) => new Promise((resolve, reject) => {
    server.completer(line, (err, result) => (err ? reject(err) : resolve(result)));
  });
  const [props, propSub] = await complete('Math.ma');
  assert.ok(props.includes('Math.max'), props);
  assert.strictEqual(propSub, 'Math.ma');
  const [globals] = await complete('parseI');
  assert.ok(globals.includes('parseInt'), globals);
  // Names of the REPL's own context complete; the main global's own additions do not leak in.
  server.context.replOnlyName = 1;
  const [own] = await complete('replOnlyNa');
  assert.deepStrictEqual(own, ['replOnlyName']);
  const [ids] = await complete("require('child_pr");
  assert.ok(ids.includes('child_process'), ids);
  assert.ok(repl.builtinModules.includes('fs'));
  assert.ok(!repl.builtinModules.some((id) => id.startsWith('internal/') || id.startsWith('_')));
  server.close();
});

(async () => {
  for (const t of tests) {
    if (process.env.REPL_TEST_VERBOSE) console.log(t.name);
    await t.fn();
  }
  console.log(`${tests.length} tests passed`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
