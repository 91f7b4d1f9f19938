#!/usr/bin/env bash
# Builds everything and runs the test suite (everything but the long labelled runs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/build.sh"
cd "$root/build"
ctest --output-on-failure -j2 -LE '^(slow|sanitize|valgrind|fuzz)$' --timeout 120
