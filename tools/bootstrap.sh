#!/usr/bin/env bash
# Installs everything nodus needs on a fresh Debian 12 machine. Idempotent: a second run is quick.
#  - apt packages (libuv, c-ares, OpenSSL, zlib, brotli, boost, fmt, Catch2, build tools)
#  - V8 10.2 and llhttp extracted (never installed) from Debian packages into .deps/
#  - Node-API headers and node-addon-api from npm into .deps/npm
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/.deps"
mkdir -p "$deps"

apt_pkgs=(cmake g++ ninja-build pkg-config libuv1-dev libc-ares-dev libssl-dev zlib1g-dev
  libbrotli-dev nlohmann-json3-dev libboost-dev libboost-filesystem-dev libfmt-dev catch2 dnsmasq-base openssl
  libicu72 libnghttp2-14 libbrotli1 libc-ares2 libuv1)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# V8 (inside libnode108) and llhttp sources: extracted, never installed, because they conflict with
# the machine's Node.js package.
extract() { # package-name marker-file
  [ -e "$2" ] && return 0
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download -qq "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get download -qq "$1"; })
  dpkg-deb -x "$tmp"/"${1%%=*}"_*.deb "$deps/v8"
  rm -rf "$tmp"
}
mkdir -p "$deps/v8"
extract libnode108 "$deps/v8/usr/lib/x86_64-linux-gnu/libnode.so.108"
extract libnode-dev "$deps/v8/usr/include/node/v8.h"
extract node-llhttp "$deps/v8/usr/share/llhttp/llhttp.c"
# libnode-dev lacks v8-inspector.h; Debian's Node 18 package (same V8 10.2) ships it. Only its
# headers are used (the inspector itself is inside libnode).
extract nodejs=18.20.4+dfsg-1~deb12u3 "$deps/v8/usr/include/nodejs/deps/v8/include/v8-inspector.h"
# libnode-dev ships the unversioned link names; make sure they exist.
libdir="$deps/v8/usr/lib/x86_64-linux-gnu"
for l in libv8 libv8_libplatform; do
  [ -e "$libdir/$l.so" ] || ln -sf libnode.so.108 "$libdir/$l.so"
done

# Node-API headers (pinned) and node-addon-api for the addon examples.
if [ ! -f "$deps/npm/node_modules/node-api-headers/package.json" ]; then
  mkdir -p "$deps/npm"
  (cd "$deps/npm" && npm install --silent --no-audit --no-fund --prefix . \
     node-api-headers@1.5.0 node-addon-api@8.3.1 >/dev/null)
fi
# Node's own streams (npm readable-stream, pinned): its lib/ files are embedded into the kernel at
# build time by kernel/deps.cmake and loaded by lib/internal/deps/readable_stream.js (see
# docs/streams.md). Its npm dependencies are not used: they map to the kernel's builtins.
if [ ! -f "$deps/npm/node_modules/readable-stream/package.json" ]; then
  mkdir -p "$deps/npm"
  (cd "$deps/npm" && npm install --silent --no-audit --no-fund --prefix . readable-stream@4.7.0 >/dev/null)
fi
# cjs-module-lexer (pinned): Node's static detection of CommonJS named exports, for ESM interop.
if [ ! -f "$deps/npm/node_modules/cjs-module-lexer/package.json" ]; then
  mkdir -p "$deps/npm"
  (cd "$deps/npm" && npm install --silent --no-audit --no-fund --prefix . cjs-module-lexer@1.4.1 >/dev/null)
fi
# devtools-protocol (pinned near V8 10.2's Chromium revision): V8's DevTools protocol schema, which
# the inspector serves at /json/protocol (embedded by kernel/deps.cmake).
if [ ! -f "$deps/npm/node_modules/devtools-protocol/package.json" ]; then
  mkdir -p "$deps/npm"
  (cd "$deps/npm" && npm install --silent --no-audit --no-fund --prefix . devtools-protocol@0.0.995510 >/dev/null)
fi
echo "bootstrap: dependencies ready in $deps"
