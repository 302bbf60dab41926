#!/usr/bin/env bash
# Runs workloads of bench/LoadDriver.java against a fresh server per workload and prints one line per workload.
#   bench/run.sh [--jar local/target/userpool-local.jar] [--label userpool] [--port 9339] [--seconds 20]
#                [--connections 16] [--users 1000] [--warmup 5] [--server-args "..."] [--data-folder] [--cognito-local]
#                [workload...]
# Workloads default to: admin-get getuser list verify-code auth signup. The jar is started with --in-memory and
# --server-args (default --codes-per-hour 0: verify-code needs no quota) and stopped at the end; its console goes to
# a temporary file. With --data-folder, the jar keeps its data in a fresh temporary --data-dir per workload (the
# README's start command) instead of --in-memory. With --cognito-local, each workload then runs a second time against npm cognito-local 5.3.0
# (installed into bench/.cognito-local on first use, started with its defaults in a fresh folder), so both servers
# are measured in the same session on the same machine, back to back. --warmup: seconds of unmeasured warm-up
# (LoadDriver, default 5) so the JIT has compiled the hot path.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=local/target/userpool-local.jar label=userpool port=9339 seconds=20 connections=16 users=1000 server_args="--codes-per-hour 0"
compare=false data_folder=false warmup=5
workloads=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --server-args) server_args=$2; shift 2 ;;
    --cognito-local) compare=true; shift ;;
    --data-folder) data_folder=true; shift ;;
    *) workloads+=("$1"); shift ;;
  esac
done
[ ${#workloads[@]} -gt 0 ] || workloads=(admin-get getuser list verify-code auth signup)
log=$(mktemp /tmp/userpool-bench-XXXX.log)
cognito_local=bench/.cognito-local
if $compare && [ ! -x "$cognito_local/node_modules/.bin/cognito-local" ]; then
  mkdir -p "$cognito_local"
  (cd "$cognito_local" && echo '{"name":"bench-cognito-local","private":true}' >package.json && npm install --no-audit --no-fund cognito-local@5.3.0 >/dev/null)
fi

# Waits for the port, runs one workload against the process listening on it, prints the line.
measure() {
  local which=$1 workload=$2 launcher=$3
  for _ in $(seq 1 300); do
    curl -s -o /dev/null -X POST "http://localhost:$port/" 2>/dev/null && break
    sleep 0.1
  done
  # The listening process: the launcher itself, or the JVM it re-executed with heap flags.
  pid=$(ss -ltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  pid=${pid:-$launcher}
  java bench/LoadDriver.java --endpoint "http://localhost:$port" --workload "$workload" \
    --connections "$connections" --seconds "$seconds" --users "$users" --warmup "$warmup" --pid "$pid" --label "$which"
  if [ "$pid" != "$launcher" ]; then
    echo "  (launcher JVM $launcher: rss-mb=$(( $(grep VmRSS /proc/$launcher/status | tr -dc 0-9) / 1024 )), serving JVM $pid)"
  fi
  kill "$launcher" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
}

for workload in "${workloads[@]}"; do
  data=$(mktemp -d /tmp/userpool-bench-data-XXXX)
  if $data_folder; then store=(--data-dir "$data"); else store=(--in-memory); fi
  # shellcheck disable=SC2086
  java -jar "$jar" --port "$port" "${store[@]}" $server_args >"$log" 2>&1 &
  measure "$label" "$workload" $!
  rm -rf "$data"
  if $compare; then
    folder=$(mktemp -d /tmp/cognito-local-XXXX) # its state (.cognito/) lives in the working folder
    (cd "$folder" && exec env PORT="$port" node "$OLDPWD/$cognito_local/node_modules/cognito-local/lib/bin/start.js") >"$log" 2>&1 &
    measure cognito-local "$workload" $!
    rm -rf "$folder"
  fi
done
rm -f "$log"
