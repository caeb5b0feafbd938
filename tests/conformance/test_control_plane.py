#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Control plane (ListThings, DescribeEndpoint; section 7, C28) and the --seed loader."""

import base64
import json
import os
import re
import time

import sandbox
from sandbox import SandboxTestCase, label, read_shadow

SITES = ["berlin-1", "berlin-2", "lyon-1"]


def make_seed():
    things = []
    for i in range(13):
        t = {"thingName": "dev-%02d" % i, "attributes": {"site": SITES[i % 3], "floor": str(i % 4)}}
        if i % 2 == 0:
            t["thingTypeName"] = "Thermostat"
        elif i % 5 == 1:
            t["thingTypeName"] = "Gateway"
        things.append(t)
    things.append({"thingName": "Zebra-Cam", "thingTypeName": "Camera", "attributes": {}})
    things.append({"thingName": "alpha:beta_1", "attributes": {"site": "munich-2"}})
    shadows = [
        {"thingName": "dev-00", "desired": {"sp": 21.5, "fan": {"speed": "auto"}},
         "reported": {"sp": 20.5, "fan": {"speed": "auto"}, "list": [1, 2, 3]},
         "desiredAgeSeconds": 3600, "reportedAgeSeconds": 30, "version": 17},
        {"thingName": "dev-00", "shadowName": "config", "reported": {"interval": 60}, "reportedAgeSeconds": 86400 * 14},
        {"thingName": "dev-01", "shadowName": "", "desired": {"on": True}},
        {"thingName": "not-registered", "reported": {"x": "y"}, "version": 3},
    ]
    retained = [
        {"topic": "site/berlin-1/temp", "qos": 1, "payloadJson": {"value": 21.5, "unit": "C"}, "ageSeconds": 60},
        {"topic": "site/berlin-1/status", "qos": 0, "payloadText": "online ✓"},
        {"topic": "site/lyon-1/café/blob", "qos": 1, "payloadBase64": base64.b64encode(bytes(range(16))).decode(),
         "userProperties": [{"encoding": "raw"}, {"n": "16"}], "ageSeconds": 86400 * 7},
        {"topic": "reports/savings 12%", "qos": 0, "payloadText": "12"},
    ]
    return {"things": things, "shadows": shadows, "retained": retained}


class SeededTestCase(SandboxTestCase):
    @classmethod
    def sandbox_kwargs(cls):
        cls.seed = make_seed()
        cls.seed_path = os.path.join(cls.tmp, "seed.json")
        with open(cls.seed_path, "w", encoding="utf-8") as f:
            json.dump(cls.seed, f, ensure_ascii=False)
        cls.started = time.time()
        return dict(cls.SANDBOX_KW, seed=cls.seed_path)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cp = cls.sandbox.client("iot")


class ListThings(SeededTestCase):
    def all_names(self):
        return sorted((t["thingName"] for t in self.seed["things"]), key=lambda s: s.encode())

    def test_list_all_sorted_with_shape(self):
        r = self.cp.list_things()
        things = r["things"]
        self.assertNotIn("nextToken", r)
        self.assertEqual([t["thingName"] for t in things], self.all_names())
        by_name = {t["thingName"]: t for t in things}
        for seeded in self.seed["things"]:
            got = by_name[seeded["thingName"]]
            self.assertEqual(got["thingArn"], "arn:aws:iot:us-east-1:123456789012:thing/" + seeded["thingName"])
            self.assertEqual(got["attributes"], seeded["attributes"])
            self.assertEqual(got["version"], 1)
            if "thingTypeName" in seeded:
                self.assertEqual(got["thingTypeName"], seeded["thingTypeName"])
            else:
                self.assertNotIn("thingTypeName", got)

    def test_paginator(self):
        pages = list(self.cp.get_paginator("list_things").paginate(PaginationConfig={"PageSize": 4}))
        self.assertEqual([len(p["things"]) for p in pages], [4, 4, 4, 3])
        for p in pages[:-1]:
            self.assertIn("nextToken", p)
        self.assertNotIn("nextToken", pages[-1])
        self.assertEqual([t["thingName"] for p in pages for t in p["things"]], self.all_names())

    def test_manual_next_token(self):
        first = self.cp.list_things(maxResults=10)
        self.assertEqual(len(first["things"]), 10)
        rest = self.cp.list_things(maxResults=10, nextToken=first["nextToken"])
        self.assertEqual(len(rest["things"]), 5)
        self.assertNotIn("nextToken", rest)

    def test_filters(self):
        r = self.cp.list_things(thingTypeName="Thermostat")
        self.assertEqual([t["thingName"] for t in r["things"]], ["dev-%02d" % i for i in range(0, 13, 2)])
        r = self.cp.list_things(attributeName="site", attributeValue="lyon-1")
        self.assertEqual([t["thingName"] for t in r["things"]], ["dev-02", "dev-05", "dev-08", "dev-11"])
        r = self.cp.list_things(attributeName="site", attributeValue="berlin", usePrefixAttributeValue=True)
        self.assertEqual([t["thingName"] for t in r["things"]],
                         ["dev-%02d" % i for i in range(13) if i % 3 != 2])
        r = self.cp.list_things(attributeName="site", attributeValue="berlin")
        self.assertEqual(r["things"], [])
        r = self.cp.list_things(thingTypeName="Thermostat", attributeName="floor", attributeValue="0")
        self.assertEqual([t["thingName"] for t in r["things"]], ["dev-00", "dev-04", "dev-08", "dev-12"])
        r = self.cp.list_things(thingTypeName="NoSuchType")
        self.assertEqual(r["things"], [])
        pages = self.cp.get_paginator("list_things").paginate(thingTypeName="Thermostat",
                                                              PaginationConfig={"PageSize": 3})
        self.assertEqual([t["thingName"] for p in pages for t in p["things"]], ["dev-%02d" % i for i in range(0, 13, 2)])

    def test_max_results_limits(self):
        self.assertEqual(len(self.cp.list_things(maxResults=250)["things"]), 15)
        self.assertEqual(len(self.cp.list_things(maxResults=1)["things"]), 1)
        self.assertClientError("InvalidRequestException", 400, self.cp.list_things, maxResults=251,
                               exception=self.cp.exceptions.InvalidRequestException)

    def test_both_control_plane_signing_names(self):
        # Both current ("iot") and pre-2023 ("execute-api") control-plane signing names work.
        for service in ("iot", "execute-api"):
            r = self.sandbox.raw("GET", "/things", query="maxResults=2", service=service)
            self.assertEqual(r.status, 200, r)
            self.assertEqual(len(r.json()["things"]), 2)

    def test_control_plane_requires_signature(self):
        r = self.sandbox.raw("GET", "/things", sign=False)
        self.assertRawError(r, 403, "ForbiddenException")


class DescribeEndpoint(SeededTestCase):
    def test_c28(self):
        ats = self.cp.describe_endpoint(endpointType="iot:Data-ATS")["endpointAddress"]
        m = re.match(r"^([a-z0-9]+)-ats\.iot\.us-east-1\.amazonaws\.com$", ats)
        self.assertIsNotNone(m, ats)
        self.assertClientError("InvalidRequestException", 400, self.cp.describe_endpoint, endpointType="iot:Nope",
                               exception=self.cp.exceptions.InvalidRequestException,
                               message="Endpoint type iot:Nope not recognized.")
        # Stable, case-insensitive, and the legacy type shares the prefix.
        self.assertEqual(self.cp.describe_endpoint(endpointType="iot:Data-ATS")["endpointAddress"], ats)
        self.assertEqual(self.cp.describe_endpoint(endpointType="IOT:DATA-ATS")["endpointAddress"], ats)
        self.assertEqual(self.cp.describe_endpoint(endpointType="iot:data")["endpointAddress"],
                         "%s.iot.us-east-1.amazonaws.com" % m.group(1))
        self.assertEqual(self.cp.describe_endpoint(endpointType="iot:Data")["endpointAddress"],
                         "%s.iot.us-east-1.amazonaws.com" % m.group(1))

    def test_raw_signed_with_iot(self):
        r = self.sandbox.raw("GET", "/endpoint", query="endpointType=iot%3AData-ATS", service="iot")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json()["endpointAddress"].endswith("-ats.iot.us-east-1.amazonaws.com"))


class DescribeEndpointOtherRegion(SandboxTestCase):
    SANDBOX_KW = {"region": "eu-central-1"}

    def test_region_in_address_and_signature(self):
        self.assertEqual(self.sandbox.info["region"], "eu-central-1")
        cp = self.sandbox.client("iot")
        ats = cp.describe_endpoint(endpointType="iot:Data-ATS")["endpointAddress"]
        self.assertRegex(ats, r"^[a-z0-9]+-ats\.iot\.eu-central-1\.amazonaws\.com$")
        wrong = self.sandbox.client("iot", region="us-east-1")
        self.assertClientError("ForbiddenException", 403, wrong.describe_endpoint, endpointType="iot:Data-ATS")
        data = self.sandbox.client()
        data.update_thing_shadow(thingName="eu-1", payload=b'{"state":{}}')


class SeedLoader(SeededTestCase):
    def test_classic_shadow_from_seed(self):
        doc = read_shadow(self.iot.get_thing_shadow(thingName="dev-00"))
        seeded = self.seed["shadows"][0]
        self.assertEqual(doc["version"], 17)
        self.assertEqual(doc["state"]["desired"], seeded["desired"])
        self.assertEqual(doc["state"]["reported"], seeded["reported"])
        self.assertEqual(doc["state"]["delta"], {"sp": 21.5})
        md = doc["metadata"]
        now = time.time()
        self.assertAlmostEqual(md["desired"]["sp"]["timestamp"], now - 3600, delta=15)
        self.assertAlmostEqual(md["desired"]["fan"]["speed"]["timestamp"], now - 3600, delta=15)
        self.assertAlmostEqual(md["reported"]["sp"]["timestamp"], now - 30, delta=15)
        self.assertEqual(len(md["reported"]["list"]), 3)

    def test_named_and_default_fields(self):
        doc = read_shadow(self.iot.get_thing_shadow(thingName="dev-00", shadowName="config"))
        self.assertEqual(doc["version"], 1)
        self.assertEqual(doc["state"], {"reported": {"interval": 60}})
        self.assertAlmostEqual(doc["metadata"]["reported"]["interval"]["timestamp"], time.time() - 86400 * 14, delta=15)
        doc = read_shadow(self.iot.get_thing_shadow(thingName="dev-01"))  # shadowName "" = classic
        self.assertEqual(doc["state"], {"desired": {"on": True}, "delta": {"on": True}})
        self.assertEqual(doc["version"], 1)
        self.assertAlmostEqual(doc["metadata"]["desired"]["on"]["timestamp"], time.time(), delta=15)
        doc = read_shadow(self.iot.get_thing_shadow(thingName="not-registered"))
        self.assertEqual(doc["version"], 3)
        self.assertEqual(self.iot.list_named_shadows_for_thing(thingName="dev-00")["results"], ["config"])
        up = read_shadow(self.iot.update_thing_shadow(thingName="dev-00", payload=b'{"state":{"reported":{"sp":21.5}}}'))
        self.assertEqual(up["version"], 18)

    def test_retained_from_seed(self):
        now_ms = time.time() * 1000
        listed = {m["topic"]: m for m in self.iot.list_retained_messages()["retainedTopics"]}
        self.assertEqual(set(listed), {r["topic"] for r in self.seed["retained"]})
        got = self.iot.get_retained_message(topic="site/berlin-1/temp")
        self.assertEqual(json.loads(got["payload"]), {"value": 21.5, "unit": "C"})
        self.assertEqual(got["qos"], 1)
        self.assertAlmostEqual(got["lastModifiedTime"], now_ms - 60000, delta=15000)
        got = self.iot.get_retained_message(topic="site/berlin-1/status")
        self.assertEqual(got["payload"], "online ✓".encode("utf-8"))
        self.assertEqual(listed["site/berlin-1/status"]["payloadSize"], len("online ✓".encode("utf-8")))
        self.assertAlmostEqual(got["lastModifiedTime"], now_ms, delta=15000)
        got = self.iot.get_retained_message(topic="site/lyon-1/café/blob")
        self.assertEqual(got["payload"], bytes(range(16)))
        self.assertEqual(json.loads(self.sandbox.retained_user_properties("site/lyon-1/café/blob")),
                         [{"encoding": "raw"}, {"n": "16"}])
        self.assertAlmostEqual(got["lastModifiedTime"], now_ms - 86400 * 7 * 1000, delta=15000)
        raw = self.sandbox.raw("GET", "/retainedMessage/" + label("reports/savings 12%")).json()
        self.assertEqual(base64.b64decode(raw["payload"]), b"12")


if __name__ == "__main__":
    sandbox.main()
