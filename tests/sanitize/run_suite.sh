#!/usr/bin/env bash
# run_suite.sh SOURCE_DIR ASAN_BUILD_DIR [ctest args...]: builds nodus with AddressSanitizer +
# UndefinedBehaviorSanitizer (-DNODUS_SANITIZE=ON) in its own folder — through the shared build
# lock, one build at a time — and runs the normal test suite there. Any ASan or UBSan report
# fails the test that produced it; leaks are checked at every process exit, with only V8's own
# allocations suppressed (lsan.supp beside this script says why).
set -u
src=$1 bld=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$bld/build.ninja" ]; then
  cmake -S "$src" -B "$bld" -G Ninja -DNODUS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 2
fi
# The build runs nodus itself (the startup snapshot): no leak check there, it is not under test.
ASAN_OPTIONS=detect_leaks=0 flock /tmp/nodus-build.lock ninja -C "$bld" -j2 || exit 2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_odr_violation=0
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# napi_on_node/* load the Node-API test addons into the machine's Node, which has no ASan
# runtime to host instrumented code: they say nothing about nodus and are left out here.
exec ctest --test-dir "$bld" -LE 'slow|valgrind|fuzz|sanitize' -E '^napi_on_node/' "$@"
