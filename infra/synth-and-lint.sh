#!/usr/bin/env bash
# Synthesizes the CDK stack offline (no AWS account, no lookups, no notices, telemetry or version checks) into
# infra/cdk.out, then lints template.yaml and the synthesized stack template with cfn-lint.
# Needs: JDK 17+, Maven, Node 22 or 24 with npm (Node 20 works with an end-of-life warning), cfn-lint (see
# .ci/install-test-tools). Run from anywhere.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
infra="$root/infra"
jar="$root/functions/target/userpool-functions-lambda.jar"
cdk="$infra/node_modules/.bin/cdk"

# The CDK CLI, pinned by infra/package.json and package-lock.json.
if [[ ! -x "$cdk" ]]; then
  echo "synth-and-lint: installing the CDK CLI (npm ci --prefix infra)" >&2
  npm ci --prefix "$infra" --no-audit --no-fund --loglevel=error
fi

# The Lambda jar the stack deploys.
if [[ ! -f "$jar" ]]; then
  echo "synth-and-lint: $jar missing; building it" >&2
  (cd "$root" && mvn -q -B -pl functions -am package -DskipTests)
  if [[ ! -f "$jar" ]]; then
    echo "synth-and-lint: the functions build did not produce $jar" >&2
    exit 1
  fi
fi

# Offline: a fixed account/region, no credentials or instance metadata, nothing reported or fetched.
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export CDK_DEFAULT_ACCOUNT=123456789012 CDK_DEFAULT_REGION=us-east-1
export CDK_DISABLE_VERSION_CHECK=true CDK_DISABLE_CLI_TELEMETRY=true
export AWS_EC2_METADATA_DISABLED=true
# Plain text when redirected to a file or a CI log: no colours from the CDK CLI or Node, and no trailing colour
# resets from Maven (.mvn/jvm.config sets jansi.noreset for every Maven run in this repository).
export NO_COLOR=1 FORCE_COLOR=0

cd "$infra"
rm -rf cdk.out
log="$root/infra/target/cdk-synth.log"
mkdir -p "$(dirname "$log")"
start=$SECONDS
"$cdk" synth --quiet --no-notices --no-lookups --no-color --output cdk.out 2>&1 | tee "$log"
echo "synth-and-lint: cdk synth took $((SECONDS - start)) s" >&2
if grep -q $'\e' "$log"; then
  echo "synth-and-lint: cdk synth printed terminal escape codes (see $log); its output must stay plain text" >&2
  exit 1
fi

shopt -s nullglob
templates=(cdk.out/*.template.json)
if (( ${#templates[@]} == 0 )); then
  echo "synth-and-lint: cdk synth wrote no stack template" >&2
  exit 1
fi
cfn-lint "$root/template.yaml"
# W3005: CDK states DependsOn on the function's role although Role already refers to it; by design, harmless.
cfn-lint --ignore-checks W3005 -- "${templates[@]}"
echo "synth-and-lint: cfn-lint passed on template.yaml and ${templates[*]}" >&2
