#!/usr/bin/env bash
# Startup: `-e 0` and an HTTP server that listens and closes (startup_http.js), each run many times
# as whole processes: median wall time per runtime and the ratio nodus / each, plus the instructions
# of one run counted by callgrind (repeatable on a busy machine).
# Run tools/bootstrap_bench.sh once first for Node 18.
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs=${RUNS:-40}
# Each case: a name and the arguments after the runtime.
cases=("-e 0|-e 0" "http listen|$(dirname "$0")/startup_http.js")
for c in "${cases[@]}"; do
  label=${c%%|*} args=${c#*|}
  echo "== $label"
  declare -A med=()
  while IFS='|' read -r name cmd; do
    out=$(hyperfine -N --warmup 5 -r "$runs" --export-json /tmp/startup_$name.json "$cmd $args" 2>/dev/null >/dev/null; \
          python3 -c "import json,sys; r=json.load(open('/tmp/startup_$name.json'))['results'][0]; print('%.2f %.2f' % (r['median']*1000, r['stddev']*1000))")
    med[$name]=${out%% *}
    printf '%-7s median %7s ms  (stddev %s ms)\n' "$name" "${out%% *}" "${out##* }"
    if command -v valgrind >/dev/null && [ "${INSTR:-1}" = 1 ]; then
      ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd $args 2>&1 | sed -n 's/.*Collected : //p')
      printf '%-7s instructions %s\n' "$name" "$ir"
    fi
  done < <(runtimes)
  for other in node18 node20; do
    [ -n "${med[$other]:-}" ] && python3 -c "print('nodus / $other = %.2f' % (${med[nodus]} / ${med[$other]}))"
  done
  unset med
done
