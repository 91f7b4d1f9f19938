#!/usr/bin/env bash
# Command line, exit codes and the uncaught-error path, checked against what Node does.
# usage: test_cli.sh NODUS
set -u
nodus=$1
fail=0 pass=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# expect NAME WANT_RC WANT_STDOUT [STDERR_FRAGMENT] -- ARGS...
expect() {
  local name=$1 want_rc=$2 want_out=$3 want_err=$4; shift 5
  local out err rc
  out=$("$nodus" "$@" 2>"$tmp/err" <"${STDIN:-/dev/null}"); rc=$?
  err=$(cat "$tmp/err")
  if [[ $rc != "$want_rc" || "$out" != "$want_out" || ( -n $want_err && $err != *"$want_err"* ) ]]; then
    echo "FAIL $name: rc=$rc (want $want_rc) stdout=[$out] (want [$want_out])"
    [[ -n $want_err ]] && echo "     stderr should contain [$want_err]; got: $(head -c 600 "$tmp/err")"
    fail=$((fail+1))
  else
    pass=$((pass+1))
  fi
}

expect print 0 "2" "" -- -p '1+1'
expect print-object 0 "{ a: 1 }" "" -- -p '({a: 1})'
expect eval-silent 0 "" "" -- -e '1+1'
expect exit-code 3 "" "" -- -e 'process.exitCode = 3'
expect exit-call 5 "exit 5" "" -- -e 'process.on("exit", (c) => console.log("exit", c)); process.exit(5); console.log("not here")'
expect throw 1 "" "Error: boom" -- -e 'throw new Error("boom")'
expect throw-arrow 1 "" "[eval]:1" -- -e 'throw new Error("boom")'
expect throw-exit-event 1 "exit 1" "boom" -- -e 'process.on("exit", (c) => console.log("exit", c)); throw new Error("boom")'
expect uncaught-handled 0 "caught boom
after" "" -- -e 'process.on("uncaughtException", (e) => console.log("caught", e.message)); setTimeout(() => console.log("after"), 1); throw new Error("boom")'
expect uncaught-handler-throws 7 "" "second" -- -e 'process.on("uncaughtException", () => { throw new Error("second"); }); throw new Error("first")'
expect rejection 1 "" "Error: nope" -- -e 'Promise.reject(new Error("nope"))'
expect rejection-nonerror 1 "" "ERR_UNHANDLED_REJECTION" -- -e 'Promise.reject(42)'
expect rejection-handled-listener 0 "unhandled late" "" -- -e 'process.on("unhandledRejection", (r) => console.log("unhandled", r)); Promise.reject("late")'
expect rejection-caught-later 0 "ok" "" -- -e 'const p = Promise.reject(new Error("x")); p.catch(() => console.log("ok"))'
expect bad-option 9 "" "bad option: --no-such-flag" -- --no-such-flag
expect bad-option-after-v8-flag 9 "" "bad option: --no-such-flag" -- --stack-trace-limit=3 --no-such-flag -e 0
# Any flag V8 knows is V8's, as in Node (not only a fixed list).
expect v8-flag 0 "3" "" -- --stack-trace-limit=3 -e 'function f(n){ if(!n) throw new Error("x"); f(n-1)} try{f(10)}catch(e){console.log(e.stack.split("\n").length-1)}'
expect v8-flag-bool 0 "ok" "" -- --no-lazy-feedback-allocation -e 'console.log("ok")'
expect version 0 "v20.18.0" "" -- -v
expect argv 0 '["a","--b"]' "" -- -e 'console.log(JSON.stringify(process.argv.slice(1)))' a --b
expect double-dash 0 '["x"]' "" -- -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- x
printf 'console.log("from stdin", process.argv.length)\n' > "$tmp/stdin.js"
STDIN="$tmp/stdin.js" expect stdin 0 "from stdin 2" "" -- -
STDIN="$tmp/stdin.js" expect stdin-implicit 0 "from stdin 1" "" --
printf 'globalThis.preloaded = "yes";\n' > "$tmp/pre.js"
expect preload 0 "yes" "" -- -r "$tmp/pre.js" -e 'console.log(globalThis.preloaded)'
printf 'let x = ;\n' > "$tmp/bad.js"
expect check-bad 1 "" "SyntaxError" -- -c "$tmp/bad.js"
printf '#!/usr/bin/env node\nconsole.log("shebang ok")\n' > "$tmp/shebang.js"
expect shebang 0 "shebang ok" "" -- "$tmp/shebang.js"
expect check-good 0 "" "" -- -c "$tmp/shebang.js"
expect missing-script 1 "" "Cannot find module" -- "$tmp/does-not-exist.js"
expect stack-size 0 "ok" "" -- --stack-size=900 -e 'console.log("ok")'
expect v8-option 0 "function" "" -- --expose-gc -e 'console.log(typeof gc)'
expect beforeExit 0 "beforeExit 0
revived
beforeExit 0" "" -- -e 'let n = 0; process.on("beforeExit", (c) => { console.log("beforeExit", c); if (n++ === 0) setTimeout(() => console.log("revived"), 1); })'
expect env 0 "string undefined" "" -- -e 'process.env.X_NUM = 5; const t = typeof process.env.X_NUM; delete process.env.X_NUM; console.log(t, process.env.X_NUM)'
if "$nodus" --plugins | grep -q "plugins from"; then pass=$((pass+1)); else echo "FAIL plugins-list"; fail=$((fail+1)); fi

# Startup opens no plugin file: the dynamic loader reports every library it maps.
if LD_DEBUG=files "$nodus" -e 0 2>&1 | grep -q 'libnodus_'; then
  echo "FAIL lazy: 'nodus -e 0' mapped a plugin file"; fail=$((fail+1))
else
  pass=$((pass+1))
fi

echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
