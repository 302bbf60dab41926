#!/usr/bin/env python3
"""A bounded load run against a local server on loopback, for docs/measurements.md.

Starts `java -jar local/target/userpool-local.jar --in-memory` (with the given -Xmx), creates a pool, a client and
a user through boto3, then runs N rounds of sign-in (USER_PASSWORD_AUTH: SRP verifier check + two RS256
signatures), GetUser and ListUsers, one request at a time. Prints latency percentiles per operation and the
server's resident memory. Traffic goes only to 127.0.0.1 and stops after N rounds.

    python3 local/measure-load.py [rounds] [xmx]
"""
import os
import statistics
import subprocess
import sys
import time

import boto3
from botocore.config import Config

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
XMX = sys.argv[2] if len(sys.argv) > 2 else "256m"
PORT = 19400


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return -1


def main():
    server = subprocess.Popen(["java", f"-Xmx{XMX}", "-jar", "local/target/userpool-local.jar", "--in-memory",
                               "--port", str(PORT)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        client = boto3.client("cognito-idp", endpoint_url=f"http://127.0.0.1:{PORT}", region_name="us-east-1",
                              aws_access_key_id="local", aws_secret_access_key="local",
                              config=Config(retries={"max_attempts": 1}))
        for _ in range(200):
            try:
                client.list_user_pools(MaxResults=1)
                break
            except Exception:
                time.sleep(0.05)
        pool = client.create_user_pool(PoolName="load")["UserPool"]["Id"]
        app = client.create_user_pool_client(UserPoolId=pool, ClientName="load",
                                             ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH",
                                                                "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
        client.admin_create_user(UserPoolId=pool, Username="load", MessageAction="SUPPRESS")
        client.admin_set_user_password(UserPoolId=pool, Username="load", Password="Load#Pass1234", Permanent=True)
        timings = {"InitiateAuth": [], "GetUser": [], "ListUsers": []}
        for _ in range(ROUNDS):
            t = time.perf_counter()
            tokens = client.initiate_auth(ClientId=app, AuthFlow="USER_PASSWORD_AUTH",
                                          AuthParameters={"USERNAME": "load", "PASSWORD": "Load#Pass1234"})
            timings["InitiateAuth"].append(time.perf_counter() - t)
            t = time.perf_counter()
            client.get_user(AccessToken=tokens["AuthenticationResult"]["AccessToken"])
            timings["GetUser"].append(time.perf_counter() - t)
            t = time.perf_counter()
            client.list_users(UserPoolId=pool, Limit=10)
            timings["ListUsers"].append(time.perf_counter() - t)
        print(f"rounds={ROUNDS} xmx={XMX} rss_after={rss_mb(server.pid):.0f} MiB")
        for name, values in timings.items():
            values.sort()
            p = lambda q: values[min(len(values) - 1, int(q * len(values)))] * 1000
            print(f"{name}: p50={p(0.5):.1f} ms p90={p(0.9):.1f} ms p99={p(0.99):.1f} ms "
                  f"mean={statistics.mean(values) * 1000:.1f} ms")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
