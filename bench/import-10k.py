#!/usr/bin/env python3
"""Times one CSV user import job of 10,000 rows through the local server, as a client does it: boto3
CreateUserImportJob, an HTTP PUT of the CSV to the PreSignedUrl (with x-amz-server-side-encryption: aws:kms),
StartUserImportJob, then DescribeUserImportJob until the job ends. Needs python3 with boto3 and the local jar:
  mvn -B -q -pl local -am package -DskipTests && python3 bench/import-10k.py
Prints the upload and import wall times and the job's counts; the figures go to docs/measurements.md."""
import csv, io, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request
import boto3

USERS = int(os.environ.get("USERS", "10000"))
JAR = os.path.join(os.path.dirname(__file__), "..", "local", "target", "userpool-local.jar")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    port = free_port()
    data = tempfile.mkdtemp(prefix="import-10k-")
    server = subprocess.Popen(["java", "-jar", JAR, "--port", str(port), "--data-dir", data, "--quiet"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        endpoint = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(endpoint + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        cognito = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                               aws_access_key_id="testing", aws_secret_access_key="testing")
        pool = cognito.create_user_pool(PoolName="import-10k", AutoVerifiedAttributes=["email"],
                                        AliasAttributes=["email"])["UserPool"]["Id"]
        header = cognito.get_csv_header(UserPoolId=pool)["CSVHeader"]
        body = io.StringIO()
        writer = csv.DictWriter(body, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for i in range(USERS):
            writer.writerow({"cognito:username": f"user{i}", "email": f"user{i}@example.com",
                             "email_verified": "true", "cognito:mfa_enabled": "false", "name": f"User {i}"})
        payload = body.getvalue().encode()
        job = cognito.create_user_import_job(UserPoolId=pool, JobName="import-10k",
                                             CloudWatchLogsRoleArn="arn:aws:iam::123456789012:role/Logs")
        job = job["UserImportJob"]
        start = time.monotonic()
        put = urllib.request.Request(job["PreSignedUrl"], data=payload, method="PUT",
                                     headers={"x-amz-server-side-encryption": "aws:kms"})
        urllib.request.urlopen(put).read()
        uploaded = time.monotonic() - start
        start = time.monotonic()
        cognito.start_user_import_job(UserPoolId=pool, JobId=job["JobId"])
        while True:
            described = cognito.describe_user_import_job(UserPoolId=pool, JobId=job["JobId"])["UserImportJob"]
            if described["Status"] in ("Succeeded", "Failed", "Stopped"):
                break
            time.sleep(0.1)
        imported = time.monotonic() - start
        print(f"upload of {len(payload)} bytes: {uploaded:.2f} s")
        print(f"import of {USERS} rows: {imported:.1f} s — {described['Status']}, imported "
              f"{described['ImportedUsers']}, skipped {described['SkippedUsers']}, failed {described['FailedUsers']}: "
              f"{described.get('CompletionMessage', '')}")
        print(f"nproc {os.cpu_count()}, load average {os.getloadavg()}")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
