#!/usr/bin/env bash
# Swapping a subsystem at run time: the same program on the default dns plugin and on dns_hosts
# (chosen by --plugin and by the environment), no rebuild.
# usage: test_swap.sh NODUS DNS_HOSTS_SO PROGRAM
set -euo pipefail
nodus=$1 alt=$2 prog=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '127.0.0.1 localhost\n10.9.8.7 swap-target.test alias.test\n' > "$tmp/hosts"
fail() { echo "FAIL: $*"; exit 1; }

out=$(NODUS_HOSTS_FILE="$tmp/hosts" "$nodus" --plugin "dns=$alt" "$prog")
[[ $out == *"hosts lookup 127.0.0.1/4"* ]] || fail "hosts lookup: $out"
[[ $out == *"hosts resolve4 10.9.8.7"* ]] || fail "hosts resolve4: $out"
[[ $out == *"hosts mx error ENOTIMP"* ]] || fail "hosts mx: $out"
out=$(NODUS_HOSTS_FILE="$tmp/hosts" NODUS_PLUGIN_DNS="$alt" "$nodus" "$prog")
[[ $out == *"hosts resolve4 10.9.8.7"* ]] || fail "swap by environment: $out"
"$nodus" --plugins --plugin "dns=$alt" | grep -q "libnodus_dns_hosts.so  (swapped)" || fail "--plugins does not show the swap"

# A manifest beside the program (nodus.plugins.json in its folder), with a path relative to that
# folder, applies wherever the program is started from.
mkdir "$tmp/app"
cp "$prog" "$tmp/app/program.js"
cp "$alt" "$tmp/app/dns_alt.so"
printf '{ "plugins": { "dns": "./dns_alt.so" } }\n' > "$tmp/app/nodus.plugins.json"
out=$(cd / && NODUS_HOSTS_FILE="$tmp/hosts" "$nodus" "$tmp/app/program.js")
[[ $out == *"hosts resolve4 10.9.8.7"* ]] || fail "swap by the program's manifest: $out"
# The command line and the environment are stronger than the program's manifest.
dns_so=$(dirname "$alt")/libnodus_dns.so
if [[ -f $dns_so ]]; then
  out=$(NODUS_HOSTS_FILE="$tmp/hosts" "$nodus" --plugin "dns=$dns_so" "$tmp/app/program.js")
  [[ $out == *"c-ares lookup 127.0.0.1/4"* ]] || fail "--plugin does not beat the program's manifest: $out"
  out=$(NODUS_HOSTS_FILE="$tmp/hosts" NODUS_PLUGIN_DNS="$dns_so" "$nodus" "$tmp/app/program.js")
  [[ $out == *"c-ares lookup 127.0.0.1/4"* ]] || fail "the environment does not beat the program's manifest: $out"
fi
# A manifest the runtime cannot read is reported with its path, never silently ignored.
printf '{ "plugins": [ "dns" ] }\n' > "$tmp/app/nodus.plugins.json"
out=$("$nodus" "$tmp/app/program.js" 2>&1 || true)
[[ $out == *"ERR_NODUS_PLUGIN_INVALID"* && $out == *"$tmp/app/nodus.plugins.json"* ]] || fail "broken program manifest: $out"

# The default implementation, when this runtime has it: c-ares asks a DNS server, so the hosts
# file's private name is not an answer it can give.
if "$nodus" -e 'process.exit(require("module").isBuiltin("dns") && !require("dns").hostsOnly ? 0 : 1)' 2>/dev/null; then
  out=$(NODUS_HOSTS_FILE="$tmp/hosts" "$nodus" "$prog")
  [[ $out == *"c-ares lookup 127.0.0.1/4"* ]] || fail "c-ares lookup: $out"
  [[ $out != *"c-ares resolve4 10.9.8.7"* ]] || fail "c-ares answered from the hosts file: $out"
fi
echo "1 passed, 0 failed"
