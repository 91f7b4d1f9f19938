#!/usr/bin/env bash
# run_js_fuzz.sh NODUS NODE DRIVER CORPUS_DIR: runs DRIVER with fresh random seeds under nodus and
# Node for FUZZ_SECONDS (default 20) and fails on the first output line that differs, printing
# the seed that reproduces it (FUZZ_SEED=N runs that one seed only). Prints how many inputs ran.
set -u
nodus=$1 node=$2 driver=$3 corpus=$4
seconds=${FUZZ_SECONDS:-20}
batch=${FUZZ_BATCH:-500}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
end=$((SECONDS + seconds))
runs=0
while :; do
  seed=${FUZZ_SEED:-$(( (RANDOM << 15) | RANDOM ))}
  env -u NODE_EXTRA_CA_CERTS "$node" "$driver" "$seed" "$batch" "$corpus" >"$tmp/node.out" 2>"$tmp/node.err" || {
    echo "node failed on seed $seed:"; head -5 "$tmp/node.err"; exit 2; }
  "$nodus" "$driver" "$seed" "$batch" "$corpus" >"$tmp/nodus.out" 2>"$tmp/nodus.err"
  rc=$?
  if [ $rc -ne 0 ] || ! cmp -s "$tmp/node.out" "$tmp/nodus.out"; then
    echo "FAIL: $(basename "$driver") seed $seed (exit $rc) after $runs inputs; first difference:"
    diff "$tmp/node.out" "$tmp/nodus.out" | head -6
    head -5 "$tmp/nodus.err"
    exit 1
  fi
  runs=$((runs + batch))
  if [ -n "${FUZZ_SEED:-}" ] || [ $SECONDS -ge $end ]; then break; fi
done
echo "$(basename "$driver"): $runs inputs, no difference from Node"
