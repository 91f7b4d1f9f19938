#!/usr/bin/env bash
# crypto/zlib throughput: runs bench/crypto_zlib.js under nodus, Node 18 (same V8) and Node 20,
# ROUNDS times each (interleaved), and prints the median MB/s per case and the ratios nodus/node
# (higher is better for nodus). The libraries are the same, so a ratio below 1 is overhead.
set -euo pipefail
source "$(dirname "$0")/common.sh"
script="$bench_root/bench/crypto_zlib.js"
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
runs, order = {}, []
for n in names:
    runs[n] = {}
    for line in open(f"{tmp}/{n}.txt"):
        case, _, value = line.strip().partition(' ')
        if value.isdigit():
            runs[n].setdefault(case, []).append(int(value))
            if case not in order:
                order.append(case)
median = {n: {c: statistics.median(v) for c, v in runs[n].items()} for n in names}
peers = [n for n in names if n != 'nodus']
print(f"{'case (MB/s)':24}" + ''.join(f"{n:>10}" for n in names) + ''.join(f"{'nodus/' + p:>14}" for p in peers))
for case in order:
    row = f"{case:24}" + ''.join(f"{median[n].get(case, 0):>10,.0f}" for n in names)
    for p in peers:
        a, b = median['nodus'].get(case), median[p].get(case)
        row += f"{a / b:>14.2f}" if a and b else f"{'-':>14}"
    print(row)
spreads = [(max(v) - min(v)) / statistics.median(v)
           for n in names for v in runs[n].values() if len(v) > 1 and statistics.median(v)]
if spreads:
    print(f"noise: median (max-min)/median across rounds = {statistics.median(spreads):.0%}")
PY
