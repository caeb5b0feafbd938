#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The emulator driven by Debian's aws CLI v2 (/usr/bin/aws), an independent client."""

import base64
import json
import os
import subprocess
import tempfile
import time

import sandbox
from sandbox import SandboxTestCase

AWS = "/usr/bin/aws"


class CliTestCase(SandboxTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.home = tempfile.mkdtemp(prefix="home-", dir=cls.tmp)
        empty = os.path.join(cls.tmp, "empty-aws-file")
        open(empty, "w").close()
        cls.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": cls.home,
            "LANG": "C.UTF-8",
            "AWS_ACCESS_KEY_ID": sandbox.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": sandbox.SECRET_KEY,
            "AWS_DEFAULT_REGION": sandbox.REGION,
            "AWS_CONFIG_FILE": empty,
            "AWS_SHARED_CREDENTIALS_FILE": empty,
            "AWS_PAGER": "",
            "AWS_RETRY_MODE": "standard",
            "AWS_MAX_ATTEMPTS": "1",
            "AWS_EC2_METADATA_DISABLED": "true",
        }

    def aws(self, *args, expect_ok=True, tls=False):
        cmd = [AWS, *args, "--endpoint-url", self.sandbox.endpoint, "--output", "json"]
        if tls:
            cmd.append("--no-verify-ssl")
        p = subprocess.run(cmd, env=self.env, cwd=self.tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=60, check=False)
        out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
        if expect_ok:
            self.assertEqual(p.returncode, 0, "aws %s failed (%d): %s" % (" ".join(args), p.returncode, err))
        return p.returncode, out, err

    def aws_json(self, *args, **kw):
        _, out, _ = self.aws(*args, **kw)
        return json.loads(out) if out.strip() else None


class AwsCli(CliTestCase):
    def test_shadow_round_trip(self):
        out_file = os.path.join(self.tmp, "update.json")
        doc = {"state": {"desired": {"color": "RED", "brightness": 80}}, "clientToken": "cli-1"}
        self.aws("iot-data", "update-thing-shadow", "--thing-name", "lamp-01", "--cli-binary-format",
                 "raw-in-base64-out", "--payload", json.dumps(doc), out_file)
        with open(out_file, encoding="utf-8") as f:
            up = json.load(f)
        self.assertEqual(up["state"], doc["state"])
        self.assertEqual(up["version"], 1)
        self.assertEqual(up["clientToken"], "cli-1")

        get_file = os.path.join(self.tmp, "get.json")
        self.aws("iot-data", "get-thing-shadow", "--thing-name", "lamp-01", get_file)
        with open(get_file, encoding="utf-8") as f:
            got = json.load(f)
        self.assertEqual(got["state"]["desired"], {"color": "RED", "brightness": 80})
        self.assertEqual(got["state"]["delta"], {"color": "RED", "brightness": 80})
        self.assertLessEqual(got["timestamp"], time.time() + 1)

        self.aws("iot-data", "update-thing-shadow", "--thing-name", "lamp-01", "--shadow-name", "config",
                 "--cli-binary-format", "raw-in-base64-out", "--payload", '{"state":{"reported":{"interval":60}}}',
                 out_file)
        self.aws("iot-data", "update-thing-shadow", "--thing-name", "lamp-01", "--shadow-name", "schedule",
                 "--cli-binary-format", "raw-in-base64-out", "--payload", '{"state":{"desired":{"on":"07:00"}}}',
                 out_file)
        listed = self.aws_json("iot-data", "list-named-shadows-for-thing", "--thing-name", "lamp-01")
        self.assertEqual(listed["results"], ["config", "schedule"])
        self.assertIsInstance(listed["timestamp"], int)
        paged = self.aws_json("iot-data", "list-named-shadows-for-thing", "--thing-name", "lamp-01",
                              "--page-size", "1")
        self.assertEqual(paged["results"], ["config"])
        self.assertIn("nextToken", paged)

        del_file = os.path.join(self.tmp, "delete.json")
        self.aws("iot-data", "delete-thing-shadow", "--thing-name", "lamp-01", del_file)
        with open(del_file, encoding="utf-8") as f:
            deleted = json.load(f)
        self.assertEqual(deleted["version"], 1)
        self.assertIsInstance(deleted["timestamp"], int)

        code, _, err = self.aws("iot-data", "get-thing-shadow", "--thing-name", "lamp-01", get_file,
                                expect_ok=False)
        self.assertIn(code, (254, 255))
        self.assertIn("ResourceNotFoundException", err)
        self.assertIn("No shadow exists with name: 'lamp-01'", err)

    def test_publish_and_retained(self):
        self.aws("iot-data", "publish", "--topic", "cli/room 1/temp", "--qos", "1", "--retain",
                 "--cli-binary-format", "raw-in-base64-out", "--payload", '{"t":21.5}')
        self.aws("iot-data", "publish", "--topic", "cli/café", "--retain",
                 "--cli-binary-format", "raw-in-base64-out", "--payload", "bonjour")
        self.aws("iot-data", "publish", "--topic", "cli/not-retained",
                 "--cli-binary-format", "raw-in-base64-out", "--payload", "x")
        listed = self.aws_json("iot-data", "list-retained-messages")
        topics = {m["topic"]: m for m in listed["retainedTopics"]}
        self.assertIn("cli/room 1/temp", topics)
        self.assertIn("cli/café", topics)
        self.assertNotIn("cli/not-retained", topics)
        self.assertEqual(topics["cli/room 1/temp"]["payloadSize"], 10)
        self.assertEqual(topics["cli/room 1/temp"]["qos"], 1)
        # The CLI paginates transparently across small pages.
        paged = self.aws_json("iot-data", "list-retained-messages", "--page-size", "1")
        self.assertEqual(sorted(m["topic"] for m in paged["retainedTopics"]), sorted(topics))

        got = self.aws_json("iot-data", "get-retained-message", "--topic", "cli/room 1/temp")
        self.assertEqual(got["topic"], "cli/room 1/temp")
        self.assertEqual(base64.b64decode(got["payload"]), b'{"t":21.5}')
        self.assertEqual(got["qos"], 1)
        self.assertLessEqual(got["lastModifiedTime"], time.time() * 1000 + 1000)
        got = self.aws_json("iot-data", "get-retained-message", "--topic", "cli/café")
        self.assertEqual(base64.b64decode(got["payload"]), b"bonjour")

    def test_error_exit_codes(self):
        code, _, err = self.aws("iot-data", "get-retained-message", "--topic", "cli/none", expect_ok=False)
        self.assertIn(code, (254, 255))
        self.assertIn("ResourceNotFoundException", err)
        code, _, err = self.aws("iot-data", "publish", "--topic", "cli/q2", "--qos", "2",
                                "--cli-binary-format", "raw-in-base64-out", "--payload", "x", expect_ok=False)
        self.assertIn(code, (254, 255))
        self.assertIn("InvalidRequestException", err)
        code, _, err = self.aws("iot-data", "update-thing-shadow", "--thing-name", "lamp-02",
                                "--cli-binary-format", "raw-in-base64-out", "--payload", "not json",
                                os.path.join(self.tmp, "x.json"), expect_ok=False)
        self.assertIn(code, (254, 255))
        self.assertIn("InvalidRequestException", err)
        self.assertIn("Invalid JSON", err)

    def test_wrong_secret(self):
        env = dict(self.env, AWS_SECRET_ACCESS_KEY="wrong-secret")
        p = subprocess.run([AWS, "iot-data", "list-retained-messages", "--endpoint-url", self.sandbox.endpoint],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60, check=False)
        self.assertIn(p.returncode, (254, 255))
        self.assertIn("ForbiddenException", p.stderr.decode())


class AwsCliControlPlane(CliTestCase):
    SANDBOX_KW = {"demo": True}

    def test_list_things(self):
        things = self.aws_json("iot", "list-things")["things"]
        self.assertGreaterEqual(len(things), 40)
        names = [t["thingName"] for t in things]
        self.assertEqual(names, sorted(names, key=lambda s: s.encode()))
        for t in things:
            self.assertTrue(t["thingArn"].endswith(":thing/" + t["thingName"]))
        paged = self.aws_json("iot", "list-things", "--page-size", "7")["things"]
        self.assertEqual([t["thingName"] for t in paged], names)
        first = self.aws_json("iot", "list-things", "--max-items", "5")
        self.assertEqual(len(first["things"]), 5)
        self.assertIn("NextToken", first)

    def test_describe_endpoint(self):
        ep = self.aws_json("iot", "describe-endpoint", "--endpoint-type", "iot:Data-ATS")
        self.assertRegex(ep["endpointAddress"], r"^[a-z0-9]+-ats\.iot\.us-east-1\.amazonaws\.com$")
        code, _, err = self.aws("iot", "describe-endpoint", "--endpoint-type", "iot:Nope", expect_ok=False)
        self.assertIn(code, (254, 255))
        self.assertIn("InvalidRequestException", err)
        self.assertIn("Endpoint type iot:Nope not recognized.", err)


class AwsCliTls(CliTestCase):
    SANDBOX_KW = {"tls": True}

    def test_no_verify_ssl(self):
        self.assertTrue(self.sandbox.endpoint.startswith("https://127.0.0.1:"), self.sandbox.endpoint)
        out_file = os.path.join(self.tmp, "tls.json")
        self.aws("iot-data", "update-thing-shadow", "--thing-name", "tls-01", "--cli-binary-format",
                 "raw-in-base64-out", "--payload", '{"state":{"reported":{"secure":true}}}', out_file, tls=True)
        got = os.path.join(self.tmp, "tls-get.json")
        self.aws("iot-data", "get-thing-shadow", "--thing-name", "tls-01", got, tls=True)
        with open(got, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["state"], {"reported": {"secure": True}})
        listed = self.aws_json("iot-data", "list-retained-messages", tls=True)
        self.assertEqual(listed["retainedTopics"], [])
        # Without --no-verify-ssl the self-signed certificate is refused.
        code, _, err = self.aws("iot-data", "list-retained-messages", expect_ok=False)
        self.assertNotEqual(code, 0)
        self.assertIn("SSL", err.upper())


if __name__ == "__main__":
    sandbox.main()
