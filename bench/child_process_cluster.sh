#!/usr/bin/env bash
# HTTP hello world served by one process and by a 2-worker cluster (bench/child_process_cluster.js)
# on nodus, Node 18 and Node 20, each driven by `wrk -t2 -c50 -d$DURATION` on 127.0.0.1. Prints
# req/s per runtime and mode, the cluster/single ratio, and nodus/node per mode. On a 2-core
# machine wrk competes with the workers, so the cluster gain is bounded; the ratios between
# runtimes are the point. DURATION (5s), CONNECTIONS (50), WORKERS (2) override the defaults.
set -euo pipefail
source "$(dirname "$0")/common.sh"
command -v wrk >/dev/null || { echo "wrk not found: run tools/bootstrap_bench.sh" >&2; exit 1; }
duration=${DURATION:-5s}
conns=${CONNECTIONS:-50}
nworkers=${WORKERS:-2}
port=${PORT:-18090}
server="$bench_root/bench/child_process_cluster.js"
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

run_one() {  # name cmd workers
  local name=$1 cmd=$2 workers=$3
  PORT=$port WORKERS=$workers $cmd "$server" > "$tmp/server.out" 2>&1 &
  pid=$!
  for _ in $(seq 300); do grep -q ready "$tmp/server.out" 2>/dev/null && break; sleep 0.05; done
  grep -q ready "$tmp/server.out" || { echo "$name: server did not start" >&2; cat "$tmp/server.out" >&2; exit 1; }
  wrk -t2 -c"$conns" -d"$duration" "http://127.0.0.1:$port/" > "$tmp/wrk.out"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  sleep 0.3
  grep -E "Non-2xx|Socket errors" "$tmp/wrk.out" >&2 || true
  echo "$name $workers $(sed -n 's/^Requests\/sec: *//p' "$tmp/wrk.out")" >> "$tmp/results"
}

while IFS='|' read -r name cmd; do
  run_one "$name" "$cmd" 0
  run_one "$name" "$cmd" "$nworkers"
done < <(runtimes)

python3 - "$tmp/results" <<'PY'
import sys
rps, names = {}, []
for line in open(sys.argv[1]):
    name, workers, value = line.split()
    rps[(name, int(workers))] = float(value)
    if name not in names:
        names.append(name)
modes = sorted({w for _, w in rps})
print(f"{'runtime':8}" + ''.join(f"{('single' if w == 0 else f'cluster x{w}'):>14}" for w in modes) + f"{'cluster/single':>16}")
for n in names:
    row = f"{n:8}" + ''.join(f"{rps.get((n, w), 0):>14,.0f}" for w in modes)
    single, multi = rps.get((n, 0)), rps.get((n, modes[-1]))
    row += f"{multi / single:>16.2f}" if single and multi else f"{'-':>16}"
    print(row)
for other in names:
    if other == 'nodus':
        continue
    parts = []
    for w in modes:
        a, b = rps.get(('nodus', w)), rps.get((other, w))
        if a and b:
            parts.append(f"{'single' if w == 0 else 'cluster'} {a / b:.2f}")
    print(f"nodus / {other}: " + ', '.join(parts))
PY
