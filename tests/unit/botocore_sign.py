# SPDX-License-Identifier: GPL-3.0-or-later
"""Requests signed by botocore, for tst_sigv4differential.

Generates, from a fixed seed, IoT data- and control-plane requests with awkward topics,
thing names, query values, headers and bodies; encodes each exactly as botocore puts it on
the wire (path labels and query with botocore.utils.percent_encode: RFC 3986 unreserved set,
upper-case hex); signs it with botocore.auth.SigV4Auth with the clock patched; and writes one
JSON object per line:

  method, path, query (both as on the wire, query without '?'), headers ([name, value] pairs
  as present when signing, Host first), body_b64, access_key, secret, token ('' for none),
  region, service, time (ISO 8601 UTC), authorization, canonical_request (botocore's), and
  presign: null, or {expires, query} with the query botocore.auth.SigV4QueryAuth produced
  for the same request (only for requests SigV4QueryAuth keeps intact: empty body, no
  repeated query names).

Usage: botocore_sign.py [--count N] [--seed S]
"""

import argparse
import base64
import datetime
import hashlib
import json
import random
import sys
from types import SimpleNamespace
from unittest import mock
from urllib.parse import urlsplit

try:
    import botocore
    import botocore.auth
    import botocore.credentials
    import botocore.utils
    from botocore.awsrequest import AWSRequest
except ImportError as error:
    sys.exit(f"botocore_sign.py: botocore is required ({error}); install python3-botocore")

KEYS = [
    ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
    ("AKIAIOSFODNN7EXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"),
    ("ASIAXAMPLESHADOWSCOPE", "Zm9vYmFy+/=secret with spaces and ~!"),
]
TOKENS = [
    "FQoGZXIvYXdzEXAMPLETOKEN",
    "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+abc/def==",
]
REGIONS = ["us-east-1", "eu-central-1", "ap-northeast-1"]
# Day, month and year, and leap-day boundaries, each crossed within two minutes.
BOUNDARIES = [
    datetime.datetime(2026, 11, 29, 0, 0, 0),
    datetime.datetime(2027, 1, 1, 0, 0, 0),
    datetime.datetime(2028, 2, 29, 0, 0, 0),
    datetime.datetime(2028, 3, 1, 0, 0, 0),
]
LABEL_PIECES = [
    "lamp-01", "hvac_b2.floor3", "sensor", "room1", "temp", "x~y_z-.", "é", "café", "中文",
    "温度计", "😀", "🌡️", "/", "%", "+", "#", "?", "&", "=", " ", "~", "!", "*", "'", "(", ")",
    ";", ":", "@", "$", ",", "%2F", "%25", "$aws/things/t1/shadow/update", "a b", "A", "Z9",
]
SPECIAL_LABELS = ["", ".", "..", "/", "//", "/leading", "trailing/", "/both/", "$package"]
QUERY_VALUE_PIECES = [
    "config", "1", "0", "true", "application/json", "abc/+=def", "é", "中文", "😀", "+", "%",
    "%2B", "a b", "=", "&", "?", "#", ";", ":", "@", "$", ",", "~", "'", "(", ")", "*", "!",
]
RAW_PATHS = ["/", "", "//things//x/", "/a/./b/../c", "/topics/..", "/things/./shadow",
             "/retainedMessage/", "/topics/"]
ENDPOINTS = {
    "iotdata": ["https://abc123example-ats.iot.{region}.amazonaws.com",
                "http://127.0.0.1:8765", "https://localhost:443", "https://[::1]:8443"],
    "iot": ["https://iot.{region}.amazonaws.com", "http://127.0.0.1:8766"],
}


def label(rng):
    """A thing name or topic: pieces of every awkward kind, sometimes a special value."""
    if rng.random() < 0.12:
        return rng.choice(SPECIAL_LABELS)
    return "".join(rng.choice(LABEL_PIECES) for _ in range(rng.randint(1, 6)))


def query_value(rng):
    roll = rng.random()
    if roll < 0.1:
        return ""
    if roll < 0.2:
        return rng.randint(0, 10**6)
    return "".join(rng.choice(QUERY_VALUE_PIECES) for _ in range(rng.randint(1, 4)))


def operation(rng):
    """(method, path template, label values, query pairs, service) of an IoT API call."""
    enc = botocore.utils.percent_encode
    kind = rng.randrange(9)
    query = []
    if kind == 0:
        method, path, service = "GET", f"/things/{enc(label(rng))}/shadow", "iotdata"
        if rng.random() < 0.7:
            query.append(("name", label(rng)))
    elif kind == 1:
        method, path, service = "POST", f"/things/{enc(label(rng))}/shadow", "iotdata"
        if rng.random() < 0.5:
            query.append(("name", label(rng)))
    elif kind == 2:
        method, path, service = "DELETE", f"/things/{enc(label(rng))}/shadow", "iotdata"
        if rng.random() < 0.5:
            query.append(("name", query_value(rng)))
    elif kind == 3:
        method = "GET"
        path = f"/api/things/shadow/ListNamedShadowsForThing/{enc(label(rng))}"
        service = "iotdata"
        query += [("pageSize", rng.randint(1, 100)), ("nextToken", query_value(rng))]
    elif kind == 4:
        method, path, service = "GET", "/retainedMessage", "iotdata"
        query += [("maxResults", rng.randint(1, 200)), ("nextToken", query_value(rng))]
    elif kind == 5:
        method, path, service = "GET", f"/retainedMessage/{enc(label(rng))}", "iotdata"
    elif kind == 6:
        method, path, service = "POST", f"/topics/{enc(label(rng))}", "iotdata"
        for name in ("qos", "retain", "contentType", "responseTopic", "messageExpiry"):
            if rng.random() < 0.5:
                query.append((name, query_value(rng)))
    elif kind == 7:
        method = rng.choice(["GET", "POST", "PUT", "DELETE"])
        path, service = f"/things/{enc(label(rng))}", "iot"
    else:
        method, path, service = rng.choice(["GET", "PUT"]), rng.choice(RAW_PATHS), "iot"
        query += [("maxResults", rng.randint(1, 250)), ("attributeName", query_value(rng)),
                  ("attributeValue", query_value(rng))]
    # Awkward extras: unicode and reserved names, repeated names, empty values.
    for _ in range(rng.choice([0, 0, 0, 1, 2, 3])):
        name = rng.choice(["name", "qos", "Param", "param", "a b", "é", "x+y", "k%", "~t", "Z"])
        query.append((name, query_value(rng)))
    if rng.random() < 0.1 and query:
        query.append(rng.choice(query))
    rng.shuffle(query)
    if service == "iotdata" and rng.random() < 0.3:
        service = "iotdevicegateway"
    return method, path, query, service


def whitespace(rng):
    return "".join(rng.choice(" \t") for _ in range(rng.randint(0, 3)))


def headers(rng, body):
    """Extra headers with whitespace runs, mixed-case names and repeats."""
    candidates = [
        ("Content-Type", "application/json"),
        ("content-type", "application/octet-stream;  charset=binary"),
        ("x-amz-mqtt5-user-properties",
         base64.b64encode(b'[{"unit":"C"},{"site":"berlin-1"}]').decode()),
        ("x-amz-mqtt5-payload-format-indicator", "UTF8_DATA"),
        ("X-Amz-MQTT5-Correlation-Data", base64.b64encode(b"corr-1").decode()),
        ("X-Custom-Header", "a   b\t\tc"),
        ("x-CUSTOM-header", ""),
        ("My-Header1", "value1"),
        ("my-header2", '"a   b   c"'),
        ("User-Agent", "Botocore/1.29.27 Python/3.11"),
        ("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"),
        ("Expect", "100-continue"),
        ("X-Amz-Content-SHA256", hashlib.sha256(body).hexdigest()),
    ]
    chosen = rng.sample(candidates, rng.randint(0, 5))
    return [(name, whitespace(rng) + value + whitespace(rng)) for name, value in chosen]


def body(rng):
    roll = rng.random()
    if roll < 0.4:
        return b""
    if roll < 0.8:
        size = rng.randint(1, 2000)
    elif roll < 0.98:
        size = rng.randint(2001, 32768)
    else:
        size = rng.choice([131072, rng.randint(32769, 131072)])
    if rng.random() < 0.5:
        return rng.randbytes(size)
    text = json.dumps({"state": {"desired": {"t": rng.random(), "label": "é中文😀"}}})
    return (text * (size // len(text) + 1)).encode()[:size]


class CapturingSigV4Auth(botocore.auth.SigV4Auth):
    """SigV4Auth that keeps the canonical request it signed, for mismatch reports."""

    def canonical_request(self, request):
        self.last_canonical_request = super().canonical_request(request)
        return self.last_canonical_request


class FixedClock(datetime.datetime):
    """Stands in for datetime.datetime in botocore.auth: utcnow() is the request's time."""

    now = BOUNDARIES[0]

    @classmethod
    def utcnow(cls):
        return cls.now


def make_request(method, url, extra_headers, data):
    request = AWSRequest(method=method, url=url, data=data)
    for name, value in extra_headers:
        request.headers[name] = value  # HTTPHeaders appends: repeats stay separate
    return request


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2400)
    parser.add_argument("--seed", type=int, default=20261128)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"botocore {botocore.__version__} from {botocore.__file__}", file=sys.stderr)

    with mock.patch.object(botocore.auth, "datetime", SimpleNamespace(datetime=FixedClock)):
        for _ in range(args.count):
            method, path, query, service = operation(rng)
            region = rng.choice(REGIONS)
            access_key, secret = rng.choice(KEYS)
            token = rng.choice(TOKENS) if rng.random() < 0.4 else None
            FixedClock.now = rng.choice(BOUNDARIES) + datetime.timedelta(
                seconds=rng.randint(-120, 120))
            data = body(rng)
            extra = headers(rng, data)
            endpoint = rng.choice(ENDPOINTS["iot" if service == "iot" else "iotdata"])
            endpoint = endpoint.format(region=region)
            encoded_query = botocore.utils.percent_encode_sequence(query)
            url = endpoint + path + ("?" + encoded_query if encoded_query else "")
            host = botocore.auth._host_from_url(url)

            credentials = botocore.credentials.Credentials(access_key, secret, token)
            auth = CapturingSigV4Auth(credentials, service, region)
            request = make_request(method, url, extra, data)
            auth.add_auth(request)
            split = urlsplit(url)
            record = {
                "method": method,
                "path": split.path,
                "query": split.query,
                "headers": [["Host", host]] + [[n, v] for n, v in extra],
                "body_b64": base64.b64encode(data).decode(),
                "access_key": access_key,
                "secret": secret,
                "token": token or "",
                "region": region,
                "service": service,
                "time": FixedClock.now.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "authorization": request.headers["Authorization"],
                "canonical_request": auth.last_canonical_request,
                "presign": None,
            }
            names = [name for name, _ in query]
            # SigV4QueryAuth moves a body into the query, keeps one value per name and takes
            # an X-Amz-Content-SHA256 header as the payload hash: leave those cases out.
            content_sha = any(n.lower() == "x-amz-content-sha256" for n, _ in extra)
            if not data and not content_sha and len(set(names)) == len(names):
                expires = rng.choice([1, 60, 900, 3600, 604800])
                presigner = botocore.auth.SigV4QueryAuth(credentials, service, region, expires)
                presigned = make_request(method, url, extra, data)
                presigner.add_auth(presigned)
                record["presign"] = {"expires": expires,
                                     "query": urlsplit(presigned.url).query}
            print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
