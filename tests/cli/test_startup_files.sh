#!/usr/bin/env bash
# The startup snapshot and the builtins' code cache are optimisations only: a missing, truncated,
# foreign or damaged file must never change what a program does.
# usage: test_startup_files.sh NODUS   (NODUS is build/bin/nodus, next to ../lib/nodus)
set -u
nodus=$1
lib=$(cd "$(dirname "$nodus")/../lib/nodus" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/lib"
cp "$nodus" "$tmp/bin/nodus"
cp -r "$lib" "$tmp/lib/nodus"
fail=0 pass=0
prog='const s = require("stream"); const u = new URL("http://a/b?c=1"); console.log(typeof s.Readable, u.searchParams.get("c"), require("util").format("%d", 42))'
want='function 1 42'

check() {
  local name=$1 out
  out=$("$tmp/bin/nodus" -e "$prog" 2>"$tmp/err"); local rc=$?
  if [[ $rc != 0 || $out != "$want" ]]; then
    echo "FAIL $name: rc=$rc stdout=[$out] stderr=$(head -c 400 "$tmp/err")"; fail=$((fail+1))
  else pass=$((pass+1)); fi
}

cache=$tmp/lib/nodus/builtins.cache
snap=$tmp/lib/nodus/snapshot.blob
[[ -s $cache && -s $snap ]] || { echo "FAIL: the build made no builtins.cache or snapshot.blob in $lib"; exit 1; }
cp "$cache" "$tmp/cache.good"; cp "$snap" "$tmp/snap.good"
check as-built
rm "$cache"; check no-cache
head -c 300 "$tmp/cache.good" > "$cache"; check truncated-cache
head -c 4000 /dev/urandom > "$cache"; check random-cache
# Right header, damaged payload: V8's own checks must reject the entries.
python3 - "$tmp/cache.good" "$cache" <<'PY'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
for i in range(200, len(data), 997):
    data[i] ^= 0x5a
open(sys.argv[2], 'wb').write(data)
PY
check damaged-cache
# Another build's cache (its build id differs): ignored as a whole.
python3 -c "import sys; d=bytearray(open(sys.argv[1],'rb').read()); d[14]^=1; open(sys.argv[2],'wb').write(d)" "$tmp/cache.good" "$cache"
check foreign-cache
cp "$tmp/cache.good" "$cache"
head -c 500 "$tmp/snap.good" > "$snap"; check truncated-snapshot
rm "$snap"; check no-snapshot
cp "$tmp/snap.good" "$snap"; check restored
# A swapped plugin whose JS differs from the cached one only in content (same length, which is all
# V8 compares) must compile from its own source: here a syntax error the cached code would hide.
python3 - "$tmp/lib/nodus/libnodus_fs.so" "$tmp/fs_swapped.so" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
mark = b"'use strict';\n// Node's fs module"
at = data.find(mark)
if at < 0:
    sys.exit('fs.js not found in the plugin')
open(sys.argv[2], 'wb').write(data[:at] + b"'use strict'@" + data[at + 13:])
PY
out=$("$tmp/bin/nodus" --plugin "fs=$tmp/fs_swapped.so" -e 'try { require("fs"); console.log("stale code") } catch (e) { console.log(e.name) }' 2>&1)
if [[ $out != SyntaxError ]]; then echo "FAIL swapped-plugin: [$out]"; fail=$((fail+1)); else pass=$((pass+1)); fi
echo "startup files: $pass passed, $fail failed"
[[ $fail == 0 ]]
