// SPDX-License-Identifier: GPL-3.0-or-later
// The "copy as" strings: shell quoting, the aws CLI and curl commands (paths and queries
// encoded as IotDataClient encodes them, secrets never inlined except the sandbox's), the
// presigned URL and how long it works.
#include "iot/copyas.h"

#include <QTest>
#include <QUrlQuery>

using namespace Iot;

Q_DECLARE_METATYPE(Iot::CopyAsTarget)

namespace {

CopyAsContext awsContext()
{
    CopyAsContext context;
    context.endpoint = QUrl(QStringLiteral("https://abc123-ats.iot.eu-west-1.amazonaws.com"));
    context.region = QStringLiteral("eu-west-1");
    context.profile = QStringLiteral("dev");
    return context;
}

CopyAsContext sandboxContext()
{
    CopyAsContext context;
    context.endpoint = QUrl(QStringLiteral("http://127.0.0.1:4567/"));
    context.region = QStringLiteral("us-east-1");
    context.profile = QStringLiteral("ignored-with-sandbox-keys");
    context.sandboxKeys = { QStringLiteral("AKIDSANDBOX"), QStringLiteral("se/cr+et"), {} };
    return context;
}

} // namespace

class TestCopyAs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // One shell word: safe words as they are, the rest single-quoted with ' as '\''.
    void shellQuote_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("safe") << QStringLiteral("lamp-01:a_b") << QStringLiteral("lamp-01:a_b");
        QTest::newRow("url") << QStringLiteral("https://h.example/a%2Fb")
                             << QStringLiteral("https://h.example/a%2Fb");
        QTest::newRow("empty") << QString() << QStringLiteral("''");
        QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("'a b'");
        QTest::newRow("dollar") << QStringLiteral("$HOME") << QStringLiteral("'$HOME'");
        QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
        QTest::newRow("double quote") << QStringLiteral("a\"b") << QStringLiteral("'a\"b'");
        QTest::newRow("e acute") << QStringLiteral("café") << QStringLiteral("'café'");
        QTest::newRow("backtick") << QStringLiteral("`x`") << QStringLiteral("'`x`'");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("'a\nb'");
    }
    void shellQuote()
    {
        QFETCH(QString, word);
        QFETCH(QString, quoted);
        QCOMPARE(CopyAs::shellQuote(word), quoted);
    }

    // The path and query exactly as the client sends them: every label percent-encoded
    // once, '/' of a topic included.
    void requestUrl_data()
    {
        QTest::addColumn<CopyAsTarget>("target");
        QTest::addColumn<QByteArray>("url");
        QTest::newRow("classic") << CopyAsTarget::shadow(QStringLiteral("lamp-01"))
                                 << QByteArray("https://abc123-ats.iot.eu-west-1.amazonaws.com"
                                               "/things/lamp-01/shadow");
        QTest::newRow("named") << CopyAsTarget::shadow(QStringLiteral("a:b"),
                                                       QStringLiteral("$cfg"))
                               << QByteArray("https://abc123-ats.iot.eu-west-1.amazonaws.com"
                                             "/things/a%3Ab/shadow?name=%24cfg");
        QTest::newRow("topic")
            << CopyAsTarget::retainedMessage(QStringLiteral("site/caf é/it's $x 100%"))
            << QByteArray("https://abc123-ats.iot.eu-west-1.amazonaws.com/retainedMessage/"
                          "site%2Fcaf%20%C3%A9%2Fit%27s%20%24x%20100%25");
    }
    void requestUrl()
    {
        QFETCH(CopyAsTarget, target);
        QFETCH(QByteArray, url);
        QCOMPARE(CopyAs::requestUrl(awsContext(), target), url);
    }

    // AWS: the profile, the region and the endpoint; the output goes to /dev/stdout, and a
    // retained payload is base64-decoded from the CLI's text output.
    void awsCliCommand()
    {
        CopyAsContext context = awsContext();
        QCOMPARE(CopyAs::awsCliCommand(context, CopyAsTarget::shadow(QStringLiteral("lamp-01"))),
                 QStringLiteral("aws iot-data get-thing-shadow --thing-name lamp-01 --endpoint-url "
                                "https://abc123-ats.iot.eu-west-1.amazonaws.com --region eu-west-1 "
                                "--profile dev /dev/stdout"));
        context.profile.clear();
        context.caFile = QStringLiteral("/etc/my ca.pem");
        QCOMPARE(
            CopyAs::awsCliCommand(
                context, CopyAsTarget::shadow(QStringLiteral("lamp-01"), QStringLiteral("config"))),
            QStringLiteral("aws iot-data get-thing-shadow --thing-name lamp-01 --shadow-name "
                           "config --endpoint-url https://abc123-ats.iot.eu-west-1.amazonaws.com"
                           " --region eu-west-1 --ca-bundle '/etc/my ca.pem' /dev/stdout"));
        QCOMPARE(CopyAs::awsCliCommand(
                     awsContext(), CopyAsTarget::retainedMessage(QStringLiteral("a/it's $x é"))),
                 QStringLiteral("aws iot-data get-retained-message --topic 'a/it'\\''s $x é' "
                                "--endpoint-url https://abc123-ats.iot.eu-west-1.amazonaws.com "
                                "--region eu-west-1 --profile dev --query payload --output text "
                                "--no-cli-pager | base64 -d"));
    }

    // The sandbox's own throwaway keys are set for the command (and no profile).
    void awsCliCommandSandbox()
    {
        QCOMPARE(CopyAs::awsCliCommand(sandboxContext(), CopyAsTarget::shadow(QStringLiteral("t"))),
                 QStringLiteral("AWS_ACCESS_KEY_ID=AKIDSANDBOX AWS_SECRET_ACCESS_KEY=se/cr+et aws "
                                "iot-data get-thing-shadow --thing-name t --endpoint-url "
                                "http://127.0.0.1:4567 --region us-east-1 /dev/stdout"));
    }

    // curl signs with the keys from the environment; nothing secret is in the text. A URL
    // with '?' is quoted (the shell would glob it).
    void curlCommand()
    {
        const QString shadow = CopyAs::curlCommand(
            awsContext(), CopyAsTarget::shadow(QStringLiteral("lamp-01"), QStringLiteral("cfg")));
        QCOMPARE(
            shadow,
            QStringLiteral(
                R"(curl -sS --aws-sigv4 aws:amz:eu-west-1:iotdata )"
                R"(--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" )"
                R"(${AWS_SESSION_TOKEN:+-H} ${AWS_SESSION_TOKEN:+"x-amz-security-token: $AWS_SESSION_TOKEN"} )"
                R"('https://abc123-ats.iot.eu-west-1.amazonaws.com/things/lamp-01/shadow?name=cfg')"));
        const QString retained = CopyAs::curlCommand(
            awsContext(), CopyAsTarget::retainedMessage(QStringLiteral("a/b c")),
            QVersionNumber(8, 11, 1));
        QVERIFY2(retained.endsWith(QStringLiteral(
                     "https://abc123-ats.iot.eu-west-1.amazonaws.com/retainedMessage/"
                     "a%2Fb%20c | jq -r .payload | base64 -d")),
                 qPrintable(retained));
        QVERIFY(!retained.contains(QStringLiteral("--request-target")));
    }

    // A curl older than 8.8 signs the URL's path as it is: the URL carries the path encoded
    // twice (what AWS signs) and --request-target the path the client sends.
    void curlCommandOldCurl()
    {
        CopyAsContext context = sandboxContext();
        context.caFile = QStringLiteral("/tmp/ca.pem");
        const QString command
            = CopyAs::curlCommand(context, CopyAsTarget::retainedMessage(QStringLiteral("a/é")),
                                  QVersionNumber(7, 88, 1));
        QCOMPARE(command,
                 QStringLiteral("curl -sS --aws-sigv4 aws:amz:us-east-1:iotdata --user "
                                "AKIDSANDBOX:se/cr+et --cacert /tmp/ca.pem --request-target "
                                "/retainedMessage/a%2F%C3%A9 "
                                "http://127.0.0.1:4567/retainedMessage/a%252F%25C3%25A9 "
                                "| jq -r .payload | base64 -d"));
        // Nothing to encode twice: the plain form.
        QCOMPARE(CopyAs::curlCommand(context, CopyAsTarget::shadow(QStringLiteral("t")),
                                     QVersionNumber(7, 88, 1)),
                 QStringLiteral("curl -sS --aws-sigv4 aws:amz:us-east-1:iotdata --user "
                                "AKIDSANDBOX:se/cr+et --cacert /tmp/ca.pem "
                                "http://127.0.0.1:4567/things/t/shadow"));
    }

    void parseCurlVersion()
    {
        QCOMPARE(
            CopyAs::parseCurlVersion(
                "curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.11\nRelease-Date"),
            QVersionNumber(7, 88, 1));
        QCOMPARE(CopyAs::parseCurlVersion("curl 8.11.1 (aarch64-apple-darwin24.0)"),
                 QVersionNumber(8, 11, 1));
        QVERIFY(CopyAs::parseCurlVersion("bash: curl: command not found").isNull());
        QVERIFY(CopyAs::parseCurlVersion({}).isNull());
    }

    // A presigned GET: the request's own query first, then the X-Amz-* parameters, signed
    // for iotdata in the context's region; the expiry is clamped to 1 s .. 7 days.
    void presignedUrl()
    {
        const QDateTime now(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        const Aws::SigningCredentials keys { QStringLiteral("AKIDEXAMPLE"),
                                             QStringLiteral("secret"), QStringLiteral("tok/en") };
        const QByteArray url = CopyAs::presignedUrl(
            awsContext(), CopyAsTarget::shadow(QStringLiteral("lamp-01"), QStringLiteral("cfg")),
            keys, now, 900);
        QVERIFY2(url.startsWith("https://abc123-ats.iot.eu-west-1.amazonaws.com/things/lamp-01/"
                                "shadow?name=cfg&X-Amz-Algorithm=AWS4-HMAC-SHA256&"),
                 url.constData());
        const QUrlQuery query(QUrl::fromEncoded(url).query());
        QCOMPARE(query.queryItemValue(QStringLiteral("X-Amz-Credential"), QUrl::FullyDecoded),
                 QStringLiteral("AKIDEXAMPLE/20260102/eu-west-1/iotdata/aws4_request"));
        QCOMPARE(query.queryItemValue(QStringLiteral("X-Amz-Date")),
                 QStringLiteral("20260102T030405Z"));
        QCOMPARE(query.queryItemValue(QStringLiteral("X-Amz-Expires")), QStringLiteral("900"));
        QCOMPARE(query.queryItemValue(QStringLiteral("X-Amz-Security-Token"), QUrl::FullyDecoded),
                 QStringLiteral("tok/en"));
        QVERIFY(!url.contains("secret"));

        const QByteArray longest = CopyAs::presignedUrl(
            awsContext(), CopyAsTarget::retainedMessage(QStringLiteral("a/b")), keys, now,
            10'000'000);
        QVERIFY(longest.contains("/retainedMessage/a%2Fb?X-Amz-Algorithm="));
        QVERIFY(longest.contains("&X-Amz-Expires=604800&"));
    }

    // The URL works until its own expiry, or until temporary credentials expire if sooner.
    void effectiveExpiry()
    {
        const QDateTime now(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QCOMPARE(CopyAs::effectiveExpiry(now, 3600, std::nullopt), now.addSecs(3600));
        QCOMPARE(CopyAs::effectiveExpiry(now, 3600, now.addSecs(600)), now.addSecs(600));
        QCOMPARE(CopyAs::effectiveExpiry(now, 3600, now.addDays(1)), now.addSecs(3600));
        QCOMPARE(CopyAs::effectiveExpiry(now, 0, std::nullopt), now.addSecs(1));
    }
};

QTEST_GUILESS_MAIN(TestCopyAs)
#include "tst_copyas.moc"
