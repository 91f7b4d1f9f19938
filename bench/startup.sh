#!/usr/bin/env bash
# Startup: `-e 0` and an HTTP server that listens and closes (startup_http.js), each run many times
# as whole processes, the runtimes interleaved (startup_timing.py): median wall and CPU time per
# runtime and the ratio nodus / each, plus the instructions of one run counted by callgrind.
# Run tools/bootstrap_bench.sh once first for Node 18.
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs=${RUNS:-40}
# Each case: a name and the arguments after the runtime.
cases=("-e 0|-e 0" "http listen|$(dirname "$0")/startup_http.js")
for c in "${cases[@]}"; do
  label=${c%%|*} args=${c#*|}
  echo "== $label"
  specs=()
  while IFS='|' read -r name cmd; do specs+=("$name=$cmd"); done < <(runtimes)
  python3 "$(dirname "$0")/startup_timing.py" "$runs" "$args" -- "${specs[@]}"
  if command -v valgrind >/dev/null && [ "${INSTR:-1}" = 1 ]; then
    for spec in "${specs[@]}"; do
      ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null ${spec#*=} $args 2>&1 | sed -n 's/.*Collected : //p')
      printf '%-7s instructions %s\n' "${spec%%=*}" "$ir"
    done
  fi
done
