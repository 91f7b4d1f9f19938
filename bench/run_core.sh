#!/usr/bin/env bash
# Core-library throughput (Buffer encode/decode, EventEmitter emit, stream pipeline): runs each
# script under nodus, Node 18 (same V8) and Node 20 in one go and prints ops/s per case with the
# ratios nodus/node.
# The runtimes take turns for ROUNDS rounds (default 3) and each case keeps its median, so load
# that comes and goes on the machine hits all of them alike. BENCH_MS: time per case (300 ms).
set -euo pipefail
source "$(dirname "$0")/common.sh"
scripts=("$bench_root/bench/buffer_codec.js" "$bench_root/bench/events_emit.js"
         "$bench_root/bench/stream_pipeline.js")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
names=()
cmds=()
while IFS='|' read -r name cmd; do
  names+=("$name")
  cmds+=("$cmd")
done < <(runtimes)
for ((round = 0; round < ${ROUNDS:-3}; round++)); do
  for s in "${scripts[@]}"; do
    for i in "${!names[@]}"; do
      ${cmds[$i]} "$s" >> "$tmp/${names[$i]}.txt"
    done
  done
done
python3 - "$tmp" "${names[@]}" <<'PY'
import sys
tmp, names = sys.argv[1], sys.argv[2:]
import statistics
res = {}
order = []
for n in names:
    runs = {}
    for line in open(f"{tmp}/{n}.txt"):
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            runs.setdefault(parts[0], []).append(int(parts[1]))
            if parts[0] not in order:
                order.append(parts[0])
    res[n] = {case: int(statistics.median(v)) for case, v in runs.items()}
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
for o in others:
    if ratios[o]:
        print(f"median nodus/{o}: {statistics.median(ratios[o]):.2f}  (higher is better for nodus)")
PY
