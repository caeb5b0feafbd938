#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`shadowscope --profile ... --screenshot` connects the way the aws CLI would: the profile's
credentials (static keys or a credential_process), region and endpoint_url from a private
~/.aws, a signed DescribeEndpoint to a real shadowscope-sandbox over loopback, and says so
in its status line. Usage: test_app_connects.py SHADOWSCOPE SHADOWSCOPE_SANDBOX"""
import os
import subprocess
import sys
import tempfile
import unittest

SHADOWSCOPE, SANDBOX = sys.argv[1], sys.argv[2]
KEY, SECRET = "AKIDAPPTEST", "app-test-secret/with+chars"


class AppConnects(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sandbox = subprocess.Popen(
            [SANDBOX, "--port", "0", "--access-key", KEY, "--secret-key", SECRET],
            stdout=subprocess.PIPE, text=True)
        line = cls.sandbox.stdout.readline()
        assert line.startswith("endpoint: "), line
        cls.endpoint = line.split(" ", 1)[1].strip()

    @classmethod
    def tearDownClass(cls):
        cls.sandbox.terminate()
        cls.sandbox.wait(timeout=10)
        cls.sandbox.stdout.close()

    def run_app(self, config, credentials, *args, env=None):
        with tempfile.TemporaryDirectory() as home:
            os.makedirs(os.path.join(home, ".aws"))
            with open(os.path.join(home, ".aws", "config"), "w") as f:
                f.write(config.replace("ENDPOINT", self.endpoint))
            with open(os.path.join(home, ".aws", "credentials"), "w") as f:
                f.write(credentials)
            environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
            environment.update(HOME=home, QT_QPA_PLATFORM="offscreen", **(env or {}))
            png = os.path.join(home, "window.png")
            done = subprocess.run([SHADOWSCOPE, *args, "--screenshot", png], env=environment,
                                  capture_output=True, text=True, timeout=60)
            self.assertEqual(done.returncode, 0, done.stderr)
            with open(png, "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
            return done.stdout.strip()

    def test_static_keys_in_the_credentials_file(self):
        status = self.run_app("[profile lab]\nregion = us-east-1\nendpoint_url = ENDPOINT\n",
                              "[lab]\naws_access_key_id = %s\naws_secret_access_key = %s\n"
                              % (KEY, SECRET), "--profile", "lab")
        self.assertEqual(status, "status: AWS · profile lab · us-east-1 · %s · connected"
                         % self.endpoint)

    def test_credential_process_and_aws_profile(self):
        process = ("credential_process = /bin/sh -c 'printf \"{\\\"Version\\\": 1, "
                   "\\\"AccessKeyId\\\": \\\"%s\\\", \\\"SecretAccessKey\\\": \\\"%s\\\"}\"'\n"
                   % (KEY, SECRET))
        status = self.run_app("[profile ci]\nregion = us-east-1\nendpoint_url = ENDPOINT\n"
                              + process, "", env={"AWS_PROFILE": "ci"})
        self.assertTrue(status.endswith("· connected"), status)

    def test_wrong_secret_is_reported_in_the_status_line(self):
        status = self.run_app("[profile lab]\nregion = us-east-1\nendpoint_url = ENDPOINT\n",
                              "[lab]\naws_access_key_id = %s\naws_secret_access_key = nope\n"
                              % KEY, "--profile", "lab")
        self.assertIn("ForbiddenException (HTTP 403): The request signature we calculated", status)

    def test_region_from_the_command_line_wins(self):
        status = self.run_app("[profile lab]\nregion = us-east-1\nendpoint_url = ENDPOINT\n",
                              "[lab]\naws_access_key_id = %s\naws_secret_access_key = %s\n"
                              % (KEY, SECRET), "--profile", "lab", "--region", "eu-west-1")
        self.assertIn("eu-west-1 · ForbiddenException (HTTP 403): Credential should be scoped "
                      "to a valid region, not 'eu-west-1'.", status)

    def test_missing_profile_and_missing_region(self):
        self.assertIn("there is no profile ghost in ~/.aws/config or ~/.aws/credentials",
                      self.run_app("", "", "--profile", "ghost"))
        self.assertIn("no region: give --region",
                      self.run_app("[profile lab]\n", "", "--profile", "lab"))

    def test_plain_http_to_a_remote_host_is_refused(self):
        status = self.run_app("[profile lab]\nregion = us-east-1\n", "", "--profile", "lab",
                              "--endpoint-url", "http://example.com")
        self.assertNotIn("connected", status)
        self.assertIn("The endpoint http://example.com (from the endpoint you entered) uses "
                      "plain http://", status)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
