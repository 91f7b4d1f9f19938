#!/usr/bin/env bash
# The SDK from outside: install the runtime + SDK to a temporary prefix, build a third-party
# project with find_package(Nodus), and run its addon and plugin on the installed runtime.
# usage: test_outside_sdk.sh BUILD_DIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$here/outside_project" -B "$tmp/out" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/out" >/dev/null
"$tmp/prefix/bin/nodus" --plugin "outside_greeting=$tmp/out/libnodus_outside_greeting.so" \
  "$here/outside_project/test.js" "$tmp/out"
# The same addon file loads in Node.js unchanged.
if command -v node >/dev/null; then
  node -e "const a = require(process.argv[1]); if (a.add(1, 2) !== 3) process.exit(1); console.log('node loads it too')" \
    "$tmp/out/outside_addon.node"
  # napi_helpers.h is Node-API only: the C++ addon built on it loads in Node.js as well.
  node -e "const h = require(process.argv[1]); if (new h.Counter(1).add(2) !== 3) process.exit(1)" \
    "$tmp/out/outside_helpers.node"
fi
