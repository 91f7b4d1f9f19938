'use strict';
// ES modules from the command line, run as child processes of whichever runtime runs this file:
// -e and stdin with module syntax (detected) or --input-type, a typeless entry with top-level
// await, and the CommonJS errors --input-type=commonjs keeps.
const { spawnSync } = require('child_process');
const path = require('path');

const fx = path.join(__dirname, '..', 'fixtures', 'esm');
function run(args, input) {
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8', cwd: fx });
  const firstError = (r.stderr.match(/^\w*Error.*$/m) || [''])[0];
  console.log(JSON.stringify(args.slice(0, -1)), r.status, JSON.stringify(r.stdout), firstError);
}

run(['-e', 'import { sep } from "node:path"; console.log(sep, typeof require, import.meta.url.endsWith("/[eval1]"))']);
run(['-e', 'console.log(await Promise.resolve("eval tla"))']);
run(['--input-type=module', '-e', 'console.log(typeof require, import.meta.filename.endsWith("[eval1]"))']);
run(['--input-type=commonjs', '-e', 'import fs from "fs"']);
run(['-e', 'console.log(typeof require, typeof module)']);
run(['-e', 'throw new SyntaxError("Cannot use import statement outside a module")']);
run(['--input-type=module', '-'], 'import { EOL } from "os"; console.log(JSON.stringify(EOL), import.meta.url.endsWith("/[eval1]"))');
run(['-'], 'export const x = 1; console.log("stdin detected")');
run([path.join(fx, 'typeless', 'main-tla.js')]);
run([path.join(fx, 'misc', 'tla.mjs')]);
run(['--input-type=module', '-e', 'await new Promise(() => {})']);
