# SPDX-License-Identifier: GPL-3.0-or-later
"""botocore's SigV4Auth on bench_signing's two requests, in requests per second.

Re-signs one AWSRequest per case for --seconds (botocore's cheapest path: a retry) and prints
  botocore_get <rate> requests/s
  botocore_post_128k <rate> requests/s
Usage: botocore_signing.py [--seconds S] [--runs N]   (the best of N runs is printed)
"""

import argparse
import sys
import time

try:
    import botocore.auth
    import botocore.credentials
    from botocore.awsrequest import AWSRequest
except ImportError as error:
    sys.exit(f"botocore_signing.py: botocore is required ({error}); install python3-botocore")

ENDPOINT = "https://abc123example-ats.iot.us-east-1.amazonaws.com"


def rate(auth, request, seconds):
    count = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for _ in range(16):
            auth.add_auth(request)
        count += 16
        now = time.perf_counter()
        if now >= deadline:
            return count / (now - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    credentials = botocore.credentials.Credentials(
        "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    auth = botocore.auth.SigV4Auth(credentials, "iotdata", "us-east-1")
    get = AWSRequest(method="GET", url=ENDPOINT + "/things/lamp-01/shadow?name=config")
    post = AWSRequest(method="POST", url=ENDPOINT + "/topics/site%2Fberlin-1%2Fbulk?qos=1",
                      data=bytes(range(256)) * 512)
    cases = [("botocore_get", get), ("botocore_post_128k", post)]
    for name, request in cases:
        best = max(rate(auth, request, args.seconds) for _ in range(args.runs))
        print(f"{name} {best:.0f} requests/s", flush=True)


if __name__ == "__main__":
    main()
