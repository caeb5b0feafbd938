# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared helpers for the shadowscope-sandbox conformance suites.

Every suite is a plain unittest script run as

    /usr/bin/python3 tests/conformance/<suite>.py --sandbox <path to shadowscope-sandbox>

(the environment variable SHADOWSCOPE_SANDBOX is used when --sandbox is absent).

This module starts a fresh emulator (``Sandbox``), reads the four startup lines from its
stdout without sleeping, builds boto3 clients pointed at it, sends raw HTTP requests signed
by an independent SigV4 implementation (``sign_v4``) and stops the emulator again
(terminate + wait, kill as a last resort). It never reads anything outside the test's own
temporary directories and the source tree's tests/ and resources/ folders.
"""

import base64
import calendar
import datetime
import hashlib
import hmac
import http.client
import json
import os
import queue
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

import boto3
import botocore.config
import botocore.exceptions
import urllib3

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
REGION = "us-east-1"
STARTUP_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0

SOURCE_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(os.path.dirname(SOURCE_DIR))
DEMO_FLEET = os.path.join(REPO_DIR, "resources", "sandbox", "demo-fleet.json")

SANDBOX_BINARY = os.environ.get("SHADOWSCOPE_SANDBOX", "")

# Independent of the developer's own AWS setup: no profiles, config files or env overrides.
for _name in [n for n in os.environ if n.startswith("AWS_")]:
    del os.environ[_name]
os.environ["AWS_CONFIG_FILE"] = os.devnull
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

# The emulator's self-signed certificate is expected; don't spam the test output (unittest
# resets warning filters, so silence urllib3 at the source).
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def main():
    """Parse --sandbox PATH, then hand the remaining arguments to unittest."""
    global SANDBOX_BINARY
    argv = [sys.argv[0]]
    args = sys.argv[1:]
    i = 0
    while i < len(args):
        if args[i] == "--sandbox" and i + 1 < len(args):
            SANDBOX_BINARY = args[i + 1]
            i += 2
        elif args[i].startswith("--sandbox="):
            SANDBOX_BINARY = args[i].split("=", 1)[1]
            i += 1
        else:
            argv.append(args[i])
            i += 1
    if not SANDBOX_BINARY or not os.access(SANDBOX_BINARY, os.X_OK):
        print("error: pass --sandbox <path to shadowscope-sandbox> (got %r)" % SANDBOX_BINARY,
              file=sys.stderr)
        sys.exit(2)
    unittest.main(argv=argv, verbosity=2)


# ------------------------------------------------------------------------------------------
# Independent SigV4 (hmac/hashlib only), used for raw requests, skewed dates, other signing
# names and tampering. Verified against the spec's vectors V1-V3 in test_sigv4.py.

UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"


def uri_encode(value, safe=""):
    """RFC 3986 encoding with uppercase hex; every byte outside the unreserved set."""
    if isinstance(value, str):
        value = value.encode("utf-8")
    return urllib.parse.quote(value, safe=safe + "-_.~")


def label(value):
    """Encode one path label as boto3 does (slashes included)."""
    return uri_encode(value)


def amz_date(when=None):
    when = time.time() if when is None else when
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(when))


def _hmac(key, msg):
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def canonical_query(query):
    """query: the raw (already encoded) query string from the wire."""
    if not query:
        return ""
    pairs = []
    for part in query.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        pairs.append((uri_encode(urllib.parse.unquote(name)), uri_encode(urllib.parse.unquote(value))))
    pairs.sort()
    return "&".join("%s=%s" % p for p in pairs)


def sign_v4(method, path, query, headers, body, *, date=None, service="iotdata", region=REGION,
            access_key=ACCESS_KEY, secret_key=SECRET_KEY, token=None, sign_token=True):
    """Return a new header dict with X-Amz-Date (and token) and Authorization added.

    path and query are exactly what goes on the wire (already percent-encoded once).
    headers must contain Host.
    """
    date = date or amz_date()
    headers = dict(headers)
    headers["X-Amz-Date"] = date
    if token is not None:
        headers["X-Amz-Security-Token"] = token
    if isinstance(body, str):
        body = body.encode("utf-8")
    body = body or b""
    signed = {}
    for k, v in headers.items():
        lk = k.lower()
        if lk == "x-amz-security-token" and not sign_token:
            continue
        if lk in ("user-agent", "content-length", "connection", "expect", "accept-encoding"):
            continue
        signed[lk] = " ".join(str(v).strip().split())
    names = sorted(signed)
    canonical_path = uri_encode(path, safe="/")
    creq = "\n".join([
        method,
        canonical_path,
        canonical_query(query),
        "".join("%s:%s\n" % (n, signed[n]) for n in names),
        ";".join(names),
        hashlib.sha256(body).hexdigest(),
    ])
    scope = "%s/%s/%s/aws4_request" % (date[:8], region, service)
    sts = "\n".join(["AWS4-HMAC-SHA256", date, scope, hashlib.sha256(creq.encode("utf-8")).hexdigest()])
    k = _hmac(("AWS4" + secret_key).encode("utf-8"), date[:8])
    k = _hmac(k, region)
    k = _hmac(k, service)
    k = _hmac(k, "aws4_request")
    sig = hmac.new(k, sts.encode("utf-8"), hashlib.sha256).hexdigest()
    headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s" % (
        access_key, scope, ";".join(names), sig)
    return headers


class RawResponse:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers          # dict with lowercase names
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self):
        return "<%d %r %r>" % (self.status, self.headers, self.body[:300])


# ------------------------------------------------------------------------------------------
# The emulator process


class SandboxError(RuntimeError):
    pass


class Sandbox:
    """One emulator process. Use as a context manager or call start()/stop()."""

    def __init__(self, *extra, auth=True, data_dir=None, fresh=False, seed=None, demo=False,
                 session_token=None, tls=False, clock=None, faults=None, max_depth=None,
                 region=REGION):
        self.extra = list(extra)
        self.auth = auth
        self.data_dir = data_dir
        self.fresh = fresh
        self.seed = seed
        self.demo = demo
        self.session_token = session_token
        self.tls = tls
        self.clock = clock
        self.faults = faults
        self.max_depth = max_depth
        self.region = region
        self.proc = None
        self.info = {}
        self.endpoint = None
        self.host = None
        self.port = None
        self._log = None
        self._lines = queue.Queue()
        self._clients = []

    # -- lifecycle

    def command(self):
        # --admin: the tests replace the fault plan at run time through /_sandbox/faults.
        cmd = [SANDBOX_BINARY, "--port", "0", "--region", self.region, "--admin"]
        if self.auth:
            cmd += ["--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY]
            if self.session_token is not None:
                cmd += ["--session-token", self.session_token]
        else:
            cmd += ["--no-auth"]
        if self.data_dir:
            cmd += ["--data", self.data_dir]
        if self.fresh:
            cmd += ["--fresh"]
        if self.seed:
            cmd += ["--seed", self.seed]
        if self.demo:
            cmd += ["--demo"]
        if self.tls:
            cmd += ["--tls"]
        if self.clock:
            cmd += ["--clock", self.clock]
        if self.faults is not None:
            cmd += ["--faults", self.faults if isinstance(self.faults, str) else json.dumps(self.faults)]
        if self.max_depth is not None:
            cmd += ["--max-depth", str(self.max_depth)]
        return cmd + self.extra

    def start(self):
        self._log = tempfile.TemporaryFile()
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=self._log, env=env, start_new_session=True)
        reader = threading.Thread(target=self._pump, args=(self.proc.stdout, self._lines), daemon=True)
        reader.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT
        wanted = {"endpoint", "region", "access key", "secret key"}
        while not wanted.issubset(self.info):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                message = ("sandbox did not print its endpoint lines within %ss; got %r; stderr: %s"
                           % (STARTUP_TIMEOUT, self.info, self.stderr_text()))
                self.close()
                raise SandboxError(message)
            try:
                line = self._lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                code = self.proc.wait(timeout=STOP_TIMEOUT)
                message = ("sandbox exited (%s) before printing its endpoint; got %r; stderr: %s"
                           % (code, self.info, self.stderr_text()))
                self.close()
                raise SandboxError(message)
            key, sep, value = line.partition(": ")
            if sep and key.strip() in wanted:
                self.info[key.strip()] = value.strip()
        self.endpoint = self.info["endpoint"]
        parsed = urllib.parse.urlsplit(self.endpoint)
        self.scheme = parsed.scheme
        self.host = parsed.hostname
        self.port = parsed.port
        return self

    @staticmethod
    def _pump(stream, lines):
        # Keeps draining stdout after startup so a chatty emulator never blocks on a full pipe.
        for raw in iter(stream.readline, b""):
            lines.put(raw.decode("utf-8", "replace").rstrip("\r\n"))
        lines.put(None)

    def stderr_text(self, limit=4000):
        if not self._log:
            return ""
        try:
            self._log.seek(0)
            data = self._log.read()
        except (OSError, ValueError):
            return ""
        return data[-limit:].decode("utf-8", "replace")

    def stop(self, sig=signal.SIGTERM):
        """Stop the process and wait for it; returns its exit code."""
        if self.proc is None:
            return None
        code = self.proc.poll()
        if code is None:
            try:
                self.proc.send_signal(sig)
                code = self.proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                code = self.proc.wait(timeout=STOP_TIMEOUT)
        if self.proc.stdout:
            self.proc.stdout.close()
        self.proc = None
        return code

    def kill9(self):
        return self.stop(signal.SIGKILL)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    def close(self, sig=signal.SIGTERM):
        """Stop the process, release everything this object opened; returns the exit code."""
        code = self.stop(sig)
        for c in self._clients:
            c.close()
        self._clients = []
        if self._log:
            self._log.close()
            self._log = None
        return code

    # -- clients

    def config(self, retry_mode="standard", max_attempts=1, **kw):
        # total_max_attempts counts the first try; botocore's "max_attempts" key in this
        # dict would count retries only.
        return botocore.config.Config(retries={"mode": retry_mode, "total_max_attempts": max_attempts},
                                      connect_timeout=10, read_timeout=20, **kw)

    def client(self, service="iot-data", *, access_key=ACCESS_KEY, secret_key=SECRET_KEY, token=None,
               region=None, retry_mode="standard", max_attempts=1, config=None):
        if token is None and self.session_token is not None:
            token = self.session_token
        client = boto3.session.Session().client(
            service, endpoint_url=self.endpoint, region_name=region or self.region,
            aws_access_key_id=access_key, aws_secret_access_key=secret_key, aws_session_token=token,
            verify=False if self.tls else None,
            config=config or self.config(retry_mode, max_attempts))
        self._clients.append(client)
        return client

    # -- raw HTTP

    def connection(self, timeout=20):
        if self.scheme == "https":
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            return http.client.HTTPSConnection(self.host, self.port, timeout=timeout, context=ctx)
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def raw(self, method, path, query="", body=b"", headers=None, *, sign=True, host=None, **sign_kw):
        """Send one request. path/query exactly as on the wire. Signs unless sign=False."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = dict(headers or {})
        headers.setdefault("Host", host or "%s:%d" % (self.host, self.port))
        if sign:
            if "token" not in sign_kw and self.session_token is not None:
                sign_kw["token"] = self.session_token
            headers = sign_v4(method, path, query, headers, body, **sign_kw)
        return self.send(method, path + ("?" + query if query else ""), body, headers)

    def send(self, method, target, body=b"", headers=None):
        conn = self.connection()
        try:
            conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
            headers = dict(headers or {})
            if body or method in ("POST", "PUT", "DELETE"):
                headers.setdefault("Content-Length", str(len(body)))
            for k, v in headers.items():
                conn.putheader(k, v)
            conn.endheaders(body if body else None)
            resp = conn.getresponse()
            data = resp.read()
            return RawResponse(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)
        finally:
            conn.close()

    def retained_user_properties(self, topic):
        """userProperties of a retained message as bytes (None if absent).

        Read from the raw JSON: botocore 1.29's GetRetainedMessage output has no userProperties.
        """
        r = self.raw("GET", "/retainedMessage/" + label(topic))
        if r.status != 200:
            raise SandboxError("GetRetainedMessage %s failed: %r" % (topic, r))
        value = r.json().get("userProperties")
        return None if value is None else base64.b64decode(value)

    # -- admin (no signature)

    def set_faults(self, plan):
        r = self.send("PUT", "/_sandbox/faults", json.dumps(plan).encode("utf-8"),
                      {"Host": "%s:%d" % (self.host, self.port), "Content-Type": "application/json"})
        if r.status // 100 != 2:
            raise SandboxError("PUT /_sandbox/faults failed: %r" % r)

    def clear_faults(self):
        r = self.send("DELETE", "/_sandbox/faults", b"", {"Host": "%s:%d" % (self.host, self.port)})
        if r.status // 100 != 2:
            raise SandboxError("DELETE /_sandbox/faults failed: %r" % r)


# ------------------------------------------------------------------------------------------
# Test-case helpers


def read_shadow(resp):
    return json.loads(resp["payload"].read().decode("utf-8"))


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class SandboxTestCase(unittest.TestCase):
    """One emulator per test class. Subclasses set SANDBOX_KW to change its options."""

    SANDBOX_KW = {}
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="shadowscope-conformance-")
        cls.sandbox = Sandbox(**cls.sandbox_kwargs()).start()
        cls.iot = cls.sandbox.client()

    @classmethod
    def sandbox_kwargs(cls):
        return dict(cls.SANDBOX_KW)

    @classmethod
    def tearDownClass(cls):
        cls.sandbox.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)
        super().tearDownClass()

    # -- assertions

    def assertTimestamp(self, value, not_before=None, msg=None):
        """An integer epoch-seconds timestamp that is not in the future."""
        self.assertIsInstance(value, int, msg)
        self.assertNotIsInstance(value, bool, msg)
        self.assertLessEqual(value, int(time.time()) + 1, msg)
        if not_before is not None:
            self.assertGreaterEqual(value, int(not_before) - 1, msg)

    def assertClientError(self, code, status, call, *args, exception=None, message=None, **kwargs):
        """call(*args, **kwargs) must raise ClientError with this code and HTTP status.

        exception: the client.exceptions.<Code> class expected (when botocore models it).
        message: exact text, or a callable predicate on the message.
        """
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            result = call(*args, **kwargs)
            if isinstance(result, dict) and "payload" in result:
                result["payload"].read()
        err = cm.exception
        self.assertEqual(err.response["Error"]["Code"], code, err.response)
        # Wherever botocore models the code, boto3 must raise that class.
        client = getattr(call, "__self__", None)
        modeled = getattr(getattr(client, "exceptions", None), "_code_to_exception", {}).get(code)
        if modeled is not None:
            self.assertIsInstance(err, modeled)
        self.assertEqual(err.response["ResponseMetadata"]["HTTPStatusCode"], status, err.response)
        if exception is not None:
            self.assertIsInstance(err, exception)
        if message is not None:
            actual = err.response["Error"].get("Message")
            if callable(message):
                self.assertTrue(message(actual), "unexpected message %r" % actual)
            else:
                self.assertEqual(actual, message)
        headers = err.response["ResponseMetadata"].get("HTTPHeaders", {})
        self.assertTrue(headers.get("x-amzn-errortype", "").startswith(code + ":"),
                        "x-amzn-ErrorType header %r" % headers.get("x-amzn-errortype"))
        self.assertTrue(headers.get("x-amzn-requestid"), "missing x-amzn-RequestId")
        return err

    def assertRawError(self, resp, status, code, message=None):
        self.assertEqual(resp.status, status, resp)
        self.assertTrue(resp.headers.get("x-amzn-errortype", "").startswith(code + ":"), resp)
        self.assertTrue(resp.headers.get("x-amzn-requestid"), resp)
        self.assertTrue(resp.headers.get("date"), resp)
        self.assertIn("application/json", resp.headers.get("content-type", ""), resp)
        body = resp.json()
        self.assertIsInstance(body.get("message"), str, resp)
        if message is not None:
            if callable(message):
                self.assertTrue(message(body["message"]), resp)
            else:
                self.assertEqual(body["message"], message, resp)
        return body
