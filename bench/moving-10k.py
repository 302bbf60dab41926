#!/usr/bin/env python3
"""Times moving 10,000 users: import-cognito from a moto-served Cognito pool, then export of the store and import
into a fresh folder and into DynamoDB (moto). Needs python3 with boto3 and moto, and the local jar built:
  mvn -B -q -pl local -am package -DskipTests && python3 bench/moving-10k.py
Prints one line per step with its wall time; the figures go to docs/measurements.md."""
import os, shutil, subprocess, sys, tempfile, time, urllib.request
import boto3

USERS = int(os.environ.get("USERS", "10000"))
PORT = int(os.environ.get("MOTO_PORT", "5290"))
JAR = os.path.join(os.path.dirname(__file__), "..", "local", "target", "userpool-local.jar")
ENDPOINT = f"http://127.0.0.1:{PORT}"
ENV = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_REGION="us-east-1")


def timed(label, args):
    start = time.monotonic()
    result = subprocess.run(["java", "-jar", JAR] + args, env=ENV, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"{label} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    print(f"{label}: {elapsed:.1f} s — {result.stdout.strip().splitlines()[0]}", flush=True)


def main():
    moto = subprocess.Popen([sys.executable, "-m", "moto.server", "-p", str(PORT)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="moving-10k-")
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(ENDPOINT + "/moto-api/config", timeout=1)
                break
            except Exception:
                time.sleep(0.2)
        idp = boto3.client("cognito-idp", endpoint_url=ENDPOINT, region_name="us-east-1",
                           aws_access_key_id="testing", aws_secret_access_key="testing")
        pool = idp.create_user_pool(PoolName="bench")["UserPool"]["Id"]
        idp.create_user_pool_client(UserPoolId=pool, ClientName="app", GenerateSecret=True,
                                    ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
        start = time.monotonic()
        for i in range(USERS):
            idp.admin_create_user(UserPoolId=pool, Username=f"user{i:05d}", MessageAction="SUPPRESS",
                                  UserAttributes=[{"Name": "email", "Value": f"user{i:05d}@example.com"}])
        print(f"source: {USERS} users created in moto in {time.monotonic() - start:.1f} s", flush=True)
        store, copy = os.path.join(work, "store"), os.path.join(work, "copy")
        out = os.path.join(work, "export.jsonl")
        timed("import-cognito", ["import-cognito", "--source-pool", pool, "--source-endpoint", ENDPOINT,
                                 "--data-dir", store])
        timed("export (folder)", ["export", "--data-dir", store, "--out", out])
        print(f"export file: {os.path.getsize(out) / 1e6:.1f} MB", flush=True)
        timed("import (fresh folder)", ["import", "--in", out, "--data-dir", copy])
        timed("import (DynamoDB on moto)", ["import", "--in", out, "--dynamodb-endpoint", ENDPOINT,
                                            "--table", "bench"])
        timed("export (DynamoDB on moto)", ["export", "--dynamodb-endpoint", ENDPOINT, "--table", "bench",
                                            "--out", out + ".2"])
    finally:
        moto.terminate()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
