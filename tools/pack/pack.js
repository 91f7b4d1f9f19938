'use strict';
// The work of tools/nodus-pack, run by nodus itself: pick plugins (with their dependencies), copy
// the files, write the trimmed manifest, bundle the app, and report sizes.
const fs = require('fs');
const path = require('path');

function parseArgs(argv) {
  const opts = { plugins: null, out: null, app: null, from: null, libnode: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--plugins') opts.plugins = next().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '-o' || a === '--out') opts.out = path.resolve(next());
    else if (a === '--app') opts.app = path.resolve(next());
    else if (a === '--from') opts.from = next();
    else if (a === '--libnode') opts.libnode = next();
    else if (a === '--all') opts.plugins = 'all';
    else fail(`unknown option ${a}`);
  }
  if (!opts.out) fail('-o DIR is required');
  if (!opts.plugins) fail('--plugins a,b,... (or --all) is required');
  return opts;
}

function fail(msg) {
  process.stderr.write(`nodus-pack: ${msg}\n`);
  process.exit(2);
}

// Every plugin named plus what it depends on, in load order.
function closure(manifest, names) {
  const byName = new Map(manifest.plugins.map((p) => [p.name, p]));
  const out = [];
  const visit = (name, from) => {
    const p = byName.get(name);
    if (!p) fail(`no plugin '${name}'${from ? ` (needed by ${from})` : ''}; available: ${[...byName.keys()].join(', ')}`);
    if (out.includes(p)) return;
    for (const d of p.depends || []) visit(d, name);
    out.push(p);
  };
  for (const n of names) visit(n);
  return out;
}

function copy(src, dest) {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(src, dest);
  fs.chmodSync(dest, fs.statSync(src).mode & 0o777);
}

function copyTree(src, dest) {
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const s = path.join(src, entry.name);
    const d = path.join(dest, entry.name);
    if (entry.isDirectory()) copyTree(s, d);
    else if (entry.isFile()) copy(s, d);
  }
}

function sizeOf(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const e of fs.readdirSync(p)) total += sizeOf(path.join(p, e));
  return total;
}

const human = (n) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`);

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const libDir = path.join(opts.from, 'lib', 'nodus');
  const manifest = JSON.parse(fs.readFileSync(path.join(libDir, 'plugins.json'), 'utf8'));
  const chosen = opts.plugins === 'all' ? manifest.plugins : closure(manifest, opts.plugins);

  fs.rmSync(opts.out, { recursive: true, force: true });
  const files = [];
  const add = (src, rel) => {
    copy(src, path.join(opts.out, rel));
    files.push(rel);
  };
  add(path.join(opts.from, 'bin', 'nodus'), 'bin/nodus');
  // The startup snapshot and the code cache (its entries for plugins left out are never used).
  const startupFiles = ['snapshot.blob', 'builtins.cache'].filter((f) => fs.existsSync(path.join(libDir, f)));
  for (const f of startupFiles) add(path.join(libDir, f), `lib/nodus/${f}`);
  add(opts.libnode, `lib/nodus/deps/${path.basename(opts.libnode)}`);
  for (const p of chosen) add(path.join(libDir, p.file), `lib/nodus/${p.file}`);
  const trimmed = { manifest: 1, plugins: chosen.map((p) => ({ ...p })) };
  fs.writeFileSync(path.join(opts.out, 'lib/nodus/plugins.json'), `${JSON.stringify(trimmed, null, 2)}\n`);
  files.push('lib/nodus/plugins.json');

  if (opts.app) {
    const appDir = path.dirname(opts.app);
    copyTree(appDir, path.join(opts.out, 'app'));
    const entry = path.relative(appDir, opts.app);
    const launcher = path.join(opts.out, 'bin', 'app');
    fs.writeFileSync(launcher, '#!/bin/sh\n# Runs the bundled application on the bundled runtime.\n' +
      `here=$(cd "$(dirname "$0")" && pwd)\nexec "$here/nodus" "$here/../app/${entry}" "$@"\n`);
    fs.chmodSync(launcher, 0o755);
    files.push('bin/app', 'app/');
  }

  const rows = files.map((rel) => [rel, sizeOf(path.join(opts.out, rel))]);
  const total = rows.reduce((s, [, n]) => s + n, 0);
  const full = sizeOf(path.join(opts.from, 'bin', 'nodus')) + sizeOf(opts.libnode) +
    manifest.plugins.reduce((s, p) => s + sizeOf(path.join(libDir, p.file)), 0) +
    startupFiles.reduce((s, f) => s + sizeOf(path.join(libDir, f)), 0);
  const lines = [`nodus-pack: ${opts.out}  (plugins: ${chosen.map((p) => p.name).join(', ') || 'none'})`];
  for (const [rel, n] of rows) lines.push(`  ${rel.padEnd(40)} ${human(n).padStart(10)}`);
  lines.push(`  ${'total'.padEnd(40)} ${human(total).padStart(10)}`);
  lines.push(`  ${'full runtime (every plugin)'.padEnd(40)} ${human(full).padStart(10)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
