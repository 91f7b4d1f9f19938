#!/usr/bin/env bash
# HTTP hello world: the same server (hello.js) on nodus, Node 18 (same V8) and Node 20 in turn,
# each driven by `wrk -t1 -c50 -d10s` on 127.0.0.1; prints requests/second, latency and the
# ratios nodus / node, plus the server's CPU time per request (user+sys from /proc, steadier than
# req/s on a busy machine). DURATION, CONNECTIONS and ROUNDS override the defaults (10s, 50, 1);
# with ROUNDS > 1 the runtimes alternate and the median of the rounds is reported.
# Needs wrk (tools/bootstrap_bench.sh installs it; Node 18 too). SERVER, URL and WRK_HEADER (one
# extra request header) let bench/https/run.sh drive its own server through this script.
set -euo pipefail
source "$(dirname "$0")/../common.sh"
command -v wrk >/dev/null || { echo "wrk not found: run tools/bootstrap_bench.sh" >&2; exit 1; }
duration=${DURATION:-10s}
conns=${CONNECTIONS:-50}
rounds=${ROUNDS:-1}
port=${PORT:-18080}
server=${SERVER:-"$bench_root/bench/http/hello.js"}
url=${URL:-"http://127.0.0.1:$port/"}
extra=()
[ -n "${WRK_HEADER:-}" ] && extra=(-H "$WRK_HEADER")
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

run_one() {  # name cmd round
  local name=$1 cmd=$2 round=$3
  PORT=$port $cmd "$server" > "$tmp/server.out" 2>&1 &
  pid=$!
  for _ in $(seq 300); do grep -q ready "$tmp/server.out" 2>/dev/null && break; sleep 0.05; done
  grep -q ready "$tmp/server.out" || { echo "$name: server did not start" >&2; cat "$tmp/server.out" >&2; exit 1; }
  local cpu0 cpu1
  cpu0=$(awk '{print $14 + $15}' /proc/$pid/stat)
  wrk -t1 -c"$conns" -d"$duration" --latency "${extra[@]}" "$url" > "$tmp/$name.$round.wrk"
  cpu1=$(awk '{print $14 + $15}' /proc/$pid/stat)
  echo $((cpu1 - cpu0)) > "$tmp/$name.$round.cpu"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  sed -n 's/^Requests\/sec: *//p' "$tmp/$name.$round.wrk" > "$tmp/$name.$round.rps"
  awk '$1 == "50%" {print $2}' "$tmp/$name.$round.wrk" > "$tmp/$name.$round.p50"
  sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$tmp/$name.$round.wrk" > "$tmp/$name.$round.n"
  grep -E "Non-2xx|Socket errors" "$tmp/$name.$round.wrk" >&2 || true
}

names=()
while IFS='|' read -r name cmd; do names+=("$name|$cmd"); done < <(runtimes)
for round in $(seq "$rounds"); do
  for entry in "${names[@]}"; do run_one "${entry%%|*}" "${entry#*|}" "$round"; done
done

python3 - "$tmp" "$rounds" "$(getconf CLK_TCK)" "${names[@]%%|*}" <<'PY'
import statistics, sys
tmp, rounds, hz, names = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
rps, p50, cpu = {}, {}, {}
for n in names:
    vals = [float(open(f"{tmp}/{n}.{r}.rps").read() or 0) for r in range(1, rounds + 1)]
    per = []
    for r in range(1, rounds + 1):
        reqs = int(open(f"{tmp}/{n}.{r}.n").read() or 0)
        ticks = int(open(f"{tmp}/{n}.{r}.cpu").read() or 0)
        if reqs:
            per.append(ticks / hz * 1e6 / reqs)
    rps[n] = statistics.median(vals)
    cpu[n] = statistics.median(per) if per else 0
    p50[n] = open(f"{tmp}/{n}.{rounds}.p50").read().strip()
    spread = f"  (rounds: {', '.join(f'{v:,.0f}' for v in vals)})" if rounds > 1 else ''
    print(f"{n:7} {rps[n]:>10,.0f} req/s   p50 latency {p50[n]:>8}   server CPU {cpu[n]:6.1f} us/req{spread}")
for other in names:
    if other != 'nodus' and rps.get(other):
        line = f"nodus / {other}: req/s {rps['nodus'] / rps[other]:.2f}"
        if cpu.get(other):
            line += f", CPU per request {cpu['nodus'] / cpu[other]:.2f}"
        print(line)
PY
