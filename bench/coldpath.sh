#!/usr/bin/env bash
# Lambda cold path without SnapStart: a fresh JVM per run constructs the handler from the shaded jar (memory store)
# and answers one event (bench/ColdPath.java), for each JVM option set; prints each run and the median per set.
#   bench/coldpath.sh [--jar functions/target/userpool-functions-lambda.jar] [--event events/CreateUserPool.json] [--runs 7]
# Option sets: plain JVM; -XX:TieredStopAtLevel=1 (the function's JAVA_TOOL_OPTIONS); an AppCDS archive of this jar
# made by a first run (-XX:ArchiveClassesAtExit) with and without C1 only. CPU time is the process's (all threads),
# which a shared, loaded machine distorts less than wall time; note `cat /proc/loadavg` with the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=functions/target/userpool-functions-lambda.jar event=events/CreateUserPool.json runs=7
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;; --event) event=$2; shift 2 ;; --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d /tmp/userpool-coldpath-XXXX)
trap 'rm -rf "$work"' EXIT
javac -d "$work/classes" -cp "$jar" bench/ColdPath.java
jar cf "$work/coldpath.jar" -C "$work/classes" . # AppCDS takes jars only on the class path
cp="$work/coldpath.jar:$jar"
# The deployed function's environment (function-environment.json) with the memory store: an admin key ARN
# is always set there (nothing is fetched at init), and the region.
export USERPOOL_STORE=memory JAVA_TOOL_OPTIONS= USERPOOL_DEFAULT_REGION=us-east-1 USERPOOL_ACCOUNT_ID=123456789012 \
  USERPOOL_ADMIN_KEY_SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:userpool-admin-key
echo "java: $(java -version 2>&1 | head -1); cpus: $(nproc); load: $(cat /proc/loadavg); jar: $(stat -c %s "$jar") bytes"
java -XX:ArchiveClassesAtExit="$work/app.jsa" -cp "$cp" ColdPath "$event" >/dev/null 2>&1
measure() {
  local label=$1; shift
  local totals=()
  for _ in $(seq 1 "$runs"); do
    line=$(java "$@" -cp "$cp" ColdPath "$event" 2>/dev/null | grep '^status=')
    echo "  $label: $line"
    totals+=("$(sed 's/.*total-cpu-ms=\([0-9]*\).*/\1/' <<<"$line")")
  done
  median=$(printf '%s\n' "${totals[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$label: median total-cpu-ms=$median"
}
measure plain
measure c1 -XX:+TieredCompilation -XX:TieredStopAtLevel=1
measure appcds -XX:SharedArchiveFile="$work/app.jsa"
measure appcds+c1 -XX:SharedArchiveFile="$work/app.jsa" -XX:+TieredCompilation -XX:TieredStopAtLevel=1
echo "load after: $(cat /proc/loadavg)"
