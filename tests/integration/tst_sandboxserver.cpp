// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox over real loopback HTTP(S), reached through our own client path: the one
// QNetworkAccessManager, SigV4 signing and the executor's error classification.
#include "aws/credentials.h"
#include "iot/apicall.h"
#include "iot/requestexecutor.h"
#include "sandbox/sandboxbackend.h"
#include "sandbox/sandboxserver.h"
#include "sandboxrig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

struct Outcome
{
    int status = 0;
    Iot::ApiError error;
    QJsonObject json;
};

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private:
    Outcome call(QNetworkAccessManager *network, const Sandbox::SandboxServer &server,
                 const QByteArray &method, const QByteArray &path, const QByteArray &query = {},
                 const QByteArray &body = {}, const QString &secret = SandboxRig::SecretKey,
                 const QString &service = QStringLiteral("iotdata"))
    {
        Aws::StaticCredentialsProvider credentials({{SandboxRig::AccessKey, secret, {}}, std::nullopt, {}});
        Iot::RequestExecutor executor(network, &credentials);
        // One attempt: these tests look at the sandbox's raw answers, faults included.
        executor.setRetryPolicy(Iot::RetryPolicy({}, 1));
        Iot::ApiCall *apiCall =
            executor.send({server.endpoint(), {server.region(), service}, {}}, method, path, query, body);
        Outcome outcome;
        bool done = false;
        connect(apiCall, &Iot::ApiCall::finished, this, [&] {
            outcome.status = apiCall->httpStatus();
            outcome.error = apiCall->error();
            outcome.json = QJsonDocument::fromJson(apiCall->body()).object();
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
        return outcome;
    }

private Q_SLOTS:
    // A retained topic travels as one percent-encoded label, signed as sent, and comes back
    // exactly: slashes, spaces, a literal percent, non-ASCII, reserved characters.
    void topicRoundTrip_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::newRow("slashes") << QStringLiteral("a/b/c");
        QTest::newRow("space") << QStringLiteral("sensors/room 1/temp");
        QTest::newRow("non-ascii") << QStringLiteral("café/température");
        QTest::newRow("literal percent") << QStringLiteral("a%2Fb");
        QTest::newRow("unreserved") << QStringLiteral("x~y_z-.");
        QTest::newRow("leading slash") << QStringLiteral("/leading/slash");
        QTest::newRow("query characters") << QStringLiteral("q?x=1&y");
        QTest::newRow("trailing slash") << QStringLiteral("a/b/");
    }
    void topicRoundTrip()
    {
        QFETCH(QString, topic);
        SandboxRig rig;
        QVERIFY(rig.start());
        const QByteArray label = QUrl::toPercentEncoding(topic);
        const Outcome published = call(&rig.network, rig.server, "POST", "/topics/" + label,
                                       "qos=1&retain=true", "payload");
        QCOMPARE(published.status, 200);
        const Outcome fetched = call(&rig.network, rig.server, "GET", "/retainedMessage/" + label);
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json.value(QStringLiteral("topic")).toString(), topic);
        QCOMPARE(QByteArray::fromBase64(fetched.json.value(QStringLiteral("payload")).toString().toLatin1()),
                 QByteArrayLiteral("payload"));
        QCOMPARE(fetched.json.value(QStringLiteral("qos")).toInt(), 1);
    }

    // Requests without a valid signature are refused with AWS's 403 and never reach the state.
    void signatureIsVerified()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        const Outcome wrongSecret = call(&rig.network, rig.server, "POST", "/things/lamp-01/shadow", {},
                                         R"({"state":{"desired":{"on":true}}})",
                                         QStringLiteral("not-the-secret"));
        QCOMPARE(wrongSecret.status, 403);
        QCOMPARE(wrongSecret.error.code, QStringLiteral("ForbiddenException"));
        QVERIFY(wrongSecret.error.message.startsWith(
            QStringLiteral("The request signature we calculated does not match")));
        QVERIFY(!wrongSecret.error.requestId.isEmpty());

        const Outcome wrongPlane = call(&rig.network, rig.server, "GET", "/things/lamp-01/shadow", {}, {},
                                        SandboxRig::SecretKey, QStringLiteral("iot"));
        QCOMPARE(wrongPlane.status, 403);

        QNetworkReply *unsigned_ = rig.network.get(QNetworkRequest(
            rig.server.endpoint().resolved(QUrl(QStringLiteral("/things/lamp-01/shadow")))));
        QSignalSpy finished(unsigned_, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(unsigned_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
        QCOMPARE(unsigned_->rawHeader("x-amzn-ErrorType"), QByteArrayLiteral("ForbiddenException:"));
        unsigned_->deleteLater();

        QCOMPARE(call(&rig.network, rig.server, "GET", "/things/lamp-01/shadow").status, 404);
    }

    // The fault plan answers as scripted, and only for the operations it names.
    void faultPlan_data()
    {
        QTest::addColumn<QByteArray>("plan");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("errorKind");
        const QByteArray rule = R"({"rules":[{"operations":["GetThingShadow"],"count":1,)";
        // QNetworkAccessManager resends a GET whose kept-alive connection was reset, so a
        // reset rule must fire on every attempt to be seen.
        const QByteArray everyTime = R"({"rules":[{"operations":["GetThingShadow"],)";
        QTest::newRow("throttled") << rule + R"("kind":"status","status":429}]})" << 429
                                   << QStringLiteral("ThrottlingException")
                                   << int(Iot::ApiError::Kind::Service);
        QTest::newRow("unavailable") << rule + R"("kind":"status","status":503}]})" << 503
                                     << QStringLiteral("ServiceUnavailableException")
                                     << int(Iot::ApiError::Kind::Service);
        QTest::newRow("reset") << everyTime + R"("kind":"reset"}]})" << 0 << QString()
                               << int(Iot::ApiError::Kind::Transport);
        QTest::newRow("truncated") << rule + R"("kind":"truncate"}]})" << 200 << QString()
                                   << int(Iot::ApiError::Kind::Transport);
        QTest::newRow("latency") << rule + R"("kind":"latency","delayMs":30}]})" << 200
                                 << QString() << int(Iot::ApiError::Kind::None);
    }
    void faultPlan()
    {
        QFETCH(QByteArray, plan);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, errorKind);
        SandboxRig rig;
        QVERIFY(rig.start());
        QCOMPARE(call(&rig.network, rig.server, "POST", "/things/lamp-01/shadow", {},
                      R"({"state":{"reported":{"on":true}}})").status, 200);
        QVERIFY(rig.setFaults(plan));
        // Another operation is untouched by the rule.
        QCOMPARE(call(&rig.network, rig.server, "GET", "/retainedMessage").status, 200);

        const Outcome faulted = call(&rig.network, rig.server, "GET", "/things/lamp-01/shadow");
        QCOMPARE(faulted.status, status);
        QCOMPARE(int(faulted.error.kind), errorKind);
        QCOMPARE(faulted.error.code, code);
        // A counted rule is spent after it fired; the others are cleared.
        if (!plan.contains("count"))
            QVERIFY(rig.setFaults("{}"));
        const Outcome next = call(&rig.network, rig.server, "GET", "/things/lamp-01/shadow");
        QCOMPARE(next.status, 200);
        QCOMPARE(next.json.value(QStringLiteral("version")).toInt(), 1);
    }

    // HTTPS with the generated certificate: trusted explicitly it connects, otherwise the
    // handshake fails.
    void tls()
    {
        Sandbox::ServerOptions options;
        options.tls = true;
        SandboxRig rig;
        QVERIFY(rig.start(options));
        QCOMPARE(rig.server.endpoint().scheme(), QStringLiteral("https"));
        QVERIFY(!rig.server.certificate().isNull());

        QNetworkAccessManager untrusting;
        const Outcome refused = call(&untrusting, rig.server, "GET", "/retainedMessage");
        QCOMPARE(int(refused.error.kind), int(Iot::ApiError::Kind::Tls));

        QNetworkAccessManager trusting;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates({rig.server.certificate()});
        connect(&trusting, &QNetworkAccessManager::sslErrors, this,
                [](QNetworkReply *, const QList<QSslError> &errors) {
                    for (const QSslError &error : errors)
                        qWarning("TLS: %s", qPrintable(error.errorString()));
                });
        // Every request from this manager trusts the sandbox's certificate.
        QSslConfiguration::setDefaultConfiguration(configuration);
        const Outcome accepted = call(&trusting, rig.server, "GET", "/retainedMessage");
        QSslConfiguration::setDefaultConfiguration(QSslConfiguration());
        QCOMPARE(accepted.status, 200);
    }

    // State outlives the server in its data directory; --fresh discards it; a new directory
    // with the demo fleet is seeded once.
    void persistence()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Sandbox::ServerOptions options;
        options.dataDir = dir.path();
        {
            SandboxRig rig;
            QVERIFY(rig.start(options));
            QCOMPARE(call(&rig.network, rig.server, "POST", "/things/lamp-01/shadow", "name=config",
                          R"({"state":{"desired":{"level":3}}})").status, 200);
        }
        {
            SandboxRig rig;
            QVERIFY(rig.start(options));
            const Outcome kept = call(&rig.network, rig.server, "GET", "/things/lamp-01/shadow", "name=config");
            QCOMPARE(kept.status, 200);
            QCOMPARE(kept.json.value(QStringLiteral("version")).toInt(), 1);
        }
        options.fresh = true;
        {
            SandboxRig rig;
            QVERIFY(rig.start(options));
            QCOMPARE(call(&rig.network, rig.server, "GET", "/things/lamp-01/shadow", "name=config").status, 404);
        }
    }

    // An ApiCall finishes from the event loop, never inside cancel(), and a receiver may
    // delete the executor (and so the call) in its slot.
    void callLifetime()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        QVERIFY(rig.setFaults(R"({"rules":[{"kind":"latency","delayMs":5000}]})"));
        auto *executor = new Iot::RequestExecutor(&rig.network, rig.credentials.get());
        const Iot::Endpoint data = rig.endpoint(QStringLiteral("iotdata"));

        Iot::ApiCall *cancelled = executor->send(data, "GET", "/retainedMessage");
        bool cancelledFinished = false;
        Iot::ApiError::Kind kind = Iot::ApiError::Kind::None;
        connect(cancelled, &Iot::ApiCall::finished, this, [&] {
            cancelledFinished = true;
            kind = cancelled->error().kind;
        });
        cancelled->cancel();
        QVERIFY(!cancelledFinished);
        QTRY_VERIFY(cancelledFinished);
        QCOMPARE(int(kind), int(Iot::ApiError::Kind::Cancelled));

        QVERIFY(rig.setFaults("{}"));
        Iot::ApiCall *call = executor->send(data, "GET", "/retainedMessage");
        bool finished = false;
        connect(call, &Iot::ApiCall::finished, this, [&] {
            delete executor; // deletes the call, its child, inside its own signal
            finished = true;
        });
        QTRY_VERIFY(finished);
    }

    // Two sandboxes on one data directory would overwrite each other's store: the second is
    // refused, and the directory is free again once the first has stopped.
    void oneSandboxPerDataDirectory()
    {
        QTemporaryDir dir;
        Sandbox::ServerOptions options;
        options.dataDir = dir.path();
        auto first = std::make_unique<SandboxRig>();
        QVERIFY(first->start(options));
        Sandbox::SandboxServer second;
        QString error;
        QVERIFY(!second.start(options, &error));
        QCOMPARE(error, QStringLiteral("%1 is in use by another sandbox").arg(dir.path()));
        first.reset();
        SandboxRig again;
        QVERIFY(again.start(options));
    }

    // Only requests addressed to a loopback name are answered (no DNS rebinding), and the
    // admin path does not exist unless asked for.
    void refusesForeignHostsAndHiddenAdmin_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("adminApi");
        QTest::addColumn<QByteArray>("statusLine");
        QTest::newRow("rebound host") << QByteArray("GET /retainedMessage HTTP/1.1\r\nHost: attacker.example\r\n\r\n")
                                      << false << QByteArray("HTTP/1.1 403");
        QTest::newRow("localhost") << QByteArray("GET /retainedMessage HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                   << false << QByteArray("HTTP/1.1 200");
        QTest::newRow("admin off") << QByteArray("DELETE /_sandbox/faults HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                                   << false << QByteArray("HTTP/1.1 404");
        QTest::newRow("admin on") << QByteArray("DELETE /_sandbox/faults HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                                  << true << QByteArray("HTTP/1.1 200");
    }
    void refusesForeignHostsAndHiddenAdmin()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, adminApi);
        QFETCH(QByteArray, statusLine);
        Sandbox::SandboxServer server;
        Sandbox::ServerOptions options;
        options.auth = false;
        options.adminApi = adminApi;
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        QTcpSocket socket;
        socket.connectToHost(server.endpoint().host(), quint16(server.endpoint().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(request);
        QTRY_VERIFY(socket.bytesAvailable() > 0 && socket.canReadLine());
        QVERIFY2(socket.readLine().startsWith(statusLine), statusLine.constData());
    }

    // A paging token belongs to the listing that issued it.
    void pageTokensAreScoped()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        for (const QByteArray topic : {"t/a", "t/b"})
            QCOMPARE(call(&rig.network, rig.server, "POST", "/topics/" + QUrl::toPercentEncoding(QString::fromLatin1(topic)),
                          "retain=true", "x").status, 200);
        const Outcome first = call(&rig.network, rig.server, "GET", "/retainedMessage", "maxResults=1");
        const QByteArray token =
            QUrl::toPercentEncoding(first.json.value(QStringLiteral("nextToken")).toString());
        QVERIFY(!token.isEmpty());
        QCOMPARE(call(&rig.network, rig.server, "GET", "/retainedMessage", "nextToken=" + token).status, 200);
        const Outcome misused = call(&rig.network, rig.server, "GET", "/things", "nextToken=" + token, {},
                                     SandboxRig::SecretKey, QStringLiteral("iot"));
        QCOMPARE(misused.status, 400);
        QCOMPARE(misused.error.message, QStringLiteral("Invalid nextToken"));
    }

    void demoFleet()
    {
        QTemporaryDir dir;
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo(dir.path())));
        QVERIFY(rig.server.backend()->thingCount() >= 40);
        QVERIFY(rig.server.backend()->retainedCount() >= 300);
        const Outcome things = call(&rig.network, rig.server, "GET", "/things", "maxResults=250", {},
                                    SandboxRig::SecretKey, QStringLiteral("iot"));
        QCOMPARE(things.status, 200);
        QCOMPARE(things.json.value(QStringLiteral("things")).toArray().size(),
                 rig.server.backend()->thingCount());
    }
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
