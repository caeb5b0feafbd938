#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""SigV4 verification by the emulator (IOT-DATA-PLANE.md section 6; C2, C3, C4).

Raw requests are signed by sandbox.sign_v4 (hmac/hashlib only); its output is first checked
against the spec's vectors V1-V3 so a signer bug cannot masquerade as an emulator bug.
"""

import calendar
import datetime
import hashlib
import json
import re
import subprocess
import time
import unittest
import urllib.parse
import uuid
from unittest import mock

import botocore.auth

import sandbox
from sandbox import SandboxTestCase, label, read_shadow, sign_v4

VECTOR_HOST = "abc123example-ats.iot.us-east-1.amazonaws.com"
VECTOR_DATE = "20150830T123600Z"
VECTOR_CLOCK = "2015-08-30T12:36:00Z"
V1 = {"method": "POST", "path": "/topics/sensors%2Froom1%2Ftemp", "query": "qos=1&retain=true",
      "body": b'{"t":21.5}',
      "signature": "4ea43f7a561fb9762298739f2f45414396dc3d989b11923dcb559ec4d0931fbb"}
V2 = {"method": "GET", "path": "/things/lamp-01/shadow", "query": "name=config", "body": b"",
      "signature": "c153d6ce940a389fc3d06f2798ad9b7f76d36891cd93c09e5ac939fe4c004abd"}
V3_TOKEN = "FQoGZXIvYXdzEXAMPLETOKEN"
V3_SIGNATURE = "f830361d450a246ba9134a1c273cb186f02aa0ef0ebbfbc84b62f7772c46216e"
CURL = "/usr/bin/curl"


def vector_headers(v, **kw):
    return sign_v4(v["method"], v["path"], v["query"], {"Host": VECTOR_HOST}, v["body"], date=VECTOR_DATE, **kw)


class SignerSelfCheck(unittest.TestCase):
    """No emulator needed: the test signer reproduces the spec's vectors."""

    def test_vectors(self):
        for v in (V1, V2):
            self.assertTrue(vector_headers(v)["Authorization"].endswith("Signature=" + v["signature"]))
        h = vector_headers(V1, service="iotdevicegateway", token=V3_TOKEN)
        self.assertIn("SignedHeaders=host;x-amz-date;x-amz-security-token,", h["Authorization"])
        self.assertTrue(h["Authorization"].endswith("Signature=" + V3_SIGNATURE))


class PinnedClockVectors(SandboxTestCase):
    SANDBOX_KW = {"clock": VECTOR_CLOCK}

    def send_vector(self, v, body=None, headers=None):
        headers = headers or vector_headers(v)
        return self.sandbox.send(v["method"], v["path"] + "?" + v["query"], v["body"] if body is None else body,
                                 headers)

    def test_c2_v1_accepted(self):
        r = self.send_vector(V1)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers.get("x-amzn-requestid"))
        # The retained message carries the pinned clock's time.
        path = "/retainedMessage/" + label("sensors/room1/temp")
        got = self.sandbox.send("GET", path, b"", sign_v4("GET", path, "", {"Host": VECTOR_HOST}, b"",
                                                          date=VECTOR_DATE))
        self.assertEqual(got.status, 200, got)
        body = got.json()
        self.assertEqual(body["topic"], "sensors/room1/temp")
        self.assertEqual(body["payload"], "eyJ0IjoyMS41fQ==")
        self.assertEqual(body["qos"], 1)
        self.assertGreaterEqual(body["lastModifiedTime"], 1440938160000)
        self.assertLess(body["lastModifiedTime"], 1440938160000 + 120000)

    def test_c2_v1_body_byte_changed(self):
        r = self.send_vector(V1, body=b'{"t":21.6}')
        self.assertRawError(r, 403, "ForbiddenException")

    def test_v2_signature_valid_shadow_absent(self):
        r = self.send_vector(V2)
        self.assertRawError(r, 404, "ResourceNotFoundException", "No shadow exists with name: 'config'")

    def test_v1_signature_changed(self):
        h = vector_headers(V1)
        h["Authorization"] = h["Authorization"][:-1] + ("0" if h["Authorization"][-1] != "0" else "1")
        self.assertRawError(self.send_vector(V1, headers=h), 403, "ForbiddenException")

    def test_real_time_is_not_yet_current(self):
        h = sign_v4(V1["method"], V1["path"], V1["query"], {"Host": VECTOR_HOST}, V1["body"])
        body = self.assertRawError(self.send_vector(V1, headers=h), 403, "ForbiddenException")
        self.assertTrue(body["message"].startswith("Signature not yet current:"), body)


class PinnedClockSessionToken(SandboxTestCase):
    SANDBOX_KW = {"clock": VECTOR_CLOCK, "session_token": V3_TOKEN}

    def test_c3_v3_accepted(self):
        h = vector_headers(V1, service="iotdevicegateway", token=V3_TOKEN)
        r = self.sandbox.send("POST", V1["path"] + "?" + V1["query"], V1["body"], h)
        self.assertEqual(r.status, 200, r)

    def test_v3_token_changed_after_signing(self):
        h = vector_headers(V1, service="iotdevicegateway", token=V3_TOKEN)
        h["X-Amz-Security-Token"] = V3_TOKEN.replace("EXAMPLE", "EXAMPLf")
        r = self.sandbox.send("POST", V1["path"] + "?" + V1["query"], V1["body"], h)
        self.assertRawError(r, 403, "ForbiddenException")


SKEW_RE = re.compile(r"^Signature expired: (\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z) "
                     r"\((\d{8}T\d{6}Z) - 5 min\.\)$")
FUTURE_RE = re.compile(r"^Signature not yet current: (\d{8}T\d{6}Z) is still later than (\d{8}T\d{6}Z) "
                       r"\((\d{8}T\d{6}Z) \+ 5 min\.\)$")


def parse_amz(s):
    return calendar.timegm(time.strptime(s, "%Y%m%dT%H%M%SZ"))


class RealClock(SandboxTestCase):
    def setUp(self):
        self.thing = "s-%s" % uuid.uuid4().hex[:12]

    def shadow_path(self):
        return "/things/%s/shadow" % self.thing

    def test_c4_six_minutes_in_the_past(self):
        date = sandbox.amz_date(time.time() - 360)
        r = self.sandbox.raw("GET", self.shadow_path(), date=date)
        body = self.assertRawError(r, 403, "ForbiddenException")
        self.assertTrue(body["message"].startswith("Signature expired:"), body)
        m = SKEW_RE.match(body["message"])
        self.assertIsNotNone(m, body["message"])
        req, limit, now = (parse_amz(x) for x in m.groups())
        self.assertEqual(m.group(1), date)
        self.assertEqual(now - limit, 300)
        self.assertLess(abs(now - time.time()), 60)
        self.assertLessEqual(abs(req - (now - 360)), 5)
        self.assertTrue(r.headers.get("date"))

    def test_six_minutes_in_the_future(self):
        date = sandbox.amz_date(time.time() + 360)
        body = self.assertRawError(self.sandbox.raw("GET", self.shadow_path(), date=date), 403, "ForbiddenException")
        m = FUTURE_RE.match(body["message"])
        self.assertIsNotNone(m, body["message"])
        self.assertEqual(m.group(1), date)

    def test_four_minutes_of_skew_accepted(self):
        for delta in (-240, 240):
            r = self.sandbox.raw("GET", self.shadow_path(), date=sandbox.amz_date(time.time() + delta))
            self.assertRawError(r, 404, "ResourceNotFoundException")

    def test_both_signing_names_accepted(self):
        for service in ("iotdata", "iotdevicegateway"):
            r = self.sandbox.raw("POST", self.shadow_path(), body=b'{"state":{"reported":{"a":1}}}', service=service)
            self.assertEqual(r.status, 200, r)

    def test_other_signing_name_rejected(self):
        r = self.sandbox.raw("GET", self.shadow_path(), service="s3")
        self.assertRawError(r, 403, "ForbiddenException")

    def test_wrong_region_rejected(self):
        body = self.assertRawError(self.sandbox.raw("GET", self.shadow_path(), region="eu-west-1"), 403,
                                   "ForbiddenException")
        self.assertTrue(body["message"].startswith("Credential should be scoped to a valid region"), body)
        client = self.sandbox.client(region="eu-west-1")
        self.assertClientError("ForbiddenException", 403, client.get_thing_shadow, thingName=self.thing)

    def test_unknown_access_key_rejected(self):
        r = self.sandbox.raw("GET", self.shadow_path(), access_key="AKIDNOTKNOWN")
        self.assertRawError(r, 403, "ForbiddenException")

    def test_wrong_secret_rejected(self):
        r = self.sandbox.raw("GET", self.shadow_path(), secret_key="x" + sandbox.SECRET_KEY[1:])
        self.assertRawError(r, 403, "ForbiddenException",
                            "The request signature we calculated does not match the signature you provided. "
                            "Check your AWS Secret Access Key and signing method. Consult the service "
                            "documentation for details.")

    def test_unsigned_rejected(self):
        self.assertRawError(self.sandbox.raw("GET", self.shadow_path(), sign=False), 403, "ForbiddenException")

    def test_host_must_be_signed(self):
        # Sign with no host at all in the signed set, then add Host unsigned.
        h = sign_v4("GET", self.shadow_path(), "", {}, b"")
        h["Host"] = "%s:%d" % (self.sandbox.host, self.sandbox.port)
        self.assertIn("SignedHeaders=x-amz-date,", h["Authorization"])
        self.assertRawError(self.sandbox.send("GET", self.shadow_path(), b"", h), 403, "ForbiddenException")

    def test_host_header_changed_after_signing(self):
        h = sign_v4("GET", self.shadow_path(), "", {"Host": "%s:%d" % (self.sandbox.host, self.sandbox.port + 1)}, b"")
        h["Host"] = "%s:%d" % (self.sandbox.host, self.sandbox.port)
        self.assertRawError(self.sandbox.send("GET", self.shadow_path(), b"", h), 403, "ForbiddenException")

    def test_unsigned_extra_header_ignored(self):
        host = "%s:%d" % (self.sandbox.host, self.sandbox.port)
        h = sign_v4("POST", self.shadow_path(), "", {"Host": host}, b'{"state":{"reported":{"a":1}}}')
        h["X-Extra-Unsigned"] = "whatever"
        h["User-Agent"] = "conformance/1.0"
        r = self.sandbox.send("POST", self.shadow_path(), b'{"state":{"reported":{"a":1}}}', h)
        self.assertEqual(r.status, 200, r)

    def test_signed_extra_header_and_whitespace(self):
        r = self.sandbox.raw("POST", self.shadow_path(), body=b'{"state":{"reported":{"a":1}}}',
                             headers={"X-Custom": "  a   b  ", "Content-Type": "application/json"})
        self.assertEqual(r.status, 200, r)

    def test_query_order_on_wire_is_irrelevant(self):
        topic = "q/" + self.thing
        host = "%s:%d" % (self.sandbox.host, self.sandbox.port)
        path = "/topics/" + label(topic)
        h = sign_v4("POST", path, "retain=true&qos=1", {"Host": host}, b"x")
        r = self.sandbox.send("POST", path + "?retain=true&qos=1", b"x", h)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.iot.get_retained_message(topic=topic)["qos"], 1)

    def test_raw_colon_in_query_still_verifies(self):
        # Spec 6.2 [R]: decode once, re-encode with the unreserved set before sorting.
        self.iot.update_thing_shadow(thingName=self.thing, shadowName="s:1", payload=b'{"state":{"reported":{"a":1}}}')
        r = self.sandbox.raw("GET", self.shadow_path(), query="name=s:1")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json()["state"], {"reported": {"a": 1}})

    def test_content_sha256_header(self):
        body = b'{"state":{"reported":{"a":1}}}'
        good = hashlib.sha256(body).hexdigest()
        r = self.sandbox.raw("POST", self.shadow_path(), body=body, headers={"X-Amz-Content-Sha256": good})
        self.assertEqual(r.status, 200, r)
        bad = hashlib.sha256(b"other").hexdigest()
        r = self.sandbox.raw("POST", self.shadow_path(), body=body, headers={"X-Amz-Content-Sha256": bad})
        self.assertRawError(r, 403, "ForbiddenException")

    def test_boto3_request_tampered_after_signing(self):
        client = self.sandbox.client()

        def tamper_body(request, **kwargs):
            body = request.body if isinstance(request.body, bytes) else request.body.encode()
            request.body = body.replace(b'"a":1', b'"a":2')

        client.meta.events.register("before-send.iot-data.UpdateThingShadow", tamper_body)
        err = self.assertClientError("ForbiddenException", 403, client.update_thing_shadow, thingName=self.thing,
                                     payload=b'{"state":{"reported":{"a":1}}}')
        self.assertEqual(err.response["ResponseMetadata"]["RetryAttempts"], 0)
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_thing_shadow, thingName=self.thing)

        client = self.sandbox.client()

        def tamper_url(request, **kwargs):
            request.url = request.url.replace("/things/%s/" % self.thing, "/things/%s-x/" % self.thing)

        client.meta.events.register("before-send.iot-data.GetThingShadow", tamper_url)
        self.assertClientError("ForbiddenException", 403, client.get_thing_shadow, thingName=self.thing)

    def test_presigned_url_with_curl(self):
        doc = {"state": {"desired": {"color": "RED"}, "reported": {"color": "BLUE"}}}
        self.iot.update_thing_shadow(thingName=self.thing, payload=json.dumps(doc).encode())
        expected = read_shadow(self.iot.get_thing_shadow(thingName=self.thing))
        url = self.iot.generate_presigned_url("get_thing_shadow", Params={"thingName": self.thing}, ExpiresIn=300)
        self.assertIn("X-Amz-Signature=", url)
        status, body = self.curl(url)
        self.assertEqual(status, 200, body)
        got = json.loads(body)
        self.assertEqual(got["state"], expected["state"])
        self.assertEqual(got["version"], expected["version"])
        self.assertEqual(got["metadata"], expected["metadata"])

        parts = urllib.parse.urlsplit(url)
        tampered_path = url.replace("/things/%s/" % self.thing, "/things/%s-x/" % self.thing)
        query = urllib.parse.parse_qsl(parts.query)
        sig = dict(query)["X-Amz-Signature"]
        flipped = sig[:-1] + ("0" if sig[-1] != "0" else "1")
        tampered_sig = url.replace(sig, flipped)
        tampered_expiry = url.replace("X-Amz-Expires=300", "X-Amz-Expires=3000")
        for bad in (tampered_path, tampered_sig, tampered_expiry):
            with self.subTest(url=bad):
                status, body = self.curl(bad)
                self.assertEqual(status, 403, body)
                self.assertEqual(json.loads(body).get("message") is not None, True)

    def test_presigned_url_expiry(self):
        self.iot.update_thing_shadow(thingName=self.thing, payload=b'{"state":{"reported":{"a":1}}}')

        class TenMinutesAgo(datetime.datetime):
            @classmethod
            def utcnow(cls):
                return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(minutes=10)

        with mock.patch.object(botocore.auth.datetime, "datetime", TenMinutesAgo):
            expired = self.iot.generate_presigned_url("get_thing_shadow", Params={"thingName": self.thing},
                                                      ExpiresIn=300)
            still_valid = self.iot.generate_presigned_url("get_thing_shadow", Params={"thingName": self.thing},
                                                          ExpiresIn=3600)
        signed_at = parse_amz(dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(expired).query))["X-Amz-Date"])
        self.assertAlmostEqual(signed_at, time.time() - 600, delta=30)
        status, body = self.curl(expired)
        self.assertEqual(status, 403, body)
        # Presigned URLs are valid for X-Amz-Expires seconds, not subject to the 5-minute skew rule.
        status, body = self.curl(still_valid)
        self.assertEqual(status, 200, body)

    def test_presigned_url_other_operations(self):
        self.iot.publish(topic="ps/" + self.thing, retain=True, payload=b"presigned")
        url = self.iot.generate_presigned_url("get_retained_message", Params={"topic": "ps/" + self.thing},
                                              ExpiresIn=60)
        status, body = self.curl(url)
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["payload"], "cHJlc2lnbmVk")

    def curl(self, url):
        out = subprocess.run([CURL, "-s", "-k", "--max-time", "20", "-w", "%{http_code}", url],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30, check=False)
        text = out.stdout.decode("utf-8", "replace")
        return int(text[-3:]), text[:-3]


class SessionToken(SandboxTestCase):
    SANDBOX_KW = {"session_token": "IQoJb3JpZ2luX2VjEXAMPLE-session-token"}

    def test_right_token_accepted(self):
        self.iot.update_thing_shadow(thingName="tok-1", payload=b'{"state":{"reported":{"a":1}}}')
        self.assertEqual(read_shadow(self.iot.get_thing_shadow(thingName="tok-1"))["version"], 1)

    def test_wrong_token_rejected(self):
        client = self.sandbox.client(token="IQoJb3JpZ2luX2VjWRONG")
        self.assertClientError("ForbiddenException", 403, client.get_thing_shadow, thingName="tok-1")

    def test_token_may_be_unsigned(self):
        self.iot.update_thing_shadow(thingName="tok-2", payload=b'{"state":{"reported":{"a":1}}}')
        r = self.sandbox.raw("GET", "/things/tok-2/shadow", sign_token=False)
        self.assertEqual(r.status, 200, r)


class NoAuth(SandboxTestCase):
    SANDBOX_KW = {"auth": False}

    def test_unsigned_requests_accepted(self):
        r = self.sandbox.raw("POST", "/things/na-1/shadow", body=b'{"state":{"reported":{"a":1}}}', sign=False)
        self.assertEqual(r.status, 200, r)
        r = self.sandbox.raw("GET", "/things/na-1/shadow", sign=False)
        self.assertEqual(r.json()["state"], {"reported": {"a": 1}})

    def test_any_credentials_accepted(self):
        client = self.sandbox.client(access_key="AKIDANYTHING", secret_key="anything")
        self.assertEqual(read_shadow(client.update_thing_shadow(thingName="na-2", payload=b'{"state":{}}'))["version"], 1)

    def test_startup_lines(self):
        info = self.sandbox.info
        self.assertRegex(info["endpoint"], r"^http://127\.0\.0\.1:\d+$")
        self.assertEqual(info["region"], "us-east-1")


class StartupLines(SandboxTestCase):
    def test_startup_lines(self):
        info = self.sandbox.info
        self.assertRegex(info["endpoint"], r"^http://127\.0\.0\.1:\d+$")
        self.assertNotEqual(self.sandbox.port, 0)
        self.assertEqual(info["region"], "us-east-1")
        self.assertEqual(info["access key"], sandbox.ACCESS_KEY)
        self.assertEqual(info["secret key"], sandbox.SECRET_KEY)


if __name__ == "__main__":
    sandbox.main()
