#!/usr/bin/env bash
# A trimmed runtime built from source: -DNODUS_PLUGINS="fs;http" builds fs, http and the net plugin
# http depends on, and nothing else; the runtime lists exactly those and names a left-out one when
# it is required. A whole kernel build: label "slow". The build folder is kept between runs (the
# next build is incremental) and is built under the machine's build lock, one build at a time.
# usage: test_trimmed_build.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1 dir=$2
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$dir"
flock /tmp/nodus-build.lock cmake -S "$src" -B "$dir" -G Ninja -DNODUS_PLUGINS="fs;http" \
  -DNODUS_BUILD_TESTS=OFF > "$dir/configure.log" || fail "configure: $(tail -20 "$dir/configure.log")"
grep -q "plugin 'net' added: 'http' depends on it" "$dir/configure.log" || fail "net not added for http"
flock /tmp/nodus-build.lock ninja -C "$dir" -j2 > "$dir/build.log" || fail "build: $(tail -30 "$dir/build.log")"

files=$(cd "$dir/lib/nodus" && ls libnodus_*.so | tr '\n' ' ')
[[ $files == "libnodus_fs.so libnodus_http.so libnodus_net.so " ]] || fail "plugin files: $files"
nodus=$dir/bin/nodus
names=$("$nodus" --plugins | grep -o '^  [a-z_]*@' | tr -d ' @' | sort | tr '\n' ' ')
[[ $names == "fs http net " ]] || fail "--plugins lists [$names]"
out=$("$nodus" -e '
  const fs = require("fs");
  const http = require("http");
  const server = http.createServer((req, res) => res.end(String(fs.statSync("/").isDirectory())));
  server.listen(0, "127.0.0.1", () => {
    http.get({ host: "127.0.0.1", port: server.address().port }, (res) => {
      let body = "";
      res.on("data", (d) => { body += d; }).on("end", () => { console.log("body", body); server.close(); });
    });
  });
  for (const id of ["zlib", "node:crypto", "child_process"]) {
    try { require(id); console.log(id, "loaded"); } catch (e) { console.log(id, e.code, e.message); }
  }')
[[ $out == *"body true"* ]] || fail "fs + http in the trimmed runtime: $out"
for id in zlib node:crypto child_process; do
  plugin=${id#node:}
  grep -q "^$id ERR_UNKNOWN_BUILTIN_MODULE .*'$plugin' plugin" <<<"$out" || fail "left-out $id: $out"
done
echo "1 passed, 0 failed"
