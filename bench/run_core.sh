#!/usr/bin/env bash
# Core-library throughput (Buffer encode/decode, stream pipeline): runs each script under nodus,
# Node 18 (same V8) and Node 20 in one go and prints ops/s per case with the ratios nodus/node.
# BENCH_MS sets the time per case (default 300 ms).
set -euo pipefail
source "$(dirname "$0")/common.sh"
scripts=("$bench_root/bench/buffer_codec.js" "$bench_root/bench/stream_pipeline.js")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
names=()
while IFS='|' read -r name cmd; do
  names+=("$name")
  for s in "${scripts[@]}"; do $cmd "$s"; done > "$tmp/$name.txt"
done < <(runtimes)
python3 - "$tmp" "${names[@]}" <<'PY'
import sys
tmp, names = sys.argv[1], sys.argv[2:]
res = {}
order = []
for n in names:
    res[n] = {}
    for line in open(f"{tmp}/{n}.txt"):
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            res[n][parts[0]] = int(parts[1])
            if parts[0] not in order:
                order.append(parts[0])
others = [n for n in names if n != 'nodus']
head = f"{'case':26}" + ''.join(f"{n + ' ops/s':>16}" for n in names) + ''.join(f"{'nodus/' + o:>15}" for o in others)
print(head)
ratios = {o: [] for o in others}
for case in order:
    row = f"{case:26}" + ''.join(f"{res[n].get(case, 0):>16,}" for n in names)
    for o in others:
        a, b = res['nodus'].get(case), res[o].get(case)
        if a and b:
            ratios[o].append(a / b)
            row += f"{a / b:>15.2f}"
        else:
            row += f"{'-':>15}"
    print(row)
import statistics
for o in others:
    if ratios[o]:
        print(f"median nodus/{o}: {statistics.median(ratios[o]):.2f}  (higher is better for nodus)")
PY
