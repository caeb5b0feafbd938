#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`shadowscope --profile ... --screenshot` connects the way the aws CLI would: the profile's
credentials (static keys or a credential_process), region and endpoint_url from a private
~/.aws, a signed DescribeEndpoint to a real shadowscope-sandbox over loopback, and says so
in its status line. Usage: test_app_connects.py SHADOWSCOPE SHADOWSCOPE_SANDBOX"""
import datetime
import os
import re
import subprocess
import sys
import tempfile
import unittest

SHADOWSCOPE, SANDBOX = sys.argv[1], sys.argv[2]
KEY, SECRET = "AKIDAPPTEST", "app-test-secret/with+chars"


def start_sandbox(*extra):
    sandbox = subprocess.Popen(
        [SANDBOX, "--port", "0", "--access-key", KEY, "--secret-key", SECRET, *extra],
        stdout=subprocess.PIPE, text=True)
    line = sandbox.stdout.readline()
    assert line.startswith("endpoint: "), line
    return sandbox, line.split(" ", 1)[1].strip()


def stop_sandbox(sandbox):
    sandbox.terminate()
    sandbox.wait(timeout=10)
    sandbox.stdout.close()


class AppConnects(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sandbox, cls.endpoint = start_sandbox()

    @classmethod
    def tearDownClass(cls):
        stop_sandbox(cls.sandbox)

    def run_app(self, config, credentials, *args, env=None, home=None):
        with tempfile.TemporaryDirectory() as scratch:
            home = home or scratch
            os.makedirs(os.path.join(home, ".aws"), exist_ok=True)
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
            # The status line; a connected window also prints its Things pane's ("things: …").
            return next(line for line in done.stdout.splitlines() if line.startswith("status: "))

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

    def test_data_endpoint_discovered_and_remembered(self):
        # Only the control plane is configured: the data endpoint comes from DescribeEndpoint
        # and is remembered in the settings file, per profile and region.
        config = "[profile lab]\nregion = us-east-1\n"
        credentials = "[lab]\naws_access_key_id = %s\naws_secret_access_key = %s\n" % (KEY, SECRET)
        with tempfile.TemporaryDirectory() as home:
            status = self.run_app(config, credentials, "--profile", "lab", home=home,
                                  env={"AWS_ENDPOINT_URL_IOT": self.endpoint})
            self.assertEqual(status, "status: AWS · profile lab · us-east-1 · https://"
                             "a3sbx0shadowscope-ats.iot.us-east-1.amazonaws.com · connected")
            with open(os.path.join(home, ".config", "shadowscope", "shadowscope.conf")) as f:
                settings = f.read()
            self.assertIn("a3sbx0shadowscope-ats.iot.us-east-1.amazonaws.com", settings)
            self.assertNotIn(SECRET, settings)

    def test_skewed_clock_is_corrected_and_reported(self):
        ahead = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=10)
        sandbox, endpoint = start_sandbox("--clock", ahead.strftime("%Y-%m-%dT%H:%M:%SZ"))
        try:
            status = self.run_app("[profile lab]\nregion = us-east-1\nendpoint_url = %s\n" % endpoint,
                                  "[lab]\naws_access_key_id = %s\naws_secret_access_key = %s\n"
                                  % (KEY, SECRET), "--profile", "lab")
        finally:
            stop_sandbox(sandbox)
        match = re.search(r"connected · your clock is off by (-?\d+) s \(corrected\)", status)
        self.assertTrue(match, status)
        self.assertLess(abs(int(match.group(1)) - 600), 30)

    def test_missing_profile_and_missing_region(self):
        self.assertIn("there is no profile ghost in ~/.aws/config or ~/.aws/credentials",
                      self.run_app("", "", "--profile", "ghost"))
        self.assertIn("no region: give --region",
                      self.run_app("[profile lab]\n", "", "--profile", "lab"))
        self.assertIn("eu-west-1/../x is not an AWS region name",
                      self.run_app("[profile lab]\n", "", "--profile", "lab",
                                   "--region", "eu-west-1/../x"))

    def test_plain_http_to_a_remote_host_is_refused(self):
        status = self.run_app("[profile lab]\nregion = us-east-1\n", "", "--profile", "lab",
                              "--endpoint-url", "http://example.com")
        self.assertNotIn("connected", status)
        self.assertIn("The endpoint http://example.com (from the endpoint you entered) uses "
                      "plain http://", status)

    def test_first_screen_without_credentials(self):
        # No profile, no AWS_* variable, nothing remembered: the first screen, not an error.
        self.assertEqual(self.run_app("", ""), "status: Not connected")

    def test_last_connection_and_read_only(self):
        # The connection that worked is the next start's; --read-only is said in the status.
        config = "[profile lab]\nregion = us-east-1\nendpoint_url = ENDPOINT\n"
        credentials = "[lab]\naws_access_key_id = %s\naws_secret_access_key = %s\n" % (KEY, SECRET)
        with tempfile.TemporaryDirectory() as home:
            self.run_app(config, credentials, "--profile", "lab", home=home)
            status = self.run_app(config, credentials, "--read-only", home=home)
        self.assertEqual(status, "status: AWS · profile lab · us-east-1 · %s · connected · "
                         "read-only" % self.endpoint)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
