#!/usr/bin/env bash
# Every plugin speaks only the stable ABI: no undefined V8 or node:: symbol, no llhttp (or any
# other) symbol bound outside itself, and nothing exported but the entry point. The kernel calls
# no node:: function either.
# usage: check_plugin_symbols.sh PLUGIN_DIR NODUS
set -u
dir=$1 nodus=$2
fail=0 pass=0
for so in "$dir"/*.so; do
  bad=$(nm -D --undefined-only "$so" | grep -E '_ZN(2v8|4node)|llhttp_' || true)
  extra=$(nm -D --defined-only "$so" | awk '$2 ~ /[TDBR]/ {print $3}' | grep -v '^nodus_plugin_entry_v1$' || true)
  if [[ -n $bad || -n $extra ]]; then
    echo "FAIL $so"; [[ -n $bad ]] && echo "  undefined: $bad"; [[ -n $extra ]] && echo "  exported: $extra"
    fail=$((fail+1))
  else
    pass=$((pass+1))
  fi
done
if nm -D --undefined-only "$nodus" | grep -qE '_ZN4node'; then
  echo "FAIL $nodus calls node:: functions"; fail=$((fail+1))
else
  pass=$((pass+1))
fi
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
