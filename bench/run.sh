#!/usr/bin/env bash
# Runs workloads of bench/LoadDriver.java against a fresh local server and prints one line per workload.
#   bench/run.sh [--jar local/target/userpool-local.jar] [--label userpool] [--port 9339] [--seconds 20]
#                [--connections 16] [--users 1000] [--server-args "..."] [workload...]
# Workloads default to: admin-get getuser list verify-code auth signup. The server is started with
# --in-memory and --server-args (default --codes-per-hour 0: verify-code needs no quota) and stopped at the end; its console goes to
# a temporary file. Run the same script for two jars in one session to compare them: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=local/target/userpool-local.jar label=userpool port=9339 seconds=20 connections=16 users=1000 server_args="--codes-per-hour 0"
workloads=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --server-args) server_args=$2; shift 2 ;;
    *) workloads+=("$1"); shift ;;
  esac
done
[ ${#workloads[@]} -gt 0 ] || workloads=(admin-get getuser list verify-code auth signup)
log=$(mktemp /tmp/userpool-bench-XXXX.log)
for workload in "${workloads[@]}"; do
  # shellcheck disable=SC2086
  java -jar "$jar" --port "$port" --in-memory $server_args >"$log" 2>&1 &
  launcher=$!
  for _ in $(seq 1 200); do curl -sf "http://localhost:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
  # The listening process: the launcher itself, or the JVM it re-executed with heap flags.
  pid=$(ss -ltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  pid=${pid:-$launcher}
  java bench/LoadDriver.java --endpoint "http://localhost:$port" --workload "$workload" \
    --connections "$connections" --seconds "$seconds" --users "$users" --pid "$pid" --label "$label"
  if [ "$pid" != "$launcher" ]; then
    echo "  (launcher JVM $launcher: rss-mb=$(( $(grep VmRSS /proc/$launcher/status | tr -dc 0-9) / 1024 )), serving JVM $pid)"
  fi
  kill "$launcher" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
done
rm -f "$log"
