'use strict';
// `nodus --test [files...]`: every test file runs in a process of its own (one after the other,
// in the order of their sorted paths), which reports to this one as events (internal/test/tap);
// the results come out as one TAP stream: each file's top-level tests numbered across the files,
// whatever the files print written as diagnostics, a file that fails outside its tests (a crash,
// a non-zero exit code) or declares no test reported as a test named by its path, and one summary.

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { inspect } = require('util');
const tap = require('internal/test/tap');

// Node's default patterns when no file is named: *.test.{js,cjs,mjs}, *-test.*, *_test.*,
// test-*.*, test.*, and every such file below a folder named test; never in node_modules.
const kTestName = /^(?:.+[.\-_]test|test-.+|test)\.[cm]?js$/;
const kScript = /\.[cm]?js$/;

function findTestFiles(dir, underTest, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findTestFiles(full, underTest || entry.name === 'test', out);
    else if (entry.isFile() && (kTestName.test(entry.name) || (underTest && kScript.test(entry.name)))) out.push(full);
  }
  return out;
}

const totals = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
let topNumber = 0;
let failed = false;

function diagnostic(line) {
  if (line.trim() === '') return; // blank lines of a file's output are dropped, as in Node
  tap.write(`# ${tap.tapEscape(line)}\n`);
}

// One process for one file; resolves once it has exited and its output is written.
function runFile(file) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const execArgv = process.execArgv.filter((a) => a !== '--test');
    const child = spawn(process.execPath, [...execArgv, file], {
      env: { ...process.env, NODUS_TEST_CHILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let counts = null;
    const onLine = (line) => {
      const at = line.indexOf(tap.kEventMarker);
      if (at === -1) {
        diagnostic(line);
        return;
      }
      if (at > 0) diagnostic(line.slice(0, at));
      let event;
      try {
        event = JSON.parse(line.slice(at + tap.kEventMarker.length));
      } catch {
        diagnostic(line.slice(at + tap.kEventMarker.length));
        return;
      }
      if (event.text !== undefined) {
        tap.write(event.text);
      } else if (event.ok !== undefined) {
        topNumber++;
        tap.write(`${event.ok ? 'ok' : 'not ok'} ${topNumber}${event.rest}`);
      } else if (event.counts !== undefined) {
        counts = event.counts;
        for (const message of event.diagnostics) diagnostic(message);
      }
    };
    const lines = (stream) => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        pending += chunk;
        let nl;
        while ((nl = pending.indexOf('\n')) !== -1) {
          onLine(pending.slice(0, nl));
          pending = pending.slice(nl + 1);
        }
      });
      return () => {
        if (pending !== '') onLine(pending);
        pending = '';
      };
    };
    const flushOut = lines(child.stdout);
    const flushErr = lines(child.stderr);
    child.on('error', (err) => {
      diagnostic(String(err));
    });
    child.on('close', (code, signal) => {
      flushOut();
      flushErr();
      const duration = Number(process.hrtime.bigint() - start) / 1e6;
      if (counts !== null) {
        for (const key of Object.keys(totals)) totals[key] += counts[key];
        if (counts.fail > 0 || counts.cancelled > 0) failed = true;
      }
      const testsFailed = counts !== null && (counts.fail > 0 || counts.cancelled > 0);
      const declared = counts !== null && counts.tests + counts.suites > 0;
      if ((code !== 0 || signal !== null) && !testsFailed) {
        fileResult(file, duration, { code, signal });
      } else if (!declared && code === 0) {
        fileResult(file, duration, null);
      } else if (code !== 0 || signal !== null) {
        failed = true;
      }
      resolve();
    });
  });
}

// The test named by the file's path, for a file that failed outside its tests or has none.
function fileResult(file, duration, exit) {
  topNumber++;
  totals.tests++;
  const name = tap.tapEscape(file);
  let out = `# Subtest: ${name}\n${exit ? 'not ok' : 'ok'} ${topNumber} - ${name}\n  ---\n`;
  out += `  duration_ms: ${duration}\n`;
  if (exit) {
    totals.fail++;
    failed = true;
    const yaml = (v) => (v === null ? '~' : inspect(v));
    out += `  location: ${inspect(`${file}:1:1`)}\n  failureType: 'testCodeFailure'\n`;
    out += `  exitCode: ${yaml(exit.code)}\n  signal: ${yaml(exit.signal)}\n`;
    out += "  error: 'test failed'\n  code: 'ERR_TEST_FAILURE'\n";
  } else {
    totals.pass++;
  }
  out += '  ...\n';
  tap.write(out);
}

async function run(args) {
  const start = process.hrtime.bigint();
  let files;
  if (args.length > 0) {
    files = args.map((f) => path.resolve(f));
    for (const file of files) {
      if (!fs.existsSync(file)) {
        process.stderr.write(`Could not find '${file}'\n`);
        process.exitCode = 1;
        return;
      }
    }
  } else {
    files = findTestFiles(process.cwd(), false, []);
  }
  files = [...new Set(files)].sort();
  for (const file of files) await runFile(file);
  let out = `1..${topNumber}\n`;
  for (const key of Object.keys(totals)) out += `# ${key} ${totals[key]}\n`;
  out += `# duration_ms ${Number(process.hrtime.bigint() - start) / 1e6}\n`;
  tap.write(out);
  process.exitCode = failed ? 1 : 0;
}

module.exports = { run };
