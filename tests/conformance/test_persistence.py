#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""--data DIR persistence, --fresh, and crash safety (kill -9 after a burst of writes)."""

import json
import os
import shutil
import signal
import tempfile
import unittest

import sandbox
from sandbox import Sandbox, read_shadow


class Persistence(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="shadowscope-persist-")
        self.data = os.path.join(self.tmp, "data")
        os.mkdir(self.data)
        self.running = []

    def tearDown(self):
        for s in self.running:
            s.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def start(self, **kw):
        s = Sandbox(data_dir=self.data, **kw)
        self.running.append(s)
        return s.start()

    def stop(self, s, sig=signal.SIGTERM):
        code = s.close(sig)
        self.running.remove(s)
        return code

    def write_state(self, iot):
        iot.update_thing_shadow(thingName="lamp-01", payload=b'{"state":{"desired":{"color":"RED"}}}')
        iot.update_thing_shadow(thingName="lamp-01", payload=b'{"state":{"reported":{"color":"BLUE"}}}')
        iot.update_thing_shadow(thingName="lamp-01", shadowName="config",
                                payload=json.dumps({"state": {"reported": {"name": "Süd", "n": [1, 2]}}}).encode())
        iot.update_thing_shadow(thingName="gone", payload=b'{"state":{"reported":{"a":1}}}')
        iot.update_thing_shadow(thingName="gone", payload=b'{"state":{"reported":{"a":2}}}')
        iot.delete_thing_shadow(thingName="gone")
        iot.publish(topic="persist/café 1", retain=True, qos=1, payload=b"\x00\x01binary\xff",
                    userProperties=[{"k": "v"}])
        iot.publish(topic="persist/deleted", retain=True, payload=b"x")
        iot.publish(topic="persist/deleted", retain=True, payload=b"")

    def snapshot(self, iot):
        shadows = {}
        for thing, name in (("lamp-01", None), ("lamp-01", "config")):
            kw = {"thingName": thing}
            if name:
                kw["shadowName"] = name
            doc = read_shadow(iot.get_thing_shadow(**kw))
            doc.pop("timestamp")
            shadows[(thing, name)] = doc
        retained = {m["topic"]: m for m in iot.list_retained_messages()["retainedTopics"]}
        msg = iot.get_retained_message(topic="persist/café 1")
        msg.pop("ResponseMetadata")
        return shadows, retained, msg

    def test_restart_keeps_state(self):
        s = self.start()
        iot = s.client()
        self.write_state(iot)
        before = self.snapshot(iot)
        self.assertEqual(self.stop(s), 0, "SIGTERM should be a clean shutdown")

        s = self.start()
        iot = s.client()
        after = self.snapshot(iot)
        self.assertEqual(after, before)
        self.assertEqual(set(after[1]), {"persist/café 1"})
        self.assertEqual(after[2]["payload"], b"\x00\x01binary\xff")
        self.assertEqual(iot.list_named_shadows_for_thing(thingName="lamp-01")["results"], ["config"])
        # Tombstones survive too: the deleted shadow is still absent and resumes its version.
        with self.assertRaises(iot.exceptions.ResourceNotFoundException):
            iot.get_thing_shadow(thingName="gone")
        up = read_shadow(iot.update_thing_shadow(thingName="gone", payload=b'{"state":{"reported":{"a":3}}}'))
        self.assertEqual(up["version"], 3)
        up = read_shadow(iot.update_thing_shadow(thingName="lamp-01", payload=b'{"state":{"reported":{"x":1}}}'))
        self.assertEqual(up["version"], 3)
        self.stop(s)

    def test_fresh_empties_the_store(self):
        s = self.start()
        self.write_state(s.client())
        self.stop(s)
        s = self.start(fresh=True)
        iot = s.client()
        with self.assertRaises(iot.exceptions.ResourceNotFoundException):
            iot.get_thing_shadow(thingName="lamp-01")
        self.assertEqual(iot.list_retained_messages()["retainedTopics"], [])
        self.assertEqual(iot.list_named_shadows_for_thing(thingName="lamp-01")["results"], [])
        # Fresh state is what gets persisted from now on.
        self.assertEqual(read_shadow(iot.update_thing_shadow(thingName="lamp-01", payload=b'{"state":{}}'))["version"], 1)
        self.stop(s)
        s = self.start()
        iot = s.client()
        self.assertEqual(read_shadow(iot.get_thing_shadow(thingName="lamp-01"))["version"], 1)
        self.assertEqual(iot.list_retained_messages()["retainedTopics"], [])

    def test_kill_9_after_burst_leaves_loadable_store(self):
        s = self.start()
        iot = s.client()
        iot.update_thing_shadow(thingName="stable", payload=b'{"state":{"reported":{"ok":true}}}')
        # Make "stable" durable through a clean restart first.
        self.stop(s)
        s = self.start()
        iot = s.client()
        n = 60
        for i in range(1, n + 1):
            iot.update_thing_shadow(thingName="burst", payload=json.dumps({"state": {"reported": {"n": i}}}).encode())
            iot.publish(topic="burst/%d" % (i % 7), retain=True, payload=str(i).encode())
        self.stop(s, signal.SIGKILL)

        s = self.start()  # must come up: the store is not corrupt
        iot = s.client()
        self.assertEqual(read_shadow(iot.get_thing_shadow(thingName="stable"))["state"], {"reported": {"ok": True}})
        try:
            doc = read_shadow(iot.get_thing_shadow(thingName="burst"))
        except iot.exceptions.ResourceNotFoundException:
            doc = None
        if doc is not None:
            # Whatever survived is a consistent prefix of the burst: version i holds n == i.
            self.assertGreaterEqual(doc["version"], 1)
            self.assertLessEqual(doc["version"], n)
            self.assertEqual(doc["state"]["reported"]["n"], doc["version"])
        for m in iot.list_retained_messages()["retainedTopics"]:
            if m["topic"].startswith("burst/"):
                got = iot.get_retained_message(topic=m["topic"])
                self.assertEqual(int(got["payload"]) % 7, int(m["topic"].split("/")[1]))
        # And it keeps working.
        iot.update_thing_shadow(thingName="after-crash", payload=b'{"state":{}}')
        self.stop(s)
        s = self.start()
        self.assertEqual(read_shadow(s.client().get_thing_shadow(thingName="after-crash"))["version"], 1)

    def test_memory_only_without_data_dir(self):
        s = Sandbox()
        self.running.append(s)
        s.start()
        s.client().update_thing_shadow(thingName="mem", payload=b'{"state":{}}')
        self.stop(s)
        s = Sandbox()
        self.running.append(s)
        s.start()
        iot = s.client()
        with self.assertRaises(iot.exceptions.ResourceNotFoundException):
            iot.get_thing_shadow(thingName="mem")
        self.assertEqual(os.listdir(self.data), [])


if __name__ == "__main__":
    sandbox.main()
