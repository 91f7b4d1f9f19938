#!/bin/sh
# Runs one dns test against a real DNS server: starts dnsmasq (the binary alone, no service) on a
# free 127.0.0.1 port with the test zone on its command line, and a UDP socket that never
# answers (for timeouts); passes both ports in the environment; stops them afterwards.
# Usage: run_with_dnsmasq.sh RUNTIME TEST.js   (RUNTIME: the built nodus, or node to compare)
set -u
runtime=$1
test=$2
dnsmasq=$(command -v dnsmasq || echo /usr/sbin/dnsmasq)
[ -x "$dnsmasq" ] || { echo "dnsmasq not found (tools/bootstrap.sh installs dnsmasq-base)"; exit 1; }

tmp=$(mktemp -d)
dns_pid=
hole_pid=
cleanup() {
  [ -n "$dns_pid" ] && kill "$dns_pid" 2>/dev/null
  [ -n "$hole_pid" ] && kill "$hole_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# NS and SOA records in wire format (dnsmasq serves them with --dns-rr):
# NS ns1.app.test; SOA ns1.app.test hostmaster.app.test 2024010101 7200 3600 1209600 300.
ns_rr=03:6e:73:31:03:61:70:70:04:74:65:73:74:00
soa_rr=03:6e:73:31:03:61:70:70:04:74:65:73:74:00:0a:68:6f:73:74:6d:61:73:74:65:72:03:61:70:70:04:74:65:73:74:00:78:a3:f1:75:00:00:1c:20:00:00:0e:10:00:12:75:00:00:00:01:2c

# A port is free if dnsmasq starts on it; try a few at random.
tries=0
while :; do
  tries=$((tries + 1))
  port=$(( (($$ + tries * 7919) % 20000) + 30000 ))
  "$dnsmasq" --no-daemon --port="$port" --listen-address=127.0.0.1 --bind-interfaces \
    --no-resolv --no-hosts -C /dev/null --log-facility="$tmp/dnsmasq.log" \
    --local=/test/ \
    --host-record=app.test,10.1.2.3,fd00::1:2,300 \
    --host-record=two.app.test,10.1.2.4 --host-record=two.app.test,10.1.2.5 \
    --txt-record=app.test,hello,world --txt-record=app.test,second \
    --mx-host=app.test,mail.app.test,10 --mx-host=app.test,backup.app.test,20 \
    --srv-host=_http._tcp.app.test,app.test,80,1,5 \
    --cname=www.app.test,app.test \
    --naptr-record=app.test,100,10,S,SIP+D2U,,_sip._udp.app.test \
    --caa-record=app.test,0,issue,letsencrypt.org \
    --ptr-record=4.3.2.1.in-addr.arpa,ptr.app.test \
    --dns-rr=app.test,2,$ns_rr --dns-rr=app.test,6,$soa_rr \
    >"$tmp/out" 2>&1 &
  dns_pid=$!
  # Ready once it logged its start (sockets are bound before that); gone if the port was taken.
  i=0
  while [ $i -lt 100 ] && kill -0 "$dns_pid" 2>/dev/null && \
        ! grep -q "started" "$tmp/dnsmasq.log" 2>/dev/null; do
    sleep 0.05; i=$((i + 1))
  done
  if kill -0 "$dns_pid" 2>/dev/null && grep -q "started" "$tmp/dnsmasq.log" 2>/dev/null; then break; fi
  kill "$dns_pid" 2>/dev/null
  dns_pid=
  if [ "$tries" -ge 10 ]; then cat "$tmp/out"; echo "could not start dnsmasq"; exit 1; fi
done

# A UDP socket that receives and never answers: queries to it time out.
hole_port=
if command -v python3 >/dev/null 2>&1; then
  python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
time.sleep(120)
' >"$tmp/hole" 2>/dev/null &
  hole_pid=$!
  i=0
  while [ ! -s "$tmp/hole" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  hole_port=$(cat "$tmp/hole")
fi

NODUS_DNS_TEST_PORT=$port NODUS_DNS_BLACKHOLE_PORT=$hole_port timeout 60 "$runtime" "$test"
