#!/bin/sh
# ESM-only npm packages, unmodified: chalk 5, nanoid 5 and node-fetch 3 (against a local HTTP
# server) installed with npm into a scratch folder, imported from an .mjs entry and from CommonJS
# through import() and require(esm). Each program runs under nodus and under Node.js (when
# present); their outputs must match. Exits 77 (skipped) when npm or the registry is unreachable.
# usage: run.sh NODUS
set -u
nodus=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v npm >/dev/null 2>&1 || { echo "npm not found: skipped"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
echo '{"name":"nodus-esm-npm-test","private":true}' > package.json
if ! npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
    chalk@5.6.2 nanoid@5.1.12 node-fetch@3.3.1 >npm.log 2>&1; then
  cat npm.log
  echo "npm install failed: skipped"
  exit 77
fi
cp "$here/entry.mjs" "$here/from_cjs.cjs" "$here/server.cjs" "$dir/"
status=0
for prog in entry.mjs from_cjs.cjs; do
  if ! "$nodus" "$prog" >"$prog.nodus" 2>"$prog.err"; then
    echo "nodus $prog failed:"; cat "$prog.nodus" "$prog.err"; status=1; continue
  fi
  if command -v node >/dev/null 2>&1; then
    env -u NODE_EXTRA_CA_CERTS node "$prog" >"$prog.node" 2>/dev/null
    if ! cmp -s "$prog.node" "$prog.nodus"; then
      echo "$prog: nodus and Node differ"; diff -u "$prog.node" "$prog.nodus"; status=1
    fi
  fi
  cat "$prog.nodus"
done
exit $status
