'use strict';
// The TAP reporter of `node:test`, written as Node 20 prints it when stdout is not a terminal:
// "TAP version 13", "# Subtest: name", "ok N - name # SKIP reason", a YAML block per result (the
// duration, `type: 'suite'`, and for failures the location and the error), the plan, and the
// summary as diagnostics. Lines are written synchronously, as the runner produces them.

const { inspect } = require('util');

const yamlInspectOptions = { colors: false, breakLength: Infinity };
const lineBreak = /\r?\n|\r/;
const frameStart = /^ {4}at /;

// Under `nodus --test` each file runs in a child process that sends its report to the parent as
// events, one a line after a marker: text to copy, the top-level result lines (the parent numbers
// them across files) and the counts.
const childMode = process.env.NODUS_TEST_CHILD === '1';
const kEventMarker = '\u001fnodus-test\u001f';
function emit(event) {
  process.stdout.write(`${kEventMarker}${JSON.stringify(event)}\n`);
}

let headerWritten = false;
function write(text) {
  if (childMode) {
    emit({ text });
    return;
  }
  if (!headerWritten) {
    headerWritten = true;
    process.stdout.write('TAP version 13\n');
  }
  process.stdout.write(text);
}

function indent(nesting) {
  return nesting > 0 ? '    '.repeat(nesting) : '';
}

// Characters TAP gives a meaning to in names, directives and comments are written as escapes.
// (control characters as two backslashes and their letter, as Node writes them).
const escapes = new Map([['\\', '\\\\'], ['#', '\\#'], ['\b', '\\\\b'], ['\f', '\\\\f'],
  ['\t', '\\\\t'], ['\n', '\\\\n'], ['\r', '\\\\r'], ['\v', '\\\\v']]);
function tapEscape(text) {
  let out = '';
  for (const ch of String(text)) out += escapes.get(ch) ?? ch;
  return out;
}

// One `name: value` entry of a YAML block; objects become nested blocks, multi-line strings `|-`.
function yamlEntry(ind, name, value, seen) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object' && typeof value !== 'function') {
    const head = `${ind}  ${name}:`;
    if (typeof value === 'string') {
      const lines = value.split(lineBreak);
      if (lines.length > 1) return `${head} |-\n${lines.map((l) => `${ind}    ${l}\n`).join('')}`;
    }
    return `${head} ${inspect(value, yamlInspectOptions)}\n`;
  }
  if (typeof value === 'function') return `${ind}  ${name}: ${inspect(value, yamlInspectOptions)}\n`;
  seen.add(value);
  let out = `${ind}  ${name}:\n`;
  const inner = `${ind}  `;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v !== null && typeof v === 'object' && seen.has(v)) {
      out += `${inner}  ${key}: <Circular>\n`;
      continue;
    }
    out += yamlEntry(inner, key, v, seen);
  }
  return out;
}

function isAssertionError(e) {
  return e !== null && typeof e === 'object' && e.code === 'ERR_ASSERTION' &&
    typeof e.name === 'string' && e.name.startsWith('AssertionError');
}

// The failure part of a YAML block: `failureType`, then the user's error (message, code, name,
// expected/actual/operator of an assertion, stack frames without their "at ").
function failureYaml(ind, failure) {
  const seen = new Set();
  let out = yamlEntry(ind, 'failureType', failure.failureType, seen);
  const cause = failure.cause;
  const isObj = cause !== null && (typeof cause === 'object' || typeof cause === 'function');
  let message = failure.message;
  if (failure.failureType === 'testCodeFailure' && isObj && cause.message !== undefined &&
      cause.message !== null) {
    message = cause.message;
  }
  out += yamlEntry(ind, 'error', message, seen);
  const code = (isObj && cause.code != null) ? cause.code : 'ERR_TEST_FAILURE';
  out += yamlEntry(ind, 'code', code, seen);
  const name = isObj && cause.name != null ? cause.name : 'Error';
  if (name && name !== 'Error') out += yamlEntry(ind, 'name', name, seen);
  if (isAssertionError(cause)) {
    out += yamlEntry(ind, 'expected', cause.expected, seen);
    out += yamlEntry(ind, 'actual', cause.actual, seen);
    if (cause.operator) out += yamlEntry(ind, 'operator', cause.operator, seen);
  }
  const stack = isObj ? cause.stack : undefined;
  if (typeof stack === 'string') {
    const frames = [];
    for (const line of stack.split(lineBreak)) {
      if (frameStart.test(line)) {
        const frame = line.replace(frameStart, '');
        if (frame.length > 0) frames.push(frame);
      }
    }
    if (frames.length > 0) out += `${ind}  stack: |-\n${frames.map((f) => `${ind}    ${f}\n`).join('')}`;
  }
  return out;
}

function start(test) {
  write(`${indent(test.nesting)}# Subtest: ${tapEscape(test.name)}\n`);
}

function result(test) {
  const ind = indent(test.nesting);
  let out = '';
  if (test.subtests.length > 0) out += `${indent(test.nesting + 1)}1..${test.subtests.length}\n`;
  const top = childMode && test.nesting === 0;
  let directive = '';
  if (test.skipped !== undefined) {
    directive = ` # SKIP${typeof test.skipped === 'string' && test.skipped ? ` ${tapEscape(test.skipped)}` : ''}`;
  } else if (test.todo !== undefined) {
    directive = ` # TODO${typeof test.todo === 'string' && test.todo ? ` ${tapEscape(test.todo)}` : ''}`;
  }
  const rest = ` - ${tapEscape(test.name)}${directive}\n`;
  if (top) {
    if (out !== '') emit({ text: out });
    emit({ ok: !test.error, rest });
    out = '';
  } else {
    out += `${ind}${test.error ? 'not ok' : 'ok'} ${test.number}${rest}`;
  }
  out += `${ind}  ---\n`;
  out += yamlEntry(ind, 'duration_ms', test.duration, null);
  if (test.kind === 'suite') out += yamlEntry(ind, 'type', 'suite', null);
  if (test.error) {
    out += yamlEntry(ind, 'location', test.location, null);
    out += failureYaml(ind, test.error);
  }
  out += `${ind}  ...\n`;
  for (const message of test.diagnostics) out += `${ind}# ${tapEscape(message)}\n`;
  write(out);
}

// A failure of the global after hooks: a result line without a "# Subtest:" line.
function rootFailure(number, name, durationMs, location, failure) {
  let out = `not ok ${number} - ${tapEscape(name)}\n  ---\n`;
  out += yamlEntry('', 'duration_ms', durationMs, null);
  out += yamlEntry('', 'location', location, null);
  out += failureYaml('', failure);
  out += '  ...\n';
  write(out);
}

function summary(count, root, diagnostics, durationMs) {
  if (childMode) {
    emit({ counts: count, diagnostics });
    return;
  }
  let out = `1..${root.subtests.length}\n`;
  for (const message of diagnostics) out += `# ${tapEscape(message)}\n`;
  for (const key of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) {
    out += `# ${key} ${count[key]}\n`;
  }
  out += `# duration_ms ${durationMs}\n`;
  write(out);
}

module.exports = { start, result, rootFailure, summary, write, tapEscape, kEventMarker };
