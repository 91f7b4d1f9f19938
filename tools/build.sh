#!/usr/bin/env bash
# Installs the dependencies (tools/bootstrap.sh), configures and builds everything into build/.
# Extra arguments go to CMake's configure step (e.g. -DNODUS_PLUGINS="fs").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash tools/bootstrap.sh
cmake -S . -B build -G Ninja "$@" >/dev/null
cmake --build build -j "$(nproc)"
