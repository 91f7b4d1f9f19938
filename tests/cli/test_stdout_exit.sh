#!/usr/bin/env bash
# Output written to a pipe just before process.exit() is not lost (pipes are synchronous on Linux).
set -u
nodus=$1
lines=$("$nodus" -e 'for (let i = 0; i < 100000; i++) console.log(i); process.exit(0)' | wc -l)
bytes=$("$nodus" -e 'process.stdout.write("x".repeat(1 << 20)); process.exit(0)' | (sleep 0.5; wc -c))
if [[ $lines == 100000 && $bytes == 1048576 ]]; then echo "1 passed, 0 failed"; exit 0; fi
echo "lost output: $lines lines (want 100000), $bytes bytes (want 1048576)"; exit 1
