<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiError</name>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="12"/>
        <source>No answer from the endpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="14"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="19"/>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="20"/>
        <source>%1 (HTTP %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/application.cpp" line="30"/>
        <source>A native explorer for AWS IoT Core device shadows and retained MQTT messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="34"/>
        <source>Explore the local sandbox (an emulator of AWS IoT started inside Shadowscope) instead of an AWS account. Its state is kept in DIR, or in the default place; a new DIR starts with the demo fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="38"/>
        <source>Render the main window offscreen once it has loaded, save it as a PNG and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="42"/>
        <source>With --sandbox: the sandbox&apos;s data directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="52"/>
        <source>shadowscope: a directory is only taken with --sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="78"/>
        <source>shadowscope: the sandbox did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="84"/>
        <source>Not connected · start with --sandbox to explore the local sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="92"/>
        <source>shadowscope: the sandbox&apos;s state was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="102"/>
        <source>Sandbox · %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="104"/>
        <source>%1 · connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="112"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="113"/>
        <source>%1 · connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="128"/>
        <source>shadowscope: cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="29"/>
        <source>Shadowscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="34"/>
        <source>Select a thing to see its shadows: desired, reported and delta side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="38"/>
        <source>Things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="39"/>
        <source>Things will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="40"/>
        <source>Shadows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="41"/>
        <source>The classic and named shadows of the selected thing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="42"/>
        <source>Retained topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="43"/>
        <source>The account&apos;s retained MQTT topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="45"/>
        <source>Request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="46"/>
        <source>Every request and its outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="61"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="62"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="67"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="72"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="73"/>
        <source>&amp;About Shadowscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="74"/>
        <source>About Shadowscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="75"/>
        <source>&lt;h3&gt;Shadowscope %1&lt;/h3&gt;&lt;p&gt;A native explorer for AWS IoT Core device shadows and retained MQTT messages.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="83"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sandbox::SandboxServer</name>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="162"/>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="168"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="178"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="268"/>
        <source>the sandbox only listens on a loopback address, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="274"/>
        <source>cannot create the data directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="280"/>
        <source>%1 is in use by another sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="291"/>
        <source>cannot listen on %1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="314"/>
        <source>invalid fault plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="338"/>
        <source>give both an access key and a secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="402"/>
        <source>invalid seed %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="448"/>
        <source>the TLS certificate or key is not a PEM certificate and EC or RSA key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sandbox::SandboxStore</name>
    <message>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="53"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="59"/>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="64"/>
        <source>%1 is not a sandbox store: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="74"/>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="79"/>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="84"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="94"/>
        <source>cannot remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="68"/>
        <source>A local emulator of the AWS IoT Data Plane API (device shadows, retained messages, publish) with ListThings and DescribeEndpoint, on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="74"/>
        <source>Port to listen on (0, the default, picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="77"/>
        <source>Keep the state in DIR (default: in memory only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="80"/>
        <source>Discard the state stored in the data directory first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="82"/>
        <source>Load FILE (the demo fleet&apos;s JSON format) into a new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="85"/>
        <source>Load the built-in demo fleet into a new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="87"/>
        <source>Access key id clients sign with (default: generated, kept in the data directory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="90"/>
        <source>Secret access key clients sign with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="92"/>
        <source>Require this session token (default: any or none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="95"/>
        <source>Accept unsigned requests (no SigV4 verification).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="97"/>
        <source>Region requests must be signed for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="100"/>
        <source>Serve HTTPS (a generated self-signed certificate unless --cert and --key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="102"/>
        <source>PEM certificate for --tls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="104"/>
        <source>PEM private key for --tls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="106"/>
        <source>Fault plan: JSON text or a JSON file (see the README).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="109"/>
        <source>Nesting depth limit of desired and reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="112"/>
        <source>Pin the clock to an ISO 8601 UTC time (for test vectors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="115"/>
        <source>Log one line per request to stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="117"/>
        <source>Let tests replace the fault plan at run time (PUT and DELETE /_sandbox/faults, unsigned).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
