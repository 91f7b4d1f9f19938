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
# Dependencies are resolved: fs,http brings net, and nothing else. Every file is in the report,
# and the trimmed runtime is smaller than the full one.
"$root/tools/nodus-pack" --build "$build" --plugins fs,http -o "$tmp/web" > "$tmp/web_report"
list=$("$tmp/web/bin/nodus" --plugins)
names=$(grep -o '^  [a-z_]*@' <<<"$list" | tr -d ' @' | sort | tr '\n' ' ')
[[ $names == "fs http net " ]] || fail "fs,http runtime has [$names]"
for f in bin/nodus lib/nodus/plugins.json lib/nodus/libnodus_fs.so lib/nodus/libnodus_net.so lib/nodus/libnodus_http.so; do
  grep -q "^  $f " "$tmp/web_report" || fail "$f missing from the report: $(cat "$tmp/web_report")"
done
[[ $(ls "$tmp/web/lib/nodus"/libnodus_*.so | wc -l) == 3 ]] || fail "extra plugin files: $(ls "$tmp/web/lib/nodus")"
kib() { awk -v want="$1" '$1 == want || ($1 " " $2 " " $3 " " $4) == want { n = $(NF-1); u = $NF; print (u == "MiB" ? n * 1024 : n) }' "$tmp/web_report"; }
total=$(kib total) full=$(kib "full runtime (every plugin)")
awk -v t="$total" -v f="$full" 'BEGIN { exit !(t > 0 && t < f) }' || fail "total $total KiB not below full $full KiB"
# The dependency really works in the trimmed runtime: an HTTP round trip on 127.0.0.1.
out=$("$tmp/web/bin/nodus" -e '
  const http = require("http");
  const server = http.createServer((req, res) => res.end(`hi ${req.url}`)).listen(0, "127.0.0.1", () => {
    http.get({ port: server.address().port, host: "127.0.0.1", path: "/x" }, (res) => {
      let body = "";
      res.on("data", (d) => { body += d; }).on("end", () => { console.log(body); server.close(); });
    });
  });
  try { require("zlib"); } catch (e) { console.log(e.code); }')
[[ $out == *"hi /x"* && $out == *"ERR_UNKNOWN_BUILTIN_MODULE"* ]] || fail "fs,http runtime: $out"

# An unknown plugin is refused with the list of those available.
if "$root/tools/nodus-pack" --build "$build" --plugins nosuchplugin -o "$tmp/bad" 2>"$tmp/err"; then fail "unknown plugin accepted"; fi
grep -q "no plugin 'nosuchplugin'" "$tmp/err" || fail "unknown plugin message: $(cat "$tmp/err")"
echo "1 passed, 0 failed"
