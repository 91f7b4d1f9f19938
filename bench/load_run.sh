#!/usr/bin/env bash
# Load: bench/load.js against nodus, Node 18 (same V8) and Node 20 in turn — CONNECTIONS
# keep-alive connections on 127.0.0.1 (default 1000), each kept busy for DURATION seconds
# (default 10) — then one table: requests per second, errors, the server's CPU time per request
# and its memory (heap after a full GC / rss) before, at the end of the run, and after every
# connection closed; and the ratios nodus / node. The client is always the same runtime (Node 20
# when present) so only the server changes. ROUNDS > 1 alternates the runtimes and reports medians.
set -euo pipefail
source "$(dirname "$0")/common.sh"
driver=${NODE20:-$NODUS}
rounds=${ROUNDS:-1}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
names=()
while IFS='|' read -r name cmd; do names+=("$name|$cmd"); done < <(runtimes)
for round in $(seq "$rounds"); do
  for entry in "${names[@]}"; do
    RUNTIME="${entry#*|}" CONNECTIONS=${CONNECTIONS:-1000} DURATION=${DURATION:-10} \
      "$driver" "$bench_root/bench/load.js" >> "$tmp/${entry%%|*}.jsonl"
  done
done
python3 - "$tmp" "${names[@]%%|*}" <<'PY'
import json, statistics, sys
tmp, names = sys.argv[1], sys.argv[2:]
med = lambda xs: statistics.median(xs) if xs else 0
rows = {}
for n in names:
    runs = [json.loads(l) for l in open(f"{tmp}/{n}.jsonl")]
    last = runs[-1]
    rows[n] = {
        'conns': last['connections'],
        'rps': med([r['requestsPerSecond'] for r in runs]),
        'errors': sum(sum(r['errors'].values()) for r in runs),
        'cpu_us': med([r['serverCpuSeconds'] * 1e6 / r['requests'] for r in runs if r['requests']]),
        'mem': last['server'],
    }
print(f"{'runtime':8}{'conns':>7}{'req/s':>10}{'errors':>8}{'CPU us/req':>12}   "
      "heap MB before/end/after   rss MB before/end/after")
for n, r in rows.items():
    m = r['mem']
    heap = '/'.join(f"{m[k]['heapMB']:.1f}" for k in ('before', 'during', 'after'))
    rss = '/'.join(f"{m[k]['rssMB']:.0f}" for k in ('before', 'during', 'after'))
    print(f"{n:8}{r['conns']:>7}{r['rps']:>10,.0f}{r['errors']:>8}{r['cpu_us']:>12.1f}   {heap:>24}   {rss:>22}")
for n in names:
    if n != 'nodus' and rows[n]['rps'] and rows['nodus']['rps']:
        print(f"nodus / {n}: req/s {rows['nodus']['rps'] / rows[n]['rps']:.2f}, "
              f"CPU per request {rows['nodus']['cpu_us'] / rows[n]['cpu_us']:.2f}")
PY
