#!/usr/bin/env bash
# Extra dependencies for the benchmarks only (not needed to build or test):
#  - Node 18 from Debian (the same V8 10.2 as nodus: the fairest peer), extracted beside libnode108
#  - wrk and hyperfine
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/.deps"
bash "$root/tools/bootstrap.sh" >/dev/null
for p in wrk hyperfine; do
  command -v "$p" >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; }
done
# tools/bootstrap.sh already extracted Debian's nodejs 18 (for the inspector headers); its binary
# needs these JS packages, which only add files under /usr/share/nodejs.
if [ ! -d /usr/share/nodejs/acorn ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download -qq node-acorn node-cjs-module-lexer node-undici)
  for f in "$tmp"/node-*.deb; do dpkg-deb -x "$f" /; done
  rm -rf "$tmp"
fi
echo "bench deps ready: node18 = $deps/v8/usr/bin/node"
