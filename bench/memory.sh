#!/usr/bin/env bash
# Resident memory of the README's start command (java -jar, data kept in a folder): idle after start, then after
# 10,000 users and a load of each workload against the same server. The data folder is a fresh temporary one,
# removed at the end; --in-memory measures the server started with --in-memory instead (nothing on disk).
#   bench/memory.sh [--jar local/target/userpool-local.jar] [--seconds 60] [--users 10000] [--port 9349]
#                   [--in-memory] [--histogram]
# --histogram ends with the top of the serving JVM's live-object histogram (jcmd GC.class_histogram, after a GC).
# Prints the RSS of the serving JVM and of the launcher JVM (when the jar relaunched itself with heap flags).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=local/target/userpool-local.jar seconds=60 users=10000 port=9349 in_memory=false histogram=false
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;; --seconds) seconds=$2; shift 2 ;; --users) users=$2; shift 2 ;;
    --port) port=$2; shift 2 ;; --in-memory) in_memory=true; shift ;; --histogram) histogram=true; shift ;; *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
log=$(mktemp /tmp/userpool-memory-XXXX.log)
data=$(mktemp -d /tmp/userpool-memory-data-XXXX)
if $in_memory; then store=(--in-memory); else store=(--data-dir "$data"); fi
java -jar "$jar" --port "$port" "${store[@]}" --codes-per-hour 0 >"$log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null || true; wait $launcher 2>/dev/null || true; rm -rf "$log" "$data"' EXIT
echo "store: ${store[*]}"
for _ in $(seq 1 300); do curl -sf "http://localhost:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
pid=$(ss -ltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
rss() { echo $(( $(grep VmRSS "/proc/$1/status" | tr -dc 0-9) / 1024 )); }
report() {
  if [ "$pid" != "$launcher" ]; then
    echo "$1: serving JVM rss-mb=$(rss "$pid") + launcher rss-mb=$(rss "$launcher") = $(( $(rss "$pid") + $(rss "$launcher") )) (load $(cut -d" " -f1-3 /proc/loadavg))"
  else
    echo "$1: rss-mb=$(rss "$pid") (load $(cut -d" " -f1-3 /proc/loadavg))"
  fi
}
sleep 5
report "idle after start"
first=$users
for workload in admin-get getuser list verify-code auth signup; do
  java bench/LoadDriver.java --endpoint "http://localhost:$port" --workload "$workload" --connections 16 \
    --seconds "$seconds" --warmup 0 --users "$first" --pid "$pid" --label memory
  first=100
  report "after $workload"
done
if $histogram; then jcmd "$pid" GC.class_histogram | head -25; fi
