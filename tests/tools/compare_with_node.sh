#!/usr/bin/env bash
# compare_with_node.sh NODUS NODE FILE: runs FILE under both and fails when stdout or the exit
# code differ (shows the diff).
set -u
nodus=$1 node=$2 file=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
env -u NODE_EXTRA_CA_CERTS "$node" "$file" >"$tmp/node.out" 2>"$tmp/node.err"; rc_node=$?
"$nodus" "$file" >"$tmp/nodus.out" 2>"$tmp/nodus.err"; rc_nodus=$?
if cmp -s "$tmp/node.out" "$tmp/nodus.out" && [ "$rc_node" = "$rc_nodus" ]; then exit 0; fi
echo "exit codes: node $rc_node, nodus $rc_nodus"
diff -u --label node --label nodus "$tmp/node.out" "$tmp/nodus.out" | head -80
echo "--- nodus stderr:"; head -20 "$tmp/nodus.err"
exit 1
