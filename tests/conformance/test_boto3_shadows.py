#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Device-shadow semantics through boto3 (IOT-DATA-PLANE.md sections 3 and 4; C5-C20)."""

import json
import threading
import time
import uuid

import botocore.exceptions

import sandbox
from sandbox import SandboxTestCase, compact, read_shadow


def nest(levels):
    """An object nesting `levels` levels deep when the object itself is level 1."""
    value = {"leaf": 1}
    for _ in range(levels - 1):
        value = {"k": value}
    return value


class ShadowTestCase(SandboxTestCase):
    def setUp(self):
        # Unique thing per test: one emulator per class, no cross-test interference.
        self.thing = "t-%s" % uuid.uuid4().hex[:12]

    def update(self, doc, thing=None, name=None):
        kw = {"thingName": thing or self.thing, "payload": json.dumps(doc).encode("utf-8")}
        if name is not None:
            kw["shadowName"] = name
        return read_shadow(self.iot.update_thing_shadow(**kw))

    def get(self, thing=None, name=None):
        kw = {"thingName": thing or self.thing}
        if name is not None:
            kw["shadowName"] = name
        return read_shadow(self.iot.get_thing_shadow(**kw))

    def delete(self, thing=None, name=None):
        kw = {"thingName": thing or self.thing}
        if name is not None:
            kw["shadowName"] = name
        return read_shadow(self.iot.delete_thing_shadow(**kw))

    def update_error(self, body, code, status, message=None, name=None):
        kw = {"thingName": self.thing, "payload": body if isinstance(body, bytes) else body.encode("utf-8")}
        if name is not None:
            kw["shadowName"] = name
        return self.assertClientError(code, status, self.iot.update_thing_shadow,
                                      exception=getattr(self.iot.exceptions, code), message=message, **kw)


class ClassicShadowLifecycle(ShadowTestCase):
    """C5-C8 on thing lamp-01, in order, plus the shape of every response."""

    def test_c5_to_c8_sequence(self):
        thing = "lamp-01"
        # C5
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_thing_shadow, thingName=thing,
                               exception=self.iot.exceptions.ResourceNotFoundException,
                               message="No shadow exists with name: 'lamp-01'")
        # C6
        before = time.time()
        up = self.update({"state": {"desired": {"color": "RED"}}, "clientToken": "c1"}, thing=thing)
        self.assertEqual(up["state"], {"desired": {"color": "RED"}})
        self.assertEqual(up["version"], 1)
        self.assertEqual(up["clientToken"], "c1")
        self.assertNotIn("delta", up["state"])
        self.assertEqual(set(up), {"state", "metadata", "version", "timestamp", "clientToken"})
        t_color = up["metadata"]["desired"]["color"]["timestamp"]
        self.assertTimestamp(t_color, before)
        self.assertTimestamp(up["timestamp"], before)
        # C7
        got = self.get(thing=thing)
        self.assertEqual(got["state"], {"desired": {"color": "RED"}, "delta": {"color": "RED"}})
        self.assertNotIn("clientToken", got)
        self.assertEqual(got["version"], 1)
        self.assertEqual(got["metadata"]["desired"]["color"]["timestamp"], t_color)
        self.assertTimestamp(got["timestamp"], before)
        self.assertGreaterEqual(got["timestamp"], t_color)
        # C8
        up = self.update({"state": {"reported": {"color": "RED", "engine": "ON"}}}, thing=thing)
        self.assertEqual(up["version"], 2)
        self.assertEqual(up["state"], {"reported": {"color": "RED", "engine": "ON"}})
        self.assertNotIn("clientToken", up)
        self.assertEqual(set(up["metadata"]), {"reported"})
        got = self.get(thing=thing)
        self.assertEqual(got["state"], {"desired": {"color": "RED"}, "reported": {"color": "RED", "engine": "ON"}})
        self.assertNotIn("delta", got["state"])
        self.assertEqual(got["metadata"]["desired"]["color"]["timestamp"], t_color)
        self.assertEqual(got["version"], 2)


class MergeAndDelta(ShadowTestCase):
    def test_c9_nested_delta_carries_path(self):
        self.update({"state": {"desired": {"lights": {"color": {"r": 255, "g": 255, "b": 255}}},
                               "reported": {"lights": {"color": {"r": 255, "g": 0, "b": 255}}}}})
        self.assertEqual(self.get()["state"]["delta"], {"lights": {"color": {"g": 255}}})

    def test_c10_arrays_are_values_and_metadata_per_element(self):
        self.update({"state": {"reported": {"list": ["v1", "v2"]}}})
        self.update({"state": {"desired": {"list": ["v1"]}}})
        got = self.get()
        self.assertEqual(got["state"]["delta"], {"list": ["v1"]})
        meta = got["metadata"]["reported"]["list"]
        self.assertIsInstance(meta, list)
        self.assertEqual(len(meta), 2)
        for m in meta:
            self.assertEqual(set(m), {"timestamp"})
            self.assertTimestamp(m["timestamp"])
        self.assertEqual(len(got["metadata"]["desired"]["list"]), 1)

    def test_array_replaced_wholesale(self):
        self.update({"state": {"desired": {"colors": ["RED", "GREEN", "BLUE"]}}})
        self.update({"state": {"desired": {"colors": ["RED"]}}})
        self.assertEqual(self.get()["state"]["desired"], {"colors": ["RED"]})

    def test_array_order_matters_for_delta(self):
        self.update({"state": {"desired": {"a": [1, 2]}, "reported": {"a": [2, 1]}}})
        self.assertEqual(self.get()["state"]["delta"], {"a": [1, 2]})
        self.update({"state": {"reported": {"a": [1, 2]}}})
        self.assertNotIn("delta", self.get()["state"])

    def test_c11_null_removes_key_and_empty_section(self):
        self.update({"state": {"desired": {"color": "RED"}, "reported": {"on": True}}})
        up = self.update({"state": {"desired": {"color": None}}})
        self.assertEqual(up["version"], 2)
        got = self.get()
        self.assertNotIn("desired", got["state"])
        self.assertNotIn("desired", got["metadata"])
        self.assertEqual(got["state"], {"reported": {"on": True}})

    def test_section_null_removes_section(self):
        self.update({"state": {"desired": {"a": 1, "b": 2}, "reported": {"a": 1}}})
        self.update({"state": {"desired": None}})
        got = self.get()
        self.assertEqual(got["state"], {"reported": {"a": 1}})

    def test_recursive_merge_keeps_untouched_keys(self):
        self.update({"state": {"reported": {"net": {"ip": "10.0.0.2", "rssi": -60}, "fw": "1.0"}}})
        self.update({"state": {"reported": {"net": {"rssi": -55}}}})
        self.assertEqual(self.get()["state"]["reported"], {"net": {"ip": "10.0.0.2", "rssi": -55}, "fw": "1.0"})

    def test_scalar_replaced_by_object_and_back(self):
        self.update({"state": {"reported": {"x": 1}}})
        self.update({"state": {"reported": {"x": {"d": 3}}}})
        self.assertEqual(self.get()["state"]["reported"], {"x": {"d": 3}})
        self.update({"state": {"reported": {"x": "s"}}})
        self.assertEqual(self.get()["state"]["reported"], {"x": "s"})
        self.update({"state": {"reported": {"x": {}}}})
        self.assertEqual(self.get()["state"]["reported"], {"x": {}})

    def test_nested_empty_object_is_stored_and_in_delta(self):
        self.update({"state": {"desired": {"d": {}}}})
        got = self.get()
        self.assertEqual(got["state"]["desired"], {"d": {}})
        self.assertEqual(got["state"]["delta"], {"d": {}})
        self.assertEqual(got["metadata"]["desired"]["d"], {})  # [R] metadata of {} is {}

    def test_empty_desired_on_new_shadow_gives_empty_state(self):
        up = self.update({"state": {"desired": {}}})
        self.assertEqual(up["version"], 1)
        got = self.get()
        self.assertEqual(got["state"], {})
        self.assertEqual(got["version"], 1)

    def test_state_empty_object_creates_shadow(self):
        up = self.update({"state": {}})
        self.assertEqual(up["version"], 1)
        got = self.get()
        self.assertEqual(got["state"], {})
        self.assertEqual(got["metadata"], {})

    def test_no_delta_when_in_sync_with_various_types(self):
        doc = {"mode": "heat", "sp": 21.5, "on": True, "tags": ["a", "b"], "fan": {"speed": "auto", "n": [1, [2, 3]]}}
        self.update({"state": {"desired": doc, "reported": dict(doc, extra=1)}})
        got = self.get()
        self.assertNotIn("delta", got["state"])
        self.assertEqual(got["state"]["desired"], doc)

    def test_delta_only_for_desired_keys(self):
        self.update({"state": {"desired": {"a": 1}, "reported": {"a": 1, "b": 2}}})
        self.assertNotIn("delta", self.get()["state"])
        self.update({"state": {"reported": {"a": None}}})
        self.assertEqual(self.get()["state"]["delta"], {"a": 1})

    def test_numeric_equality_by_value(self):
        # Spec 3.5 [R]: 1 and 1.0 compare equal.
        self.update({"state": {"desired": {"n": 1}, "reported": {"n": 1.0}}})
        self.assertNotIn("delta", self.get()["state"])

    def test_unicode_and_escapes_round_trip(self):
        doc = {"name": "Besprechungsraum Süd ☃", "quote": "a \"b\" \\ c", "nl": "x\ny"}
        self.update({"state": {"reported": doc}})
        self.assertEqual(self.get()["state"]["reported"], doc)

    def test_other_top_level_members_ignored(self):
        up = self.update({"state": {"reported": {"a": 1}}, "whatever": {"x": 1}})
        self.assertNotIn("whatever", up)
        self.assertNotIn("whatever", self.get())

    def test_desired_never_cleared_when_equal(self):
        self.update({"state": {"desired": {"a": 1}}})
        self.update({"state": {"reported": {"a": 1}}})
        self.assertEqual(self.get()["state"]["desired"], {"a": 1})


class Metadata(ShadowTestCase):
    def test_per_leaf_timestamps_survive_unrelated_updates(self):
        # Timestamps are whole seconds: wait for the clock to tick by polling the emulator's own
        # clock (the top-level timestamp of GET), bounded, instead of sleeping a fixed time.
        up1 = self.update({"state": {"reported": {"ID": "SmartLamp21", "ColorRGB": [128, 128, 128], "net": {"ip": "1"}}}})
        t0 = up1["metadata"]["reported"]["ID"]["timestamp"]
        deadline = time.monotonic() + 3.0
        while self.get()["timestamp"] <= t0 and time.monotonic() < deadline:
            time.sleep(0.05)
        up2 = self.update({"state": {"reported": {"ColorRGB": [255, 255, 0]}}})
        self.assertEqual(set(up2["metadata"]["reported"]), {"ColorRGB"})
        got = self.get()
        meta = got["metadata"]["reported"]
        self.assertEqual(meta["ID"]["timestamp"], t0)
        self.assertEqual(meta["net"]["ip"]["timestamp"], t0)
        t1 = up2["metadata"]["reported"]["ColorRGB"][0]["timestamp"]
        self.assertGreater(t1, t0)
        self.assertEqual([m["timestamp"] for m in meta["ColorRGB"]], [t1, t1, t1])

    def test_metadata_mirrors_state_tree(self):
        self.update({"state": {"desired": {"a": {"b": {"c": 1}}, "s": "x"}, "reported": {"z": False}}})
        got = self.get()
        md = got["metadata"]
        self.assertEqual(set(md), {"desired", "reported"})
        self.assertTimestamp(md["desired"]["a"]["b"]["c"]["timestamp"])
        self.assertTimestamp(md["desired"]["s"]["timestamp"])
        self.assertTimestamp(md["reported"]["z"]["timestamp"])
        self.assertNotIn("delta", md)

    def test_update_response_contains_only_sent_fields(self):
        self.update({"state": {"desired": {"a": 1, "b": 2}, "reported": {"a": 0}}})
        up = self.update({"state": {"desired": {"b": 3}}})
        self.assertEqual(up["state"], {"desired": {"b": 3}})
        self.assertEqual(set(up["metadata"]["desired"]), {"b"})
        self.assertNotIn("reported", up["metadata"])

    def test_null_leaf_echoed_in_update_response(self):
        # Spec 3.8 [R]: null leaves of a deletion request are echoed as sent.
        self.update({"state": {"desired": {"a": 1, "b": 2}}})
        up = self.update({"state": {"desired": {"a": None}}})
        self.assertEqual(up["state"], {"desired": {"a": None}})
        self.assertTimestamp(up["metadata"]["desired"]["a"]["timestamp"])


class VersionsAndNullState(ShadowTestCase):
    def test_c12_state_null(self):
        self.update({"state": {"desired": {"a": 1}, "reported": {"a": 2}}})
        up = self.update({"state": None})
        self.assertIsNone(up["state"])
        self.assertEqual(up["metadata"], {"timestamp": up["timestamp"]})
        self.assertEqual(up["version"], 2)
        got = self.get()
        self.assertEqual(got["state"], {})
        self.assertEqual(got["metadata"], {})
        self.assertEqual(got["version"], 2)
        up = self.update({"state": {"reported": {"x": 1}}})
        self.assertEqual(up["version"], 3)

    def test_c13_version_conflict(self):
        self.update({"state": {"desired": {"a": 1}}})
        self.update({"state": {"desired": {"a": 2}}})
        self.update_error(json.dumps({"state": {"desired": {"a": 99}}, "version": 1}),
                          "ConflictException", 409, "Version conflict")
        got = self.get()
        self.assertEqual(got["version"], 2)
        self.assertEqual(got["state"]["desired"], {"a": 2})
        up = self.update({"state": {"desired": {"a": 3}}, "version": 2})
        self.assertEqual(up["version"], 3)

    def test_version_on_absent_shadow_must_be_zero(self):
        # Spec 3.9 [R]: compare with tombstone version, or 0 if none.
        self.update_error(json.dumps({"state": {"desired": {"a": 1}}, "version": 5}), "ConflictException", 409,
                          "Version conflict")
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_thing_shadow, thingName=self.thing)

    def test_version_increments_by_one_per_update(self):
        versions = [self.update({"state": {"reported": {"n": i}}})["version"] for i in range(5)]
        self.assertEqual(versions, [1, 2, 3, 4, 5])
        self.assertEqual(self.update({"state": {}})["version"], 6)  # [R] no-op update still bumps

    def test_client_token_64_bytes_accepted(self):
        up = self.update({"state": {"reported": {"a": 1}}, "clientToken": "x" * 64})
        self.assertEqual(up["clientToken"], "x" * 64)


class Concurrency(ShadowTestCase):
    def test_parallel_updates_get_distinct_consecutive_versions(self):
        threads, per_thread = 4, 15
        results, errors = [], []

        def worker(w):
            client = self.sandbox.client()
            try:
                for i in range(per_thread):
                    doc = {"state": {"reported": {"w%d" % w: i}}}
                    results.append(read_shadow(client.update_thing_shadow(
                        thingName=self.thing, payload=json.dumps(doc).encode()))["version"])
            except Exception as e:  # reported below, in the main thread
                errors.append(e)

        pool = [threading.Thread(target=worker, args=(w,)) for w in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join(timeout=60)
        self.assertEqual(errors, [])
        self.assertEqual(sorted(results), list(range(1, threads * per_thread + 1)))
        got = self.get()
        self.assertEqual(got["version"], threads * per_thread)
        self.assertEqual(got["state"]["reported"], {"w%d" % w: per_thread - 1 for w in range(threads)})


class DeleteAndTombstones(ShadowTestCase):
    def test_c18_delete_tombstone_and_recreate(self):
        self.update({"state": {"desired": {"color": "RED"}}})
        self.update({"state": {"reported": {"color": "RED"}}})
        before = time.time()
        deleted = self.delete()
        self.assertEqual(set(deleted), {"version", "timestamp"})
        self.assertEqual(deleted["version"], 2)
        self.assertTimestamp(deleted["timestamp"], before)
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_thing_shadow, thingName=self.thing,
                               exception=self.iot.exceptions.ResourceNotFoundException,
                               message="No shadow exists with name: '%s'" % self.thing)
        self.assertClientError("ResourceNotFoundException", 404, self.iot.delete_thing_shadow, thingName=self.thing,
                               exception=self.iot.exceptions.ResourceNotFoundException)
        up = self.update({"state": {"reported": {"color": "BLUE"}}})
        self.assertEqual(up["version"], 3)
        got = self.get()
        self.assertEqual(got["state"], {"reported": {"color": "BLUE"}})
        self.assertNotIn("desired", got["metadata"])

    def test_delete_named_shadow(self):
        self.update({"state": {"reported": {"a": 1}}}, name="cfg")
        self.update({"state": {"reported": {"a": 1}}})
        self.assertEqual(self.delete(name="cfg")["version"], 1)
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_thing_shadow, thingName=self.thing,
                               shadowName="cfg", message="No shadow exists with name: 'cfg'")
        self.assertEqual(self.get()["state"], {"reported": {"a": 1}})  # classic untouched
        self.assertEqual(self.iot.list_named_shadows_for_thing(thingName=self.thing)["results"], [])
        self.assertEqual(self.update({"state": {"reported": {"a": 2}}}, name="cfg")["version"], 2)
        self.assertEqual(self.iot.list_named_shadows_for_thing(thingName=self.thing)["results"], ["cfg"])

    def test_delete_absent(self):
        self.assertClientError("ResourceNotFoundException", 404, self.iot.delete_thing_shadow, thingName=self.thing)

    def test_version_lock_against_tombstone(self):
        self.update({"state": {"reported": {"a": 1}}})
        self.update({"state": {"reported": {"a": 2}}})
        self.delete()
        self.update_error(json.dumps({"state": {"reported": {"a": 3}}, "version": 0}), "ConflictException", 409)
        self.assertEqual(self.update({"state": {"reported": {"a": 3}}, "version": 2})["version"], 3)


class NamedShadows(ShadowTestCase):
    def test_named_and_classic_are_independent(self):
        self.update({"state": {"desired": {"mode": "classic"}}})
        up = self.update({"state": {"desired": {"mode": "named"}}}, name="config")
        self.assertEqual(up["version"], 1)
        self.assertEqual(self.get()["state"]["desired"], {"mode": "classic"})
        self.assertEqual(self.get(name="config")["state"]["desired"], {"mode": "named"})
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_thing_shadow, thingName=self.thing,
                               shadowName="firmware", message="No shadow exists with name: 'firmware'")

    def test_shadow_name_characters(self):
        for name in ("s:1", "a_b-c", "X" * 64):
            self.update({"state": {"reported": {"n": name}}}, name=name)
            self.assertEqual(self.get(name=name)["state"]["reported"], {"n": name})

    def test_dollar_shadow_name_accepted(self):
        # Spec 1.1: the emulator SHOULD accept the newer pattern [$a-zA-Z0-9:_-]+.
        self.update({"state": {"reported": {"v": 1}}}, name="$package")
        self.assertEqual(self.get(name="$package")["state"]["reported"], {"v": 1})

    def test_c19_list_paginates_with_page_size_1(self):
        self.update({"state": {"reported": {"a": 1}}})
        self.update({"state": {"reported": {"a": 1}}}, name="s1")
        self.update({"state": {"reported": {"a": 1}}}, name="s2")
        p1 = self.iot.list_named_shadows_for_thing(thingName=self.thing, pageSize=1)
        self.assertEqual(p1["results"], ["s1"])
        self.assertIn("nextToken", p1)
        self.assertTimestamp(p1["timestamp"])
        p2 = self.iot.list_named_shadows_for_thing(thingName=self.thing, pageSize=1, nextToken=p1["nextToken"])
        self.assertEqual(p2["results"], ["s2"])
        self.assertNotIn("nextToken", p2)
        self.assertTimestamp(p2["timestamp"])

    def test_list_manual_next_token_loop(self):
        names = ["n%02d" % i for i in range(23)] + ["a:b", "Z_9", "x-y"]
        for n in names:
            self.update({"state": {"desired": {"n": n}}}, name=n)
        self.update({"state": {"desired": {"classic": True}}})
        self.assertFalse(self.iot.can_paginate("list_named_shadows_for_thing"))
        seen, token, pages = [], None, 0
        while pages < 20:
            kw = {"thingName": self.thing, "pageSize": 5}
            if token:
                kw["nextToken"] = token
            page = self.iot.list_named_shadows_for_thing(**kw)
            pages += 1
            self.assertLessEqual(len(page["results"]), 5)
            seen += page["results"]
            token = page.get("nextToken")
            if not token:
                break
        self.assertEqual(pages, 6)
        self.assertEqual(sorted(seen), sorted(names))
        self.assertEqual(len(seen), len(set(seen)))
        self.assertEqual(seen, sorted(names, key=lambda s: s.encode("utf-8")))
        everything = self.iot.list_named_shadows_for_thing(thingName=self.thing)
        self.assertEqual(len(everything["results"]), len(names))  # default page size 100
        self.assertNotIn("nextToken", everything)

    def test_c20_unknown_thing_lists_empty(self):
        r = self.iot.list_named_shadows_for_thing(thingName="ghost")
        self.assertEqual(r["results"], [])
        self.assertNotIn("nextToken", r)
        self.assertTimestamp(r["timestamp"])

    def test_classic_only_lists_empty(self):
        self.update({"state": {"reported": {"a": 1}}})
        self.assertEqual(self.iot.list_named_shadows_for_thing(thingName=self.thing)["results"], [])

    def test_page_size_limits(self):
        with self.assertRaises(botocore.exceptions.ParamValidationError):
            self.iot.list_named_shadows_for_thing(thingName=self.thing, pageSize=0)
        self.assertClientError("InvalidRequestException", 400, self.iot.list_named_shadows_for_thing,
                               thingName=self.thing, pageSize=101)
        self.assertEqual(self.iot.list_named_shadows_for_thing(thingName=self.thing, pageSize=100)["results"], [])

    def test_bad_next_token(self):
        self.update({"state": {"reported": {"a": 1}}}, name="s1")
        self.assertClientError("InvalidRequestException", 400, self.iot.list_named_shadows_for_thing,
                               thingName=self.thing, nextToken="%%not-a-token%%")

    def test_unregistered_thing_allowed(self):
        # No registry check on the data plane (spec 2.4): any valid name works.
        self.assertEqual(self.update({"state": {"reported": {"a": 1}}}, thing="never-registered-thing")["version"], 1)


class Validation(ShadowTestCase):
    def test_c14_messages(self):
        cases = [
            ("not json", "Invalid JSON"),
            ("{}", "Missing required node: state"),
            ('{"state":"x"}', "State node must be an object"),
            ('{"state":5}', "State node must be an object"),
            ('{"state":[1]}', "State node must be an object"),
            ('{"state":{"delta":{}}}', "State contains an invalid node"),
            ('{"state":{"desired":{},"foo":1}}', "State contains an invalid node"),
            ('{"state":{"desired":"x"}}', "Desired node must be an object"),
            ('{"state":{"desired":[1]}}', "Desired node must be an object"),
            ('{"state":{"reported":3}}', "Reported node must be an object"),
            ('{"state":{"reported":{}},"version":"2"}', "Invalid version"),
            ('{"state":{"reported":{}},"version":1.5}', "Invalid version"),
            ('{"state":{"desired":{"a":[1,null]}}}', "Invalid JSON"),
            ("[1,2]", None),
            ('{"state":{"desired":{"a":1}}', "Invalid JSON"),
        ]
        for body, message in cases:
            with self.subTest(body=body):
                self.update_error(body, "InvalidRequestException", 400, message)
        self.assertClientError("ResourceNotFoundException", 404, self.iot.get_thing_shadow, thingName=self.thing)

    def test_c15_client_token_too_long(self):
        self.update_error(json.dumps({"state": {"reported": {"a": 1}}, "clientToken": "x" * 65}),
                          "InvalidRequestException", 400, "Invalid clientToken")

    def test_c16_invalid_utf8(self):
        self.update_error(b'{"state":{"desired":{"a":"\xff"}}}', "UnsupportedDocumentEncodingException", 415,
                          "Unsupported documented encoding; supported encoding is UTF-8")

    def test_depth_limit_default_8(self):
        up = self.update({"state": {"desired": nest(8)}})
        self.assertEqual(up["version"], 1)
        self.update_error(json.dumps({"state": {"desired": nest(9)}}), "InvalidRequestException", 400,
                          "JSON contains too many levels of nesting; maximum is 8")
        self.update_error(json.dumps({"state": {"reported": nest(9)}}), "InvalidRequestException", 400,
                          "JSON contains too many levels of nesting; maximum is 8")
        self.assertEqual(self.get()["version"], 1)

    def test_c17_size_limit_counted_after_merge(self):
        # reported alone ~5 KB; the desired update alone is small enough, but the merged
        # stored document {"desired":...,"reported":...} would be exactly 8193 bytes.
        reported = {"pad": "r" * 5000}
        self.update({"state": {"reported": reported}})

        def doc_size(desired):
            return len(compact({"desired": desired, "reported": reported}).encode("utf-8"))

        base = doc_size({"pad": ""})
        too_big = {"pad": "d" * (8193 - base)}
        just_fits = {"pad": "d" * (8192 - base)}
        self.assertEqual(doc_size(too_big), 8193)
        self.assertEqual(doc_size(just_fits), 8192)
        self.assertLess(len(compact({"desired": too_big}).encode("utf-8")), 8192)
        self.update_error(json.dumps({"state": {"desired": too_big}}), "RequestEntityTooLargeException", 413,
                          "The payload exceeds the maximum size allowed")
        got = self.get()
        self.assertEqual(got["version"], 1)
        self.assertEqual(got["state"], {"reported": reported})
        self.assertEqual(self.update({"state": {"desired": just_fits}})["version"], 2)
        # Metadata does not count: a further no-growth update still fits.
        self.assertEqual(self.update({"state": {"desired": {"pad": just_fits["pad"].upper()}}})["version"], 3)

    def test_size_counts_utf8_bytes(self):
        # 2,800 '€' are 8,400 bytes of UTF-8 (but 2,800 characters).
        self.update_error(json.dumps({"state": {"reported": {"e": "€" * 2800}}}, ensure_ascii=False).encode("utf-8"),
                          "RequestEntityTooLargeException", 413)

    def test_thing_name_rules(self):
        for bad in ("a/b", "a%b", "a b", "café", "a+b", "a#b", "a.b", "x" * 129):
            with self.subTest(thing=bad):
                self.assertClientError("InvalidRequestException", 400, self.iot.update_thing_shadow, thingName=bad,
                                       payload=b'{"state":{"reported":{"a":1}}}',
                                       exception=self.iot.exceptions.InvalidRequestException)
        ok = "A:b_c-" + "x" * 122
        self.assertEqual(len(ok), 128)
        self.assertEqual(self.update({"state": {"reported": {"a": 1}}}, thing=ok)["version"], 1)
        self.assertEqual(self.get(thing=ok)["state"]["reported"], {"a": 1})

    def test_shadow_name_rules(self):
        for bad in ("bad name", "a/b", "a.b", "é", "x" * 65):
            with self.subTest(shadow=bad):
                self.assertClientError("InvalidRequestException", 400, self.iot.update_thing_shadow,
                                       thingName=self.thing, shadowName=bad, payload=b'{"state":{}}')


class DepthConfigured(ShadowTestCase):
    SANDBOX_KW = {"max_depth": 6}

    def test_max_depth_option(self):
        self.update({"state": {"desired": nest(6)}})
        self.update_error(json.dumps({"state": {"desired": nest(7)}}), "InvalidRequestException", 400,
                          "JSON contains too many levels of nesting; maximum is 6")


if __name__ == "__main__":
    sandbox.main()
