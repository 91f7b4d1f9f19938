#!/bin/sh
# Fails unless the executable defines and exports every Node-API function: all names listed in
# node-api-headers' symbols.js (cumulative up to version 10) plus the newer node_api_* functions
# nodus provides. Usage: check_symbols.sh <nodus executable> <symbols.js>
set -eu
exe=$1
symbols_js=$2
want=$(mktemp)
have=$(mktemp)
trap 'rm -f "$want" "$have"' EXIT
{
  grep -oE "'(napi|node_api)_[a-z0-9_]+'" "$symbols_js" | tr -d "'"
  echo node_api_post_finalizer
} | sort -u > "$want"
nm -D --defined-only "$exe" | awk '{print $NF}' | grep -E '^(napi|node_api)_' | sort -u > "$have"
missing=$(comm -23 "$want" "$have")
count=$(wc -l < "$want")
if [ -n "$missing" ]; then
  echo "missing Node-API exports in $exe:" >&2
  echo "$missing" >&2
  exit 1
fi
echo "all $count Node-API functions are exported by $exe"
