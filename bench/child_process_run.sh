#!/usr/bin/env bash
# child_process throughput: runs bench/child_process.js under nodus, Node 18 (same V8) and Node 20
# in one go, ROUNDS times each (interleaved), and prints the median ops/s per case and the ratios
# nodus/node (higher is better for nodus). BENCH_MS sets the time per case (default 1000 ms).
set -euo pipefail
source "$(dirname "$0")/common.sh"
script="$bench_root/bench/child_process.js"
rounds=${ROUNDS:-5}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
names=()
while IFS='|' read -r name cmd; do names+=("$name"); done < <(runtimes)
for _ in $(seq 1 "$rounds"); do
  while IFS='|' read -r name cmd; do
    $cmd "$script" >> "$out/$name.txt"
  done < <(runtimes)
done
python3 - "$out" "${names[@]}" <<'PY'
import statistics, sys
out, names = sys.argv[1], sys.argv[2:]
runs, cases = {}, []
for n in names:
    runs[n] = {}
    with open(f"{out}/{n}.txt") as f:
        for line in f:
            case, _, value = line.partition(' ')
            if not value.strip().isdigit():
                continue
            runs[n].setdefault(case, []).append(int(value))
            if case not in cases:
                cases.append(case)
median = {n: {c: statistics.median(v) for c, v in runs[n].items()} for n in names}
peers = [n for n in names if n != 'nodus']
print(f"{'case':24}" + ''.join(f"{n:>10}" for n in names) + ''.join(f"{'nodus/' + p:>14}" for p in peers))
for case in cases:
    line = f"{case:24}" + ''.join(f"{median[n].get(case, 0):>10,.0f}" for n in names)
    for p in peers:
        a, b = median['nodus'].get(case), median[p].get(case)
        line += f"{a / b:>14.2f}" if a and b else f"{'-':>14}"
    print(line)
spread = [(max(v) - min(v)) / statistics.median(v)
          for n in names for v in runs[n].values() if len(v) > 1 and statistics.median(v)]
if spread:
    print(f"noise: median (max-min)/median across rounds = {statistics.median(spread):.0%}")
PY
