#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""--tls: an https endpoint that boto3 (verify=False) and raw TLS clients can use."""

import ssl

import boto3
import botocore.exceptions

import sandbox
from sandbox import SandboxTestCase, read_shadow


class Tls(SandboxTestCase):
    SANDBOX_KW = {"tls": True}

    def test_https_endpoint(self):
        self.assertRegex(self.sandbox.endpoint, r"^https://127\.0\.0\.1:\d+$")

    def test_boto3_without_verification(self):
        up = read_shadow(self.iot.update_thing_shadow(thingName="tls-1", payload=b'{"state":{"reported":{"a":1}}}'))
        self.assertEqual(up["version"], 1)
        self.iot.publish(topic="tls/x", retain=True, payload=b"secure")
        self.assertEqual(self.iot.get_retained_message(topic="tls/x")["payload"], b"secure")
        cp = self.sandbox.client("iot")
        self.assertIn("endpointAddress", cp.describe_endpoint(endpointType="iot:Data-ATS"))

    def test_signature_still_verified_over_tls(self):
        bad = self.sandbox.client(secret_key="wrong")
        self.assertClientError("ForbiddenException", 403, bad.get_thing_shadow, thingName="tls-1")

    def test_certificate_is_refused_when_verifying(self):
        strict = boto3.session.Session().client(
            "iot-data", endpoint_url=self.sandbox.endpoint, region_name=sandbox.REGION,
            aws_access_key_id=sandbox.ACCESS_KEY, aws_secret_access_key=sandbox.SECRET_KEY,
            config=self.sandbox.config())
        with self.assertRaises(botocore.exceptions.SSLError):
            strict.list_retained_messages()

    def test_raw_tls(self):
        r = self.sandbox.raw("GET", "/retainedMessage")
        self.assertEqual(r.status, 200, r)
        conn = self.sandbox.connection()
        conn.connect()
        self.assertIn(conn.sock.version(), ("TLSv1.2", "TLSv1.3"))
        conn.close()

    def test_plain_http_on_tls_port_fails(self):
        import http.client
        conn = http.client.HTTPConnection(self.sandbox.host, self.sandbox.port, timeout=10)
        try:
            conn.request("GET", "/retainedMessage")
            resp = conn.getresponse()
            status = resp.status
        except (http.client.HTTPException, OSError, ssl.SSLError):
            status = None
        finally:
            conn.close()
        self.assertNotEqual(status, 200)


if __name__ == "__main__":
    sandbox.main()
