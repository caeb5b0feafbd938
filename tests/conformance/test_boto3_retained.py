#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Publish and retained messages through boto3 (IOT-DATA-PLANE.md 2.2, 2.4, 4; C1, C21, C22, C24, C27)."""

import base64
import json
import time
import uuid

import sandbox
from sandbox import SandboxTestCase, label


def now_ms():
    return int(time.time() * 1000)


class WireCapture:
    """Records what boto3 puts on the wire (before-send), without changing it."""

    def __init__(self, client, op):
        self.requests = []
        client.meta.events.register("before-send.iot-data.%s" % op, self._record)

    def _record(self, request, **kwargs):
        self.requests.append({"method": request.method, "url": request.url,
                              "headers": {k.lower(): (v.decode() if isinstance(v, bytes) else v)
                                          for k, v in request.headers.items()}})


class RetainedTestCase(SandboxTestCase):
    def setUp(self):
        self.prefix = "t%s" % uuid.uuid4().hex[:10]

    def topics_listed(self):
        pages = self.iot.get_paginator("list_retained_messages").paginate(PaginationConfig={"PageSize": 200})
        return {m["topic"]: m for p in pages for m in p["retainedTopics"]}

    def raw_get_retained(self, topic):
        r = self.sandbox.raw("GET", "/retainedMessage/" + label(topic))
        self.assertEqual(r.status, 200, r)
        return r.json()


class PublishAndRetain(RetainedTestCase):
    def test_c1_topic_with_slashes_and_space(self):
        cap = WireCapture(self.iot, "Publish")
        topic = "sensors/room 1/temp"
        self.iot.publish(topic=topic, qos=1, retain=True, payload=b'{"t":21.5}')
        url = cap.requests[-1]["url"]
        self.assertTrue(url.endswith("/topics/sensors%2Froom%201%2Ftemp?qos=1&retain=true"), url)
        listed = self.topics_listed()
        self.assertIn(topic, listed)
        self.assertNotIn("sensors/room%201/temp", listed)
        got = self.iot.get_retained_message(topic=topic)
        self.assertEqual(got["topic"], topic)
        self.assertEqual(got["payload"], b'{"t":21.5}')
        self.assertEqual(got["qos"], 1)

    def test_c21_list_and_get(self):
        start = now_ms()
        topic = "a/b"
        self.iot.publish(topic=topic, retain=True, qos=1, payload=b"hello", userProperties=[{"a": "b"}])
        entry = self.topics_listed()[topic]
        self.assertEqual(set(entry), {"topic", "payloadSize", "qos", "lastModifiedTime"})
        self.assertEqual(entry["payloadSize"], 5)
        self.assertEqual(entry["qos"], 1)
        self.assertIsInstance(entry["lastModifiedTime"], int)
        self.assertGreaterEqual(entry["lastModifiedTime"], start - 1000)
        self.assertLessEqual(entry["lastModifiedTime"], now_ms() + 1000)
        got = self.iot.get_retained_message(topic=topic)
        self.assertEqual(got["payload"], b"hello")
        self.assertEqual(self.sandbox.retained_user_properties(topic), b'[{"a":"b"}]')
        self.assertEqual(got["lastModifiedTime"], entry["lastModifiedTime"])
        raw = self.raw_get_retained(topic)
        self.assertEqual(raw["topic"], "a/b")
        self.assertEqual(raw["payload"], "aGVsbG8=")
        self.assertEqual(raw["userProperties"], "W3siYSI6ImIifV0=")
        self.assertEqual(raw["qos"], 1)
        self.assertEqual(raw["lastModifiedTime"], entry["lastModifiedTime"])

    def test_c22_empty_retained_payload_deletes(self):
        topic = self.prefix + "/a/b"
        self.iot.publish(topic=topic, retain=True, qos=1, payload=b"x")
        self.assertEqual(self.iot.get_retained_message(topic=topic)["payload"], b"x")
        r = self.iot.publish(topic=topic, retain=True, payload=b"")
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_retained_message, topic=topic,
                               exception=self.iot.exceptions.ResourceNotFoundException)
        self.assertNotIn(topic, self.topics_listed())

    def test_empty_retained_payload_on_absent_topic(self):
        r = self.iot.publish(topic=self.prefix + "/never", retain=True, payload=b"")
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)

    def test_non_retained_publish_stores_nothing_and_keeps_retained(self):
        topic = self.prefix + "/live"
        self.iot.publish(topic=topic, qos=1, payload=b"ephemeral")
        self.iot.publish(topic=topic, payload=b"")  # empty, not retained: plain publish
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_retained_message, topic=topic)
        self.iot.publish(topic=topic, retain=True, payload=b"kept")
        self.iot.publish(topic=topic, retain=False, payload=b"not kept")
        self.iot.publish(topic=topic, payload=b"")
        self.assertEqual(self.iot.get_retained_message(topic=topic)["payload"], b"kept")

    def test_replace_and_qos0(self):
        topic = self.prefix + "/replace"
        self.iot.publish(topic=topic, retain=True, qos=1, payload=b"first")
        t1 = self.iot.get_retained_message(topic=topic)["lastModifiedTime"]
        self.iot.publish(topic=topic, retain=True, payload=b"second!")
        got = self.iot.get_retained_message(topic=topic)
        self.assertEqual(got["payload"], b"second!")
        self.assertEqual(got["qos"], 0)
        self.assertGreaterEqual(got["lastModifiedTime"], t1)
        entry = self.topics_listed()[topic]
        self.assertEqual((entry["payloadSize"], entry["qos"]), (7, 0))
        self.assertIsNone(self.sandbox.retained_user_properties(topic))

    def test_binary_payload_round_trip(self):
        topic = self.prefix + "/bin"
        payload = bytes(range(256)) * 3
        self.iot.publish(topic=topic, retain=True, payload=payload)
        self.assertEqual(self.iot.get_retained_message(topic=topic)["payload"], payload)
        self.assertEqual(self.topics_listed()[topic]["payloadSize"], len(payload))
        raw = self.raw_get_retained(topic)
        self.assertEqual(base64.b64decode(raw["payload"]), payload)

    def test_all_publish_options(self):
        cap = WireCapture(self.iot, "Publish")
        topic = self.prefix + "/opts"
        props = [{"deviceName": "alpha"}, {"deviceCnt": "45"}, {"deviceName": "beta"}]
        r = self.iot.publish(topic=topic, qos=1, retain=True, payload='{"on":true}'.encode(),
                             contentType="application/json", responseTopic=self.prefix + "/reply",
                             messageExpiry=3600, payloadFormatIndicator="UTF8_DATA",
                             correlationData=base64.b64encode(b"req-42").decode(), userProperties=props)
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertTrue(r["ResponseMetadata"].get("RequestId"))
        req = cap.requests[-1]
        self.assertIn("contentType=application%2Fjson", req["url"])
        self.assertIn("messageExpiry=3600", req["url"])
        self.assertEqual(req["headers"]["x-amz-mqtt5-payload-format-indicator"], "UTF8_DATA")
        got = self.iot.get_retained_message(topic=topic)
        self.assertEqual(got["payload"], b'{"on":true}')
        self.assertEqual(json.loads(self.sandbox.retained_user_properties(topic)), props)
        # messageExpiry outside 1..604800 is clamped like MQTT does, not rejected (spec 4 [R]).
        for expiry in (0, 604800, 604801, 10 ** 9):
            self.iot.publish(topic=self.prefix + "/exp", retain=True, messageExpiry=expiry, payload=b"e")
            self.assertEqual(self.iot.get_retained_message(topic=self.prefix + "/exp")["payload"], b"e")
        for indicator in ("UNSPECIFIED_BYTES", "UTF8_DATA"):
            self.iot.publish(topic=self.prefix + "/pfi", payloadFormatIndicator=indicator, payload=b"x")

    def test_c27_user_properties_as_string_are_double_encoded(self):
        # Client pitfall, documented: botocore JSON-serializes the *string*, so the header
        # decodes to a quoted JSON string instead of an array. The emulator must either reject
        # it (400) or store exactly what arrived; it must not silently "fix" it.
        cap = WireCapture(self.iot, "Publish")
        topic = self.prefix + "/c27"
        try:
            self.iot.publish(topic=topic, retain=True, payload=b"p", userProperties='[{"a":"b"}]')
            accepted = True
        except self.iot.exceptions.InvalidRequestException as e:
            self.assertEqual(e.response["ResponseMetadata"]["HTTPStatusCode"], 400)
            accepted = False
        header = cap.requests[-1]["headers"]["x-amz-mqtt5-user-properties"]
        decoded = base64.b64decode(header)
        self.assertEqual(decoded, b'"[{\\"a\\":\\"b\\"}]"')
        self.assertIsInstance(json.loads(decoded), str)
        if accepted:
            self.assertEqual(self.sandbox.retained_user_properties(topic), decoded)
        else:
            self.assertClientError("ResourceNotFoundException", 404, self.iot.get_retained_message, topic=topic)

    def test_get_missing(self):
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_retained_message,
                               topic=self.prefix + "/missing",
                               exception=self.iot.exceptions.ResourceNotFoundException)

    def test_payload_size_limit(self):
        topic = self.prefix + "/big"
        self.iot.publish(topic=topic, retain=True, payload=b"x" * (128 * 1024))
        self.assertEqual(self.topics_listed()[topic]["payloadSize"], 128 * 1024)
        self.assertClientError("RequestEntityTooLargeException", 413, self.iot.publish, topic=topic, retain=True,
                               payload=b"y" * (128 * 1024 + 1),
                               exception=self.iot.exceptions.RequestEntityTooLargeException,
                               message="Message payload exceeds size limit for message type.")
        self.assertEqual(len(self.iot.get_retained_message(topic=topic)["payload"]), 128 * 1024)


class TopicEncoding(RetainedTestCase):
    """Section 2.2: every awkward topic round-trips exactly (routing on the raw path)."""

    AWKWARD = [
        "café/temp",
        "a%2Fb",
        "100% done/ok",
        "%",
        "%25",
        "room 1",
        " leading space",
        "trailing space ",
        "x~y_z-.",
        "q?x=1&y",
        "/leading/slash",
        "trailing/",
        "a//b",
        "日本/温度",
        "emoji/🌡",
        "semi;colon,comma=eq:colon@at!bang*(paren)'",
        "Besprechungsraum Süd/co2",
    ]

    def test_round_trip_exactly(self):
        for topic in self.AWKWARD:
            with self.subTest(topic=topic):
                payload = topic.encode("utf-8")
                self.iot.publish(topic=topic, retain=True, qos=1, payload=payload)
                got = self.iot.get_retained_message(topic=topic)
                self.assertEqual(got["topic"], topic)
                self.assertEqual(got["payload"], payload)
        listed = self.topics_listed()
        for topic in self.AWKWARD:
            self.assertIn(topic, listed)
            self.assertEqual(listed[topic]["payloadSize"], len(topic.encode("utf-8")))

    def test_literal_percent_is_not_decoded_twice(self):
        self.iot.publish(topic="pct/a%2Fb", retain=True, payload=b"literal")
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_retained_message, topic="pct/a/b")
        self.assertEqual(self.iot.get_retained_message(topic="pct/a%2Fb")["payload"], b"literal")
        self.iot.publish(topic="pct/a/b", retain=True, payload=b"slash")
        self.assertEqual(self.iot.get_retained_message(topic="pct/a%2Fb")["payload"], b"literal")
        self.assertEqual(self.iot.get_retained_message(topic="pct/a/b")["payload"], b"slash")


class TopicRules(RetainedTestCase):
    def bad(self, **kw):
        kw.setdefault("payload", b"x")
        return self.assertClientError("InvalidRequestException", 400, self.iot.publish,
                                      exception=self.iot.exceptions.InvalidRequestException, **kw)

    def test_c24_slashes(self):
        self.iot.publish(topic="1/2/3/4/5/6/7/8", retain=True, payload=b"7 slashes")
        self.bad(topic="1/2/3/4/5/6/7/8/9", retain=True)
        self.bad(topic="1/2/3/4/5/6/7/8/9")
        self.assertEqual(self.iot.get_retained_message(topic="1/2/3/4/5/6/7/8")["payload"], b"7 slashes")

    def test_c24_length_in_utf8_bytes(self):
        ok = "é" * 128  # 256 bytes
        self.iot.publish(topic=ok, retain=True, payload=b"256")
        self.assertEqual(self.iot.get_retained_message(topic=ok)["payload"], b"256")
        self.bad(topic=ok + "x", retain=True)  # 257 bytes
        self.bad(topic="t" * 257)

    def test_c24_reserved_and_wildcards(self):
        self.bad(topic="$aws/foo", retain=True)
        self.bad(topic="$aws/things/lamp-01/shadow/update", retain=True,
                 payload=b'{"state":{"reported":{"a":1}}}')
        for topic in ("a/+/b", "a/#", "+", "#", "sensor#1", "a+b"):
            with self.subTest(topic=topic):
                self.bad(topic=topic)
                self.bad(topic=topic, retain=True)
        self.bad(topic=self.prefix + "/ok", responseTopic="replies/+/x")

    def test_qos_range(self):
        self.iot.publish(topic=self.prefix + "/q0", qos=0, payload=b"x")
        self.iot.publish(topic=self.prefix + "/q1", qos=1, payload=b"x")
        self.bad(topic=self.prefix + "/q2", qos=2)


class Pagination(SandboxTestCase):
    """A fresh emulator, so the full listing is exactly what this class published."""

    def test_paginator_across_pages(self):
        topics = ["fleet/%s/m%02d" % (site, i) for site in ("berlin", "lyon") for i in range(11)]
        topics += ["zz/last", "Z/upper", "a b/c", "café/x"]
        for i, t in enumerate(topics):
            self.iot.publish(topic=t, retain=True, qos=i % 2, payload=b"v" * (i + 1))
        self.iot.publish(topic="not/retained", payload=b"x")
        paginator = self.iot.get_paginator("list_retained_messages")
        pages = list(paginator.paginate(PaginationConfig={"PageSize": 5}))
        self.assertEqual(len(pages), 6)  # 26 topics, 5 per page
        for p in pages[:-1]:
            self.assertEqual(len(p["retainedTopics"]), 5)
            self.assertIn("nextToken", p)
        self.assertNotIn("nextToken", pages[-1])
        listed = [m["topic"] for p in pages for m in p["retainedTopics"]]
        self.assertEqual(sorted(listed), sorted(topics))
        self.assertEqual(listed, sorted(topics, key=lambda s: s.encode("utf-8")))  # byte order [R]
        sizes = {m["topic"]: (m["payloadSize"], m["qos"]) for p in pages for m in p["retainedTopics"]}
        for i, t in enumerate(topics):
            self.assertEqual(sizes[t], (i + 1, i % 2))
        # MaxItems with a resume token
        first = paginator.paginate(PaginationConfig={"PageSize": 4, "MaxItems": 10}).build_full_result()
        self.assertEqual(len(first["retainedTopics"]), 10)
        rest = paginator.paginate(PaginationConfig={"PageSize": 4, "StartingToken": first["NextToken"]}).build_full_result()
        self.assertEqual([m["topic"] for m in first["retainedTopics"] + rest["retainedTopics"]], listed)
        # Default page size (200) returns everything in one page.
        one = self.iot.list_retained_messages()
        self.assertEqual(len(one["retainedTopics"]), len(topics))
        self.assertNotIn("nextToken", one)

    def test_max_results_limits(self):
        self.assertEqual(self.iot.list_retained_messages(maxResults=200)["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertClientError("InvalidRequestException", 400, self.iot.list_retained_messages, maxResults=201,
                               exception=self.iot.exceptions.InvalidRequestException)

    def test_bad_token(self):
        self.assertClientError("InvalidRequestException", 400, self.iot.list_retained_messages,
                               nextToken="definitely not a token")


if __name__ == "__main__":
    sandbox.main()
