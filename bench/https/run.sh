#!/usr/bin/env bash
# HTTPS hello world (hello.js) on nodus, Node 18 and Node 20, driven by wrk through
# bench/http/run.sh: first with keep-alive (requests over established TLS connections), then with
# `Connection: close` (every request a new TCP connection and a full TLS handshake: the handshake
# rate). The certificate is an EC P-256 one made here with the openssl tool. DURATION,
# CONNECTIONS and ROUNDS are passed on (defaults 10s, 50, 1).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj /CN=localhost -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
export TLS_KEY="$tmp/key.pem" TLS_CERT="$tmp/cert.pem" SERVER="$here/hello.js"
port=${PORT:-18443}
export PORT=$port URL="https://127.0.0.1:$port/"
echo "== https keep-alive: requests/second"
WRK_HEADER= bash "$here/../http/run.sh"
echo
echo "== https Connection: close: new TLS handshakes (= requests) per second"
WRK_HEADER="Connection: close" bash "$here/../http/run.sh"
