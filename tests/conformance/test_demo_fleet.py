#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo fleet: the seed file's own rules, then what `--demo` serves."""

import base64
import json
import os
import re
import subprocess
import sys
import time
import unittest

import sandbox
from sandbox import SandboxTestCase, compact, read_shadow

NAME_RE = re.compile(r"^[a-zA-Z0-9:_-]+$")


def load_fleet():
    with open(sandbox.DEMO_FLEET, encoding="utf-8") as f:
        return json.load(f)


def _generator():
    """The fleet generator's own rule helpers (depth, nulls in arrays), loaded from its file."""
    import importlib.util
    path = os.path.join(os.path.dirname(sandbox.DEMO_FLEET), "make-demo-fleet.py")
    spec = importlib.util.spec_from_file_location("make_demo_fleet", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_GENERATOR = _generator()
depth = _GENERATOR.depth
has_null_in_array = _GENERATOR.null_in_array


def delta(desired, reported):
    """Spec 3.5; None when there is no difference."""
    out = {}
    for k, dv in desired.items():
        if k not in reported:
            out[k] = dv
        elif isinstance(dv, dict) and isinstance(reported[k], dict):
            sub = delta(dv, reported[k])
            if sub is not None:
                out[k] = sub
        elif dv != reported[k]:
            out[k] = dv
    return out or None


def shadow_size(s):
    return len(compact({k: s[k] for k in ("desired", "reported") if k in s}).encode("utf-8"))


def payload_bytes(r):
    if "payloadText" in r:
        return r["payloadText"].encode("utf-8")
    if "payloadBase64" in r:
        return base64.b64decode(r["payloadBase64"], validate=True)
    return compact(r["payloadJson"]).encode("utf-8")


class FleetFileRules(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fleet = load_fleet()

    def test_file_is_small_and_generated(self):
        self.assertLess(os.path.getsize(sandbox.DEMO_FLEET), 400 * 1024)
        gen = os.path.join(os.path.dirname(sandbox.DEMO_FLEET), "make-demo-fleet.py")
        p = subprocess.run([sys.executable, gen, "--check"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=60, check=False)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual(set(self.fleet), {"things", "shadows", "retained"})

    def test_things(self):
        things = self.fleet["things"]
        self.assertGreaterEqual(len(things), 40)
        names = [t["thingName"] for t in things]
        self.assertEqual(len(names), len(set(names)))
        self.assertGreaterEqual(len({t.get("thingTypeName") for t in things}), 5)
        for t in things:
            self.assertRegex(t["thingName"], NAME_RE)
            self.assertLessEqual(len(t["thingName"]), 128)
            self.assertTrue(set(t) <= {"thingName", "thingTypeName", "attributes"}, t)
            attrs = t["attributes"]
            self.assertTrue({"site", "firmware", "serial", "model"} <= set(attrs), t)
            for k, v in attrs.items():
                self.assertIsInstance(k, str)
                self.assertIsInstance(v, str)

    def test_shadows(self):
        shadows = self.fleet["shadows"]
        names = {t["thingName"] for t in self.fleet["things"]}
        keys = set()
        kinds = {"in-sync": 0, "out-of-sync": 0, "reported-only": 0, "desired-only": 0}
        ages = []
        for s in shadows:
            key = (s["thingName"], s.get("shadowName", ""))
            self.assertNotIn(key, keys)
            keys.add(key)
            self.assertIn(s["thingName"], names)
            self.assertTrue(set(s) <= {"thingName", "shadowName", "desired", "reported", "desiredAgeSeconds",
                                       "reportedAgeSeconds", "version"}, s)
            if s.get("shadowName"):
                self.assertRegex(s["shadowName"], NAME_RE)
                self.assertLessEqual(len(s["shadowName"]), 64)
            self.assertIsInstance(s.get("version", 1), int)
            self.assertGreaterEqual(s.get("version", 1), 1)
            for sec in ("desired", "reported"):
                if sec in s:
                    self.assertIsInstance(s[sec], dict)
                    self.assertLessEqual(depth(s[sec]), 6, key)
                    self.assertFalse(has_null_in_array(s[sec]), key)
                    age = s.get(sec + "AgeSeconds", 0)
                    self.assertIsInstance(age, int)
                    self.assertGreaterEqual(age, 0)
                    ages.append(age)
            self.assertLess(shadow_size(s), 8192, key)
            if "desired" in s and "reported" in s:
                kinds["in-sync" if delta(s["desired"], s["reported"]) is None else "out-of-sync"] += 1
            else:
                kinds["reported-only" if "reported" in s else "desired-only"] += 1
        self.assertTrue(any(k[1] == "" for k in keys))
        self.assertTrue({"config", "firmware", "diagnostics"} <= {k[1] for k in keys})
        self.assertGreaterEqual(kinds["in-sync"], 10, kinds)
        self.assertGreaterEqual(kinds["out-of-sync"], 3, kinds)
        self.assertGreaterEqual(kinds["reported-only"], 3, kinds)
        self.assertGreaterEqual(kinds["desired-only"], 2, kinds)
        self.assertTrue(any(7900 <= shadow_size(s) <= 8150 for s in shadows))
        self.assertLess(min(ages), 60)
        self.assertGreater(max(ages), 14 * 86400)

    def test_retained(self):
        retained = self.fleet["retained"]
        self.assertGreaterEqual(len(retained), 300)
        topics = [r["topic"] for r in retained]
        self.assertEqual(len(topics), len(set(topics)))
        kinds = set()
        for r in retained:
            t = r["topic"]
            self.assertTrue(set(r) <= {"topic", "qos", "payloadText", "payloadJson", "payloadBase64",
                                       "userProperties", "ageSeconds"}, r)
            self.assertLessEqual(len(t.encode("utf-8")), 256, t)
            self.assertLessEqual(t.count("/"), 7, t)
            self.assertNotIn("+", t)
            self.assertNotIn("#", t)
            self.assertFalse(t.startswith("$"), t)
            self.assertIn(r["qos"], (0, 1))
            present = [k for k in ("payloadText", "payloadJson", "payloadBase64") if k in r]
            self.assertEqual(len(present), 1, t)
            kinds.add(present[0])
            self.assertLessEqual(len(payload_bytes(r)), 128 * 1024, t)
            self.assertGreater(len(payload_bytes(r)), 0, t)  # empty would mean "delete"
            for prop in r.get("userProperties", []):
                self.assertEqual(len(prop), 1)
                (k, v), = prop.items()
                self.assertIsInstance(k, str)
                self.assertIsInstance(v, str)
            self.assertIsInstance(r.get("ageSeconds", 0), int)
        self.assertEqual(kinds, {"payloadText", "payloadJson", "payloadBase64"})
        self.assertEqual({r["qos"] for r in retained}, {0, 1})
        self.assertTrue(any("userProperties" in r for r in retained))
        self.assertTrue(any(" " in t for t in topics))
        self.assertTrue(any("%" in t for t in topics))
        self.assertTrue(any(not t.isascii() for t in topics))
        self.assertTrue(any(t.startswith("site/") and t.count("/") == 7 for t in topics))
        self.assertTrue(any(t.startswith("fleet/announcements/") for t in topics))
        self.assertTrue(any(re.match(r"^gateways/[^/]+/status$", t) for t in topics))
        ages = [r.get("ageSeconds", 0) for r in retained]
        self.assertLess(min(ages), 60)
        self.assertGreater(max(ages), 7 * 86400)


class DemoServed(SandboxTestCase):
    SANDBOX_KW = {"demo": True}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fleet = load_fleet()

    def test_things(self):
        cp = self.sandbox.client("iot")
        things = [t for p in cp.get_paginator("list_things").paginate() for t in p["things"]]
        self.assertGreaterEqual(len(things), 40)
        self.assertEqual(len(things), len(self.fleet["things"]))
        by_name = {t["thingName"]: t for t in things}
        for t in self.fleet["things"]:
            self.assertEqual(by_name[t["thingName"]]["attributes"], t["attributes"])
            self.assertEqual(by_name[t["thingName"]].get("thingTypeName"), t.get("thingTypeName"))

    def test_every_shadow(self):
        now = time.time()
        for s in self.fleet["shadows"]:
            kw = {"thingName": s["thingName"]}
            if s.get("shadowName"):
                kw["shadowName"] = s["shadowName"]
            with self.subTest(**kw):
                doc = read_shadow(self.iot.get_thing_shadow(**kw))
                self.assertEqual(doc["version"], s.get("version", 1))
                self.assertEqual(doc["state"].get("desired"), s.get("desired"))
                self.assertEqual(doc["state"].get("reported"), s.get("reported"))
                if "desired" in s:
                    self.assertEqual(doc["state"].get("delta"), delta(s["desired"], s.get("reported", {})))
                else:
                    self.assertNotIn("delta", doc["state"])
                for sec in ("desired", "reported"):
                    if sec in s:
                        first_leaf = doc["metadata"][sec][next(iter(s[sec]))]
                        while isinstance(first_leaf, (dict, list)) and "timestamp" not in first_leaf:
                            first_leaf = (first_leaf[0] if isinstance(first_leaf, list)
                                          else first_leaf[next(iter(first_leaf))])
                        self.assertAlmostEqual(first_leaf["timestamp"], now - s.get(sec + "AgeSeconds", 0),
                                               delta=30)

    def test_named_shadow_lists(self):
        expected = {}
        for s in self.fleet["shadows"]:
            if s.get("shadowName"):
                expected.setdefault(s["thingName"], []).append(s["shadowName"])
        for thing in ("gw-b2-01", "hvac-b2-floor3-01"):
            got = self.iot.list_named_shadows_for_thing(thingName=thing)["results"]
            self.assertEqual(got, sorted(expected[thing]))

    def test_every_retained_message(self):
        pages = self.iot.get_paginator("list_retained_messages").paginate(PaginationConfig={"PageSize": 50})
        listed = {m["topic"]: m for p in pages for m in p["retainedTopics"]}
        self.assertGreaterEqual(len(listed), 300)
        self.assertEqual(set(listed), {r["topic"] for r in self.fleet["retained"]})
        now_ms = time.time() * 1000
        for r in self.fleet["retained"]:
            with self.subTest(topic=r["topic"]):
                entry = listed[r["topic"]]
                self.assertEqual(entry["qos"], r["qos"])
                self.assertAlmostEqual(entry["lastModifiedTime"], now_ms - 1000 * r.get("ageSeconds", 0), delta=30000)
                got = self.iot.get_retained_message(topic=r["topic"])
                if "payloadJson" in r:
                    self.assertEqual(json.loads(got["payload"]), r["payloadJson"])
                    self.assertEqual(entry["payloadSize"], len(got["payload"]))
                else:
                    self.assertEqual(got["payload"], payload_bytes(r))
                    self.assertEqual(entry["payloadSize"], len(payload_bytes(r)))
                if "userProperties" in r:
                    self.assertEqual(json.loads(self.sandbox.retained_user_properties(r["topic"])),
                                     r["userProperties"])


if __name__ == "__main__":
    sandbox.main()
