#!/bin/sh
# What happens when the process ends: env cleanup hooks (sync and async, reverse order), then
# finalizers of objects still alive, then the instance data finalizer; napi_fatal_error aborts
# with Node's message. The output must match Node.js's when it is on the machine.
# Usage: teardown_test.sh <nodus> <addon dir> [node]
set -u
nodus=$1; dir=$(cd "$2" && pwd); node=${3:-}
addon="$dir/lifecycle.node"
fail() { echo "FAIL: $*" >&2; exit 1; }

script="const a = require('$addon');
a.addCleanupHooks();
a.addAsyncCleanupHook();
globalThis.keep = {};
a.printOnFinalize(globalThis.keep, 'of a live object');
a.countCalls(); a.countCalls();"

expected='async cleanup hook kept
cleanup hook two
cleanup hook one
finalizer of a live object
instance data finalized after 2 calls'

run() {  # run <runtime> <js>: sets $got to its stderr, fails unless it exits 0
  got=$("$1" -e "$2" 2>&1 >/dev/null) || fail "$1 exited with $?: $got"
}

run "$nodus" "$script"
[ "$got" = "$expected" ] || fail "nodus teardown output:
$got
expected:
$expected"
if [ -n "$node" ] && [ -x "$node" ]; then
  run "$node" "$script"
  [ "$got" = "$expected" ] || fail "node teardown output differs:
$got"
fi

# Node-API calls from static destructors after the runtime is gone: deleting a reference
# succeeds, anything needing the engine is refused; nothing crashes. (nodus only: on Node the
# environment is freed by then.)
run "$nodus" "require('$addon').keepRefUntilExit({})"
[ "$got" = "instance data finalized after 0 calls
after exit: delete_reference 0, create_object refused" ] ||
  fail "static destructor after teardown: $got"

# napi_fatal_error: message on stderr, then abort (SIGABRT).
out=$("$nodus" -e "require('$dir/errors.node').fatalError()" 2>&1)
status=$?
[ $status -eq 134 ] || fail "fatal error exit status $status (expected 134)"
case "$out" in
  *"FATAL ERROR: test_location fatal message"*) ;;
  *) fail "fatal error output: $out" ;;
esac
echo "teardown ok"
