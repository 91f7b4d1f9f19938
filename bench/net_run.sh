#!/usr/bin/env bash
# net throughput: runs bench/net_echo.js under nodus, Node 18 (same V8) and Node 20 in one go,
# ROUNDS times each (interleaved), and prints the median of each case per runtime with the ratios
# nodus/node (higher is better for nodus) and the run-to-run noise. BENCH_MS: time per case.
set -euo pipefail
source "$(dirname "$0")/common.sh"
script="$bench_root/bench/net_echo.js"
rounds=${ROUNDS:-3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
names=()
while IFS='|' read -r name cmd; do names+=("$name"); done < <(runtimes)
for r in $(seq 1 "$rounds"); do
  while IFS='|' read -r name cmd; do
    $cmd "$script" >> "$tmp/$name.txt"
  done < <(runtimes)
done
python3 - "$tmp" "${names[@]}" <<'PY'
import statistics, sys
tmp, names = sys.argv[1], sys.argv[2:]
runs = {}
cases = []
for n in names:
    runs[n] = {}
    with open(f"{tmp}/{n}.txt") as f:
        for line in f:
            case, _, value = line.strip().partition(' ')
            if not value.isdigit():
                continue
            runs[n].setdefault(case, []).append(int(value))
            if case not in cases:
                cases.append(case)
median = {n: {c: statistics.median(v) for c, v in runs[n].items()} for n in names}
peers = [n for n in names if n != 'nodus']
print(f"{'case':18}" + ''.join(f"{n:>10}" for n in names) + ''.join(f"{'nodus/' + p:>14}" for p in peers))
for case in cases:
    row = f"{case:18}" + ''.join(f"{median[n].get(case, 0):>10,.0f}" for n in names)
    for p in peers:
        a, b = median['nodus'].get(case), median[p].get(case)
        row += f"{a / b:>14.2f}" if a and b else f"{'-':>14}"
    print(row)
noise = [(max(v) - min(v)) / statistics.median(v)
         for n in names for v in runs[n].values() if len(v) > 1 and statistics.median(v)]
if noise:
    print(f"noise: median (max-min)/median across rounds = {statistics.median(noise):.0%}")
PY
