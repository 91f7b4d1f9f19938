# Shared by the benchmark scripts: the runtimes compared in one run.
# NODUS, NODE18 (Debian's Node 18 on the same V8 10.2), NODE20 (the machine's node).
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NODUS=${NODUS:-$bench_root/build/bin/nodus}
NODE18_BIN="$bench_root/.deps/v8/usr/bin/node"
NODE18="env LD_LIBRARY_PATH=$bench_root/.deps/v8/usr/lib/x86_64-linux-gnu $NODE18_BIN"
NODE20=${NODE20:-$(command -v node)}
# This machine sets NODE_EXTRA_CA_CERTS, which makes Node parse a CA bundle at startup.
unset NODE_EXTRA_CA_CERTS
runtimes() {
  echo "nodus|$NODUS"
  [ -x "$NODE18_BIN" ] && echo "node18|$NODE18"
  [ -n "$NODE20" ] && echo "node20|$NODE20"
}
