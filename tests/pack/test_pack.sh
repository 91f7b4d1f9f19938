#!/usr/bin/env bash
# nodus-pack: a trimmed runtime has exactly the chosen plugins, reports the others as missing
# plugins, and can carry an application that runs from the distribution alone.
# usage: test_pack.sh BUILD_DIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$root/tools/nodus-pack" --build "$build" --plugins fs -o "$tmp/dist" --app "$here/app/server.js" > "$tmp/report"
grep -q "total" "$tmp/report" || fail "no size report"
grep -q "full runtime" "$tmp/report" || fail "no full-runtime size"
list=$("$tmp/dist/bin/nodus" --plugins)
[[ $(grep -c '^  [a-z_]*@' <<<"$list") == 1 ]] || fail "expected exactly one plugin, got: $list"
grep -q 'fs@' <<<"$list" || fail "fs missing from: $list"
out=$("$tmp/dist/bin/nodus" -e 'try { require("net"); } catch (e) { console.log(e.code, e.message); }')
[[ $out == *"ERR_UNKNOWN_BUILTIN_MODULE"*"'net' plugin"* ]] || fail "left-out plugin error: $out"
out=$("$tmp/dist/bin/app" a b)
[[ $out == "  true a b" ]] || fail "bundled app printed [$out]"
# The distribution does not depend on the build tree: move it and run again.
mv "$tmp/dist" "$tmp/moved"
out=$("$tmp/moved/bin/app" c)
[[ $out == "  true c" ]] || fail "moved app printed [$out]"
# An unknown plugin is refused with the list of those available.
if "$root/tools/nodus-pack" --build "$build" --plugins nosuchplugin -o "$tmp/bad" 2>"$tmp/err"; then fail "unknown plugin accepted"; fi
grep -q "no plugin 'nosuchplugin'" "$tmp/err" || fail "unknown plugin message: $(cat "$tmp/err")"
echo "1 passed, 0 failed"
