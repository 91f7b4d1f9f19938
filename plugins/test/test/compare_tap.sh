#!/bin/sh
# compare_tap.sh NODUS NODE ARGS...: runs `NODE ARGS` and `NODUS ARGS` (a fixture, or --test and
# fixtures) from the fixtures folder (stdout not a terminal, so both print TAP) and fails unless
# the normalized outputs and the exit codes are the same. Normalized: every duration_ms value,
# stack blocks (the `stack: |-` line and the frames under it: Node's frames name its internals),
# and the current folder (written <dir>).
nodus=$1 node=$2
shift 2
dir=$(pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

normalize() {
  sed -E -e 's/(duration_ms:?) [0-9.e+-]+$/\1 */' -e "s#$dir#<dir>#g" -e "s#file://<dir>#<dir>#g" "$1" |
    awk '/^ *stack: \|-$/ { match($0, /^ */); depth = RLENGTH; skipping = 1; next }
         skipping { match($0, /^ */); if (RLENGTH > depth) next; skipping = 0 }
         { print }'
}

env -u NODE_OPTIONS -u NODE_TEST_CONTEXT "$node" "$@" >"$tmp/node.raw" 2>"$tmp/node.err"; rc_node=$?
env -u NODUS_TEST_CHILD "$nodus" "$@" >"$tmp/nodus.raw" 2>"$tmp/nodus.err"; rc_nodus=$?
normalize "$tmp/node.raw" >"$tmp/node.out"
normalize "$tmp/nodus.raw" >"$tmp/nodus.out"
if cmp -s "$tmp/node.out" "$tmp/nodus.out" && [ "$rc_node" = "$rc_nodus" ]; then
  echo "$*: same output ($(wc -l <"$tmp/node.out") lines), exit code $rc_node"
  exit 0
fi
echo "exit codes: node $rc_node, nodus $rc_nodus"
diff -u --label node --label nodus "$tmp/node.out" "$tmp/nodus.out" | head -120
echo "--- nodus stderr:"; head -20 "$tmp/nodus.err"
exit 1
