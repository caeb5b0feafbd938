#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Error wire format, exception mapping, fault injection and retries (sections 5 and 8; C23, C25, C26)."""

import http.client
import json
import os
import tempfile
import time
import uuid

import botocore.exceptions

import sandbox
from sandbox import SandboxTestCase, label, read_shadow

ALL_CODES = {
    400: "InvalidRequestException",
    403: "ForbiddenException",
    404: "ResourceNotFoundException",
    405: "MethodNotAllowedException",
    409: "ConflictException",
    413: "RequestEntityTooLargeException",
    415: "UnsupportedDocumentEncodingException",
    429: "ThrottlingException",
    500: "InternalFailureException",
    503: "ServiceUnavailableException",
}


class ErrorFormat(SandboxTestCase):
    def setUp(self):
        self.thing = "e-%s" % uuid.uuid4().hex[:12]
        self.sandbox.clear_faults()

    def tearDown(self):
        self.sandbox.clear_faults()

    def test_every_modeled_exception_class_exists(self):
        # botocore 1.29 does not model ForbiddenException for iot-data (newer models do); 403s
        # are checked through e.response["Error"]["Code"] instead.
        for code in ALL_CODES.values():
            if code != "ForbiddenException":
                self.assertTrue(hasattr(self.iot.exceptions, code), code)

    def test_success_headers(self):
        r = self.iot.list_retained_messages()
        headers = r["ResponseMetadata"]["HTTPHeaders"]
        self.assertTrue(r["ResponseMetadata"].get("RequestId"))
        self.assertIn("date", headers)
        time.strptime(headers["date"], "%a, %d %b %Y %H:%M:%S GMT")
        other = self.iot.list_retained_messages()["ResponseMetadata"]["RequestId"]
        self.assertNotEqual(other, r["ResponseMetadata"]["RequestId"])

    def test_c25_client_side_errors(self):
        iot = self.iot
        errors = []
        errors.append(self.assertClientError("InvalidRequestException", 400, iot.update_thing_shadow,
                                             thingName=self.thing, payload=b"not json",
                                             exception=iot.exceptions.InvalidRequestException, message="Invalid JSON"))
        errors.append(self.assertClientError("ResourceNotFoundException", 404, iot.get_thing_shadow,
                                             thingName=self.thing, exception=iot.exceptions.ResourceNotFoundException))
        iot.update_thing_shadow(thingName=self.thing, payload=b'{"state":{"reported":{"a":1}}}')
        errors.append(self.assertClientError("ConflictException", 409, iot.update_thing_shadow, thingName=self.thing,
                                             payload=b'{"state":{"reported":{"a":2}},"version":7}',
                                             exception=iot.exceptions.ConflictException, message="Version conflict"))
        errors.append(self.assertClientError("RequestEntityTooLargeException", 413, iot.update_thing_shadow,
                                             thingName=self.thing,
                                             payload=json.dumps({"state": {"reported": {"p": "x" * 9000}}}).encode(),
                                             exception=iot.exceptions.RequestEntityTooLargeException))
        errors.append(self.assertClientError("UnsupportedDocumentEncodingException", 415, iot.update_thing_shadow,
                                             thingName=self.thing, payload=b'{"state":{"reported":{"a":"\xfe"}}}',
                                             exception=iot.exceptions.UnsupportedDocumentEncodingException))
        bad_key = self.sandbox.client(secret_key="wrong" + sandbox.SECRET_KEY[5:])
        err = self.assertClientError("ForbiddenException", 403, bad_key.get_thing_shadow, thingName=self.thing)
        errors.append(err)
        ids = [e.response["ResponseMetadata"]["RequestId"] for e in errors]
        self.assertEqual(len(set(ids)), len(ids))

    def test_c25_raw_error_bodies(self):
        s = self.sandbox
        body = self.assertRawError(s.raw("GET", "/things/%s/shadow" % self.thing), 404, "ResourceNotFoundException",
                                   "No shadow exists with name: '%s'" % self.thing)
        self.assertIsInstance(body.get("traceId"), str)
        self.assertNotIn("code", body)  # never a numeric code without the header (5.2)
        self.assertRawError(s.raw("POST", "/things/%s/shadow" % self.thing, body=b"{}"), 400,
                            "InvalidRequestException", "Missing required node: state")
        self.assertRawError(s.raw("GET", "/things/%s/shadow" % self.thing, sign=False), 403, "ForbiddenException")

    def test_method_not_allowed(self):
        s = self.sandbox
        for method, path in (("PUT", "/things/%s/shadow" % self.thing), ("PATCH", "/things/%s/shadow" % self.thing),
                             ("DELETE", "/topics/a%2Fb"), ("PUT", "/retainedMessage/a%2Fb"),
                             ("POST", "/retainedMessage")):
            with self.subTest(method=method, path=path):
                self.assertRawError(s.raw(method, path, body=b'{"state":{}}' if method != "DELETE" else b""),
                                    405, "MethodNotAllowedException")

    def test_unknown_path_is_not_found(self):
        r = self.sandbox.raw("GET", "/definitely/not/an/api")
        self.assertIn(r.status, (403, 404), r)
        self.assertTrue(r.headers.get("x-amzn-errortype"), r)

    def test_c23_server_side_limits(self):
        self.assertClientError("InvalidRequestException", 400, self.iot.publish, topic="a/b", qos=2, payload=b"x",
                               exception=self.iot.exceptions.InvalidRequestException)
        self.assertClientError("InvalidRequestException", 400, self.iot.list_retained_messages, maxResults=201,
                               exception=self.iot.exceptions.InvalidRequestException)
        self.assertClientError("InvalidRequestException", 400, self.iot.list_named_shadows_for_thing,
                               thingName=self.thing, pageSize=101)

    def test_c23_client_side_validation(self):
        with self.assertRaises(botocore.exceptions.ParamValidationError):
            self.iot.list_named_shadows_for_thing(thingName=self.thing, pageSize=0)
        with self.assertRaises(botocore.exceptions.ParamValidationError):
            self.iot.list_retained_messages(maxResults=0)
        with self.assertRaises(botocore.exceptions.ParamValidationError):
            self.iot.get_thing_shadow(thingName="")

    # -- fault injection

    def test_fault_status_codes_map_to_classes(self):
        self.iot.update_thing_shadow(thingName=self.thing, payload=b'{"state":{"reported":{"a":1}}}')
        for status in (429, 500, 503):
            code = ALL_CODES[status]
            with self.subTest(status=status):
                self.sandbox.set_faults({"seed": 7, "rules": [{"operations": ["GetThingShadow"], "kind": "status",
                                                               "status": status, "count": 1}]})
                self.assertClientError(code, status, self.iot.get_thing_shadow, thingName=self.thing,
                                       exception=getattr(self.iot.exceptions, code))
                # count=1: the next request is served normally
                self.assertEqual(read_shadow(self.iot.get_thing_shadow(thingName=self.thing))["version"], 1)

    def test_fault_operations_filter(self):
        self.iot.update_thing_shadow(thingName=self.thing, payload=b'{"state":{"reported":{"a":1}}}')
        self.sandbox.set_faults({"rules": [{"operations": ["Publish"], "kind": "status", "status": 500}]})
        self.assertEqual(read_shadow(self.iot.get_thing_shadow(thingName=self.thing))["version"], 1)
        self.assertClientError("InternalFailureException", 500, self.iot.publish, topic="f/x", payload=b"x")
        self.assertClientError("InternalFailureException", 500, self.iot.publish, topic="f/x", payload=b"x")
        self.sandbox.clear_faults()
        self.iot.publish(topic="f/x", payload=b"x")

    def test_fault_all_operations_and_probability_zero(self):
        self.sandbox.set_faults({"rules": [{"kind": "status", "status": 503, "probability": 0.0}]})
        self.iot.list_retained_messages()
        self.sandbox.set_faults({"rules": [{"kind": "status", "status": 503, "count": 2}]})
        self.assertClientError("ServiceUnavailableException", 503, self.iot.list_retained_messages)
        self.assertClientError("ServiceUnavailableException", 503, self.iot.list_named_shadows_for_thing,
                               thingName=self.thing)
        self.iot.list_retained_messages()

    def test_fault_latency(self):
        self.sandbox.set_faults({"rules": [{"operations": ["ListRetainedMessages"], "kind": "latency",
                                            "delayMs": 300, "count": 1}]})
        t0 = time.monotonic()
        self.iot.list_retained_messages()
        self.assertGreaterEqual(time.monotonic() - t0, 0.28)
        t0 = time.monotonic()
        self.iot.list_retained_messages()
        self.assertLess(time.monotonic() - t0, 0.28)

    def test_fault_reset_is_retried(self):
        self.iot.update_thing_shadow(thingName=self.thing, payload=b'{"state":{"reported":{"a":1}}}')
        self.sandbox.set_faults({"rules": [{"operations": ["GetThingShadow"], "kind": "reset", "count": 1}]})
        client = self.sandbox.client(max_attempts=1)
        with self.assertRaises(botocore.exceptions.BotoCoreError):
            client.get_thing_shadow(thingName=self.thing)["payload"].read()
        self.sandbox.set_faults({"rules": [{"operations": ["GetThingShadow"], "kind": "reset", "count": 1}]})
        client = self.sandbox.client(retry_mode="standard", max_attempts=3)
        r = client.get_thing_shadow(thingName=self.thing)
        self.assertEqual(r["ResponseMetadata"]["RetryAttempts"], 1)
        self.assertEqual(read_shadow(r)["version"], 1)

    def test_fault_truncate(self):
        self.iot.publish(topic="trunc/x", retain=True, payload=b"0123456789" * 50)
        self.sandbox.set_faults({"rules": [{"operations": ["GetRetainedMessage"], "kind": "truncate", "count": 1}]})
        # A truncated response: http.client sees fewer bytes than announced (IncompleteRead),
        # the connection drops, or the body is cut and no longer parses.
        try:
            r = self.sandbox.raw("GET", "/retainedMessage/" + label("trunc/x"))
        except (http.client.HTTPException, ConnectionError):
            pass
        else:
            if r.status == 200:
                with self.assertRaises(ValueError):
                    r.json()
        self.assertEqual(self.iot.get_retained_message(topic="trunc/x")["payload"], b"0123456789" * 50)

    # -- C26 retries

    def test_c26_standard_mode_retries_throttling(self):
        self.iot.update_thing_shadow(thingName=self.thing, payload=b'{"state":{"reported":{"a":1}}}')
        self.sandbox.set_faults({"seed": 7, "rules": [{"operations": ["GetThingShadow"], "kind": "status",
                                                       "status": 429, "count": 2}]})
        client = self.sandbox.client(retry_mode="standard", max_attempts=3)
        r = client.get_thing_shadow(thingName=self.thing)
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertEqual(r["ResponseMetadata"]["RetryAttempts"], 2)
        self.assertEqual(read_shadow(r)["state"], {"reported": {"a": 1}})

    def test_c26_standard_mode_gives_up_after_three(self):
        self.iot.update_thing_shadow(thingName=self.thing, payload=b'{"state":{"reported":{"a":1}}}')
        self.sandbox.set_faults({"rules": [{"operations": ["GetThingShadow"], "kind": "status", "status": 429,
                                            "count": 3}]})
        client = self.sandbox.client(retry_mode="standard", max_attempts=3)
        err = self.assertClientError("ThrottlingException", 429, client.get_thing_shadow, thingName=self.thing,
                                     exception=client.exceptions.ThrottlingException)
        self.assertEqual(err.response["ResponseMetadata"]["RetryAttempts"], 2)
        self.assertEqual(read_shadow(client.get_thing_shadow(thingName=self.thing))["version"], 1)

    def test_c26_legacy_mode_retries_throttling(self):
        self.iot.update_thing_shadow(thingName=self.thing, payload=b'{"state":{"reported":{"a":1}}}')
        self.sandbox.set_faults({"rules": [{"operations": ["GetThingShadow"], "kind": "status", "status": 429,
                                            "count": 2}]})
        client = self.sandbox.client(retry_mode="legacy", max_attempts=5)
        r = client.get_thing_shadow(thingName=self.thing)
        self.assertEqual(r["ResponseMetadata"]["RetryAttempts"], 2)
        self.assertEqual(read_shadow(r)["version"], 1)

    def test_c26_rejected_attempts_have_no_side_effects(self):
        # A throttled/failed attempt must not have been applied, or a retried update lands twice.
        self.sandbox.set_faults({"rules": [{"operations": ["UpdateThingShadow", "Publish"], "kind": "status",
                                            "status": 429, "count": 2}]})
        client = self.sandbox.client(retry_mode="standard", max_attempts=3)
        r = client.update_thing_shadow(thingName=self.thing, payload=b'{"state":{"reported":{"a":1}}}')
        self.assertEqual(r["ResponseMetadata"]["RetryAttempts"], 2)
        self.assertEqual(read_shadow(r)["version"], 1)
        self.sandbox.set_faults({"rules": [{"operations": ["UpdateThingShadow"], "kind": "status", "status": 500,
                                            "count": 1}]})
        self.assertClientError("InternalFailureException", 500, self.iot.update_thing_shadow, thingName=self.thing,
                               payload=b'{"state":{"reported":{"a":2}}}')
        doc = read_shadow(self.iot.get_thing_shadow(thingName=self.thing))
        self.assertEqual((doc["version"], doc["state"]), (1, {"reported": {"a": 1}}))

    def test_c26_server_errors_retried(self):
        self.iot.update_thing_shadow(thingName=self.thing, payload=b'{"state":{"reported":{"a":1}}}')
        self.sandbox.set_faults({"rules": [{"operations": ["GetThingShadow"], "kind": "status", "status": 500,
                                            "count": 1},
                                           {"operations": ["GetThingShadow"], "kind": "status", "status": 503,
                                            "count": 1}]})
        client = self.sandbox.client(retry_mode="standard", max_attempts=3)
        r = client.get_thing_shadow(thingName=self.thing)
        self.assertEqual(r["ResponseMetadata"]["RetryAttempts"], 2)

    def test_c26_forbidden_never_retried(self):
        for mode, attempts in (("standard", 3), ("legacy", 5)):
            with self.subTest(mode=mode):
                client = self.sandbox.client(secret_key="not-the-secret", retry_mode=mode, max_attempts=attempts)
                err = self.assertClientError("ForbiddenException", 403, client.get_thing_shadow, thingName=self.thing)
                self.assertEqual(err.response["ResponseMetadata"]["RetryAttempts"], 0)

    def test_client_errors_never_retried(self):
        client = self.sandbox.client(retry_mode="standard", max_attempts=3)
        err = self.assertClientError("ResourceNotFoundException", 404, client.get_thing_shadow, thingName=self.thing)
        self.assertEqual(err.response["ResponseMetadata"]["RetryAttempts"], 0)
        err = self.assertClientError("InvalidRequestException", 400, client.update_thing_shadow, thingName=self.thing,
                                     payload=b"{}")
        self.assertEqual(err.response["ResponseMetadata"]["RetryAttempts"], 0)


class FaultsFromCommandLine(SandboxTestCase):
    SANDBOX_KW = {"faults": {"seed": 1, "rules": [{"operations": ["ListRetainedMessages"], "kind": "status",
                                                   "status": 503, "count": 1}]}}

    def test_inline_fault_plan(self):
        self.assertClientError("ServiceUnavailableException", 503, self.iot.list_retained_messages)
        self.iot.list_retained_messages()


class FaultsFromFile(SandboxTestCase):
    @classmethod
    def sandbox_kwargs(cls):
        fd, path = tempfile.mkstemp(suffix=".json")
        with os.fdopen(fd, "w") as f:
            json.dump({"rules": [{"operations": ["ListRetainedMessages"], "kind": "status", "status": 429,
                                  "count": 1}]}, f)
        cls.plan_path = path
        return {"faults": path}

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        os.unlink(cls.plan_path)

    def test_fault_plan_file(self):
        self.assertClientError("ThrottlingException", 429, self.iot.list_retained_messages)
        self.iot.list_retained_messages()


if __name__ == "__main__":
    sandbox.main()
