#!/bin/sh
# Installs bufferutil, utf-8-validate (C, node-gyp-build prebuilds) and @node-rs/xxhash (Rust,
# napi-rs, a per-platform optional package) with npm (prebuilt binaries only: install scripts off)
# into a scratch folder and runs npm_addons_test.js with nodus. Exits 77 (skipped) when npm or the
# registry is not reachable. Usage: npm_addons_test.sh <nodus>
set -u
nodus=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v npm >/dev/null 2>&1 || { echo "npm not found: skipped"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
echo '{"name":"nodus-npm-addons-test","private":true}' > package.json
if ! npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
    bufferutil@4.0.9 utf-8-validate@6.0.6 node-gyp-build@4.8.4 @node-rs/xxhash@1.7.8 \
    >npm.log 2>&1; then
  cat npm.log
  echo "npm install failed: skipped"
  exit 77
fi
cp "$here/npm_addons_test.js" "$dir/"
"$nodus" "$dir/npm_addons_test.js" "$dir"
