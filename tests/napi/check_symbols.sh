#!/bin/sh
# Fails unless the executable defines and exports every Node-API function: all names listed in
# node-api-headers' symbols.js (cumulative up to version 10) plus the newer node_api_* functions
# nodus provides. With a third argument (the test addon sources), also fails unless every one of
# them is called by some test addon. Usage: check_symbols.sh <nodus> <symbols.js> [tests dir]
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
if [ $# -ge 3 ]; then
  untested=""
  for name in $(cat "$want"); do
    grep -qw "$name" "$3"/*.c || untested="$untested $name"
  done
  if [ -n "$untested" ]; then
    echo "Node-API functions no test addon calls:$untested" >&2
    exit 1
  fi
  echo "and every one is called by a test addon in $3"
fi
