#!/usr/bin/env bash
# fs throughput: runs bench/fs_throughput.js under nodus, Node 18 (same V8) and Node 20 in one go,
# ROUNDS times each (interleaved), and prints the median ops/s per case with the ratios nodus/node
# (higher is better for nodus). BENCH_MS sets the time per case (default 500 ms).
set -euo pipefail
source "$(dirname "$0")/common.sh"
script="$bench_root/bench/fs_throughput.js"
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
res, order = {}, []
for n in names:
    res[n] = {}
    for line in open(f"{tmp}/{n}.txt"):
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            res[n].setdefault(parts[0], []).append(int(parts[1]))
            if parts[0] not in order:
                order.append(parts[0])
med = {n: {c: statistics.median(v) for c, v in res[n].items()} for n in names}
others = [n for n in names if n != 'nodus']
print(f"{'case':34}" + ''.join(f"{n:>12}" for n in names) + ''.join(f"{'nodus/' + o:>14}" for o in others))
ratios = {o: [] for o in others}
for case in order:
    row = f"{case:34}" + ''.join(f"{med[n].get(case, 0):>12,.0f}" for n in names)
    for o in others:
        a, b = med['nodus'].get(case), med[o].get(case)
        if a and b:
            ratios[o].append(a / b)
            row += f"{a / b:>14.2f}"
        else:
            row += f"{'-':>14}"
    print(row)
for o in others:
    if ratios[o]:
        print(f"median nodus/{o}: {statistics.median(ratios[o]):.2f}")
spread = []
for n in names:
    for c, v in res[n].items():
        if len(v) > 1 and statistics.median(v):
            spread.append((max(v) - min(v)) / statistics.median(v))
if spread:
    print(f"noise: median (max-min)/median across rounds = {statistics.median(spread):.0%}")
PY
