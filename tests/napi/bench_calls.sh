#!/usr/bin/env bash
# Node-API call throughput, nodus vs Node 18 (same V8) vs Node 20, measured in one run with the
# same .node file. Prints calls per second per runtime and the ratio nodus / other (higher is
# better for nodus). Usage: bench_calls.sh [addon dir] [seconds per case] [rounds]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../bench/common.sh"
dir=$(cd "${1:-$bench_root/build/tests/napi}" && pwd)
seconds=${2:-1}
rounds=${3:-3}
declare -A best_noop best_int32
for round in $(seq "$rounds"); do
  while IFS='|' read -r name cmd; do
    line=$($cmd "$here/bench_calls.js" "$dir" "$seconds")
    noop=$(sed -E 's/.*"noop":([0-9]+).*/\1/' <<<"$line")
    int32=$(sed -E 's/.*"int32":([0-9]+).*/\1/' <<<"$line")
    # Best of the rounds: the machine's noise only ever slows a run down.
    (( noop > ${best_noop[$name]:-0} )) && best_noop[$name]=$noop
    (( int32 > ${best_int32[$name]:-0} )) && best_int32[$name]=$int32
  done < <(runtimes)
done
printf '%-8s %16s %16s\n' runtime 'noop() calls/s' 'int32(i) calls/s'
for name in nodus node18 node20; do
  [ -n "${best_noop[$name]:-}" ] || continue
  printf '%-8s %16s %16s\n' "$name" "${best_noop[$name]}" "${best_int32[$name]}"
done
for other in node18 node20; do
  [ -n "${best_noop[$other]:-}" ] || continue
  awk -v a="${best_noop[nodus]}" -v b="${best_noop[$other]}" -v c="${best_int32[nodus]}" \
      -v d="${best_int32[$other]}" -v o="$other" \
      'BEGIN { printf "nodus/%s: noop %.2fx, int32 %.2fx\n", o, a / b, c / d }'
done
