#!/usr/bin/env bash
# Run from the repository root after `mvn -B -q -pl local -am package -DskipTests`. Prints one line per run.
# Time from process start to the first answered request, 5 runs.
jar=local/target/userpool-local.jar
for i in 1 2 3 4 5; do
  port=$((19300 + i))
  start=$(date +%s%N)
  java -jar $jar --in-memory --port $port >/dev/null 2>&1 &
  pid=$!
  until curl -s -o /dev/null -X POST -H 'X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools' \
      -H 'Content-Type: application/x-amz-json-1.1' -d '{"MaxResults":10}' http://127.0.0.1:$port/; do sleep 0.01; done
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms"
  kill $pid; wait $pid 2>/dev/null
done
