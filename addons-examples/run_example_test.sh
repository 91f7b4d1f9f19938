#!/bin/sh
# Builds one example as an outside author would (its own CMake project, in a scratch build
# folder), then runs its test.js with the SAME .node file under nodus and, when it is on the
# machine, under Node.js.
# Usage: run_example_test.sh <example dir> <build dir> <nodus> [node] -- [extra cmake -D options]
set -eu
src=$1; build=$2; nodus=$3; node=${4:-}
shift 4 || shift $#
[ "${1:-}" = "--" ] && shift
rm -rf "$build"  # a fresh configure: find_package(Nodus) must find the SDK given now
mkdir -p "$(dirname "$build")"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >"$build.configure.log" 2>&1 ||
  { cat "$build.configure.log"; exit 1; }
# Given a prefix, the example must have been built against the SDK installed there.
case "$*" in
  *CMAKE_PREFIX_PATH=*)
    grep -q "installed nodus SDK" "$build.configure.log" ||
      { echo "the installed nodus SDK was not used:"; cat "$build.configure.log"; exit 1; } ;;
esac
cmake --build "$build" >/dev/null
export EXAMPLE_ADDON_DIR="$build"
echo "nodus: $nodus $src/test.js"
"$nodus" --expose-gc "$src/test.js"
if [ -n "$node" ] && [ -x "$node" ]; then
  echo "node: $node $src/test.js"
  "$node" --expose-gc "$src/test.js"
fi
