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
if [ ! -x "$deps/v8/usr/bin/node" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download -qq nodejs=18.20.4+dfsg-1~deb12u3 node-acorn node-cjs-module-lexer node-undici)
  dpkg-deb -x "$tmp"/nodejs_*.deb "$deps/v8"
  # Debian's Node 18 reads these JS files at startup; they only add files under /usr/share/nodejs.
  for f in "$tmp"/node-*.deb; do dpkg-deb -x "$f" /; done
  rm -rf "$tmp"
fi
echo "bench deps ready: node18 = $deps/v8/usr/bin/node"
