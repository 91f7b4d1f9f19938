#!/usr/bin/env bash
# process.stdin/stdout/stderr over each kind of descriptor — pipe, file, TTY — checked against
# Node: usage: stdio_handles.sh NODUS [NODE]. Ends with "N passed, N failed".
set -u
nodus=${1:?usage: stdio_handles.sh NODUS [NODE]}
node=${2:-$(command -v node || true)}
unset NODE_EXTRA_CA_CERTS
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # name expected actual
  if [ "$2" == "$3" ]; then pass=$((pass+1)); echo "ok    $1"
  else fail=$((fail+1)); echo "FAIL  $1"; echo "  expected: $(printf %q "$2" | head -c 300)"; echo "  actual:   $(printf %q "$3" | head -c 300)"; fi
}

# stdin from a pipe, echoed to a pipe.
out=$(printf 'hello\nworld\n' | "$nodus" -e 'process.stdin.pipe(process.stdout)' | cat)
check "pipe in, pipe out" $'hello\nworld' "$out"

# Several megabytes through stdin -> stdout pipes arrive intact (async pipe writes, backpressure).
head -c 5000000 /dev/urandom > "$tmp/big"
"$nodus" -e 'process.stdin.pipe(process.stdout)' < "$tmp/big" | cat > "$tmp/big.out"
check "5 MB file in, pipe out" "$(sha1sum < "$tmp/big")" "$(sha1sum < "$tmp/big.out")"
cat "$tmp/big" | "$nodus" -e 'process.stdin.pipe(process.stdout)' > "$tmp/big.out2"
check "5 MB pipe in, file out" "$(sha1sum < "$tmp/big")" "$(sha1sum < "$tmp/big.out2")"

# Handle kinds as Node reports them.
script='const k = (s) => [s.constructor.name === "Object" ? "?" : typeof s.write, !!s.isTTY, s.fd].join(":");
process.stdout.write([k(process.stdout), k(process.stderr), String(!!process.stdin.isTTY)].join(" ") + "\n");'
if [ -n "$node" ]; then
  check "kinds: file out" "$("$node" -e "$script" < /dev/null > "$tmp/n1"; cat "$tmp/n1")" "$("$nodus" -e "$script" < /dev/null > "$tmp/d1"; cat "$tmp/d1")"
  check "kinds: pipe out" "$("$node" -e "$script" < /dev/null | cat)" "$("$nodus" -e "$script" < /dev/null | cat)"
  if command -v script >/dev/null; then
    tty_script='process.stdout.write([process.stdout.isTTY, process.stdin.isTTY, typeof process.stdout.columns, typeof process.stdin.setRawMode].join(" ") + "\n")'
    check "kinds: tty" "$(script -qc "$node -e '$tty_script'" /dev/null | tr -d '\r')" \
                       "$(script -qc "$nodus -e '$tty_script'" /dev/null | tr -d '\r')"
  fi
fi

# Writes keep their order across write() calls, console.log and strings in other encodings.
order='process.stdout.write("a"); console.log("b"); process.stdout.write(Buffer.from("c")); process.stdout.write("64", "hex"); process.stdout.write("\n")'
check "order to pipe" $'ab\ncd' "$("$nodus" -e "$order" | cat)"
"$nodus" -e "$order" > "$tmp/order"
check "order to file" $'ab\ncd' "$(cat "$tmp/order")"

# stdout and stderr to the same file interleave in call order (both synchronous for files).
"$nodus" -e 'for (let i = 0; i < 3; i++) { process.stdout.write("o" + i + "\n"); process.stderr.write("e" + i + "\n"); }' > "$tmp/both" 2>&1
check "stdout+stderr to one file" $'o0\ne0\no1\ne1\no2\ne2' "$(cat "$tmp/both")"

# A large write to a pipe is all delivered before a natural exit. (After process.exit() only what
# the pipe took synchronously arrives, in Node as here: that amount is timing-dependent.)
out=$("$nodus" -e 'process.stdout.write("x".repeat(100000))' | wc -c)
check "large write to a pipe then natural exit" "100000" "$(echo $out)"

# stdin as a file: 'data' then 'end'; an empty stdin ends at once.
printf 'abc' > "$tmp/in"
check "stdin file" "data:abc end" "$("$nodus" -e 'let s = ""; process.stdin.on("data", (d) => s += d).on("end", () => console.log("data:" + s, "end"))' < "$tmp/in")"
check "stdin /dev/null" "end" "$("$nodus" -e 'process.stdin.on("data", () => console.log("data")).on("end", () => console.log("end"))' < /dev/null)"

# A process that never touches stdin exits even when stdin is an open pipe.
out=$( (sleep 6; echo late) | timeout 5 "$nodus" -e 'console.log("done")'; echo "rc=$?")
check "unread stdin pipe does not keep the process alive" $'done\nrc=0' "$out"

# A paused stdin keeps reading into its buffer until the end of the input, as in Node.
out=$( (echo first; sleep 1; echo second) | timeout 10 "$nodus" -e 'process.stdin.once("data", (d) => { console.log(String(d).trim()); process.stdin.pause(); }); process.stdin.on("end", () => console.log("no end while paused")); setTimeout(() => console.log("buffered", process.stdin.readableLength), 2500)'; echo "rc=$?")
check "paused stdin buffers until EOF" $'first\nbuffered 7\nrc=0' "$out"

# Async iteration of stdin.
check "for await stdin" "3 lines" "$(printf 'a\nb\nc\n' | "$nodus" -e '(async () => { let s = ""; for await (const c of process.stdin) s += c; console.log(s.split("\n").filter(Boolean).length + " lines"); })()')"

# Writing into a pipe whose reader has gone: SIGPIPE is ignored, console.log swallows EPIPE (exit
# 0) while a bare stdout.write() reports it as an unhandled 'error' (exit 1), as in Node.
"$nodus" -e 'for (let i = 0; i < 200000; i++) console.log(i)' | head -1 > /dev/null
check "EPIPE through console.log" "0" "${PIPESTATUS[0]}"
"$nodus" -e 'process.stdout.write("x\n"); setTimeout(() => process.stdout.write("y\n"), 300)' 2> "$tmp/epipe.err" | head -c 1 > /dev/null
check "EPIPE through stdout.write" "1" "${PIPESTATUS[0]}"
check "EPIPE error printed" "Error: write EPIPE" "$(grep -m1 -o 'Error: write EPIPE' "$tmp/epipe.err")"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
