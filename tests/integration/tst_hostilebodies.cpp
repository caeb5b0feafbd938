// SPDX-License-Identifier: GPL-3.0-or-later
// Malformed and hostile answers from an endpoint that is not AWS: a real HTTP server on
// loopback (QTcpServer, port 0) answers every request with one canned response, and the real
// client stack (RequestExecutor, SigV4, IotDataClient) reads it. Wrong JSON types, numbers
// beyond 64 bits, 10,000-deep nesting, invalid UTF-8, a 10 MB body, truncated JSON and
// transfers, an empty 200 and a proxy's HTML 500 page: each call finishes with an error that
// says what was wrong, nothing crashes or hangs, and a shadow view shows it in its bar.
#include "iot/apicall.h"
#include "iot/iotdataclient.h"
#include "iot/requestexecutor.h"
#include "iot/retrypolicy.h"
#include "loopbackhttpserver.h"
#include "shadowview.h"
#include "widgetwaits.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

/** Answers every request on 127.0.0.1 with answer; closes the connection after it when closeAfter is set. */
class HostileServer : public LoopbackHttpServer
{
public:
    HostileServer()
        : LoopbackHttpServer([this](QTcpSocket *socket, const QByteArray &) {
            socket->write(answer);
            if (closeAfter)
                socket->disconnectFromHost();
        })
    {
    }

    QByteArray answer;
    bool closeAfter = false;
};

/** The client stack on @p server: static test keys, retries at once. */
struct ClientStack
{
    explicit ClientStack(const QUrl &url)
        : credentials(Aws::Credentials{{QStringLiteral("AKIDEXAMPLE"),
                                        QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                        {}},
                                       std::nullopt,
                                       QStringLiteral("a test")})
        , executor(&network, &credentials)
        , data(&executor, Iot::Endpoint{url, {QStringLiteral("us-east-1"), QStringLiteral("iotdata")}, {}})
    {
        executor.setRetryPolicy(Iot::RetryPolicy([] { return 0.0; }));
    }

    QNetworkAccessManager network;
    Aws::StaticCredentialsProvider credentials;
    Iot::RequestExecutor executor;
    Iot::IotDataClient data;
};

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class TestHostileBodies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostileAnswer_data()
    {
        QTest::addColumn<QByteArray>("operation");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<QString>("message");

        const int service = int(Iot::ApiError::Kind::Service);
        const int transport = int(Iot::ApiError::Kind::Transport);
        const QByteArray ok = "200 OK";
        QTest::newRow("state a string")
            << QByteArray("shadow") << httpResponse(ok, R"({"state":"on","version":1,"timestamp":1})")
            << false << service << 1 << QStringLiteral("The answer could not be read: state is not an object");
        QTest::newRow("version a string")
            << QByteArray("shadow") << httpResponse(ok, R"({"state":{},"version":"7","timestamp":1})")
            << false << service << 1 << QStringLiteral("The answer could not be read: version is not an integer");
        QTest::newRow("version a fraction")
            << QByteArray("shadow") << httpResponse(ok, R"({"state":{},"version":7.5,"timestamp":1})")
            << false << service << 1 << QStringLiteral("The answer could not be read: version is not an integer");
        QTest::newRow("version beyond 64 bits")
            << QByteArray("shadow")
            << httpResponse(ok, R"({"state":{},"version":99999999999999999999999,"timestamp":1})")
            << false << service << 1
            << QStringLiteral("The answer could not be read: version is out of the 64-bit integer range");
        QTest::newRow("number beyond double")
            << QByteArray("shadow")
            << httpResponse(ok, R"({"state":{"desired":{"x":1e400}},"version":1,"timestamp":1})")
            << false << service << 1 << QStringLiteral("The answer could not be read: not JSON: ");
        QTest::newRow("payload not base64")
            << QByteArray("retained")
            << httpResponse(ok, R"({"topic":"t","payload":"%%% not base64 %%%","qos":0,"lastModifiedTime":1})")
            << false << service << 1 << QStringLiteral("The answer could not be read: payload is not base64");
        QTest::newRow("topics not an array")
            << QByteArray("list") << httpResponse(ok, R"({"retainedTopics":{"topic":"t"}})")
            << false << service << 1 << QStringLiteral("The answer could not be read: retainedTopics is not an array");
        QTest::newRow("a topic not an object")
            << QByteArray("list") << httpResponse(ok, R"({"retainedTopics":[42]})")
            << false << service << 1 << QStringLiteral("The answer could not be read: an element is not an object");
        QTest::newRow("nesting 10000 deep")
            << QByteArray("shadow")
            << httpResponse(ok, R"({"state":{"desired":{"x":)" + nested(10000) + R"(}},"version":1,"timestamp":1})")
            << false << service << 1 << QStringLiteral("The answer could not be read: not JSON: ");
        QTest::newRow("invalid UTF-8")
            << QByteArray("shadow")
            << httpResponse(ok, "{\"state\":{\"desired\":{\"name\":\"\xff\xfe\xc3\"}},\"version\":1,\"timestamp\":1}")
            << false << service << 1 << QStringLiteral("The answer could not be read: not JSON: ");
        QTest::newRow("truncated JSON")
            << QByteArray("shadow") << httpResponse(ok, R"({"state":{"desired":{"a":1})")
            << false << service << 1 << QStringLiteral("The answer could not be read: not JSON: ");
        QTest::newRow("empty 200")
            << QByteArray("shadow") << httpResponse(ok, {})
            << false << service << 1 << QStringLiteral("The answer could not be read: not JSON: ");
        QTest::newRow("array, not an object")
            << QByteArray("shadow") << httpResponse(ok, "[1,2,3]")
            << false << service << 1 << QStringLiteral("The answer could not be read: not a JSON object");
        // The connection closes 20 bytes into a body of 100: a read is retried, then fails.
        QTest::newRow("truncated transfer")
            << QByteArray("shadow")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                          R"({"state":{"desired":)")
            << true << transport << 3 << QString();
        // A proxy's or load balancer's page: its title, not 2 KB of markup.
        QTest::newRow("HTML 500")
            << QByteArray("shadow")
            << httpResponse("500 Internal Server Error",
                        "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title><style>"
                            + QByteArray(2000, ' ') + "</style></head><body><h1>Bad Gateway</h1>"
                            "<p>The upstream server did not answer.</p></body></html>",
                        "Content-Type: text/html\r\n")
            << false << service << 3 << QStringLiteral("500 (HTTP 500): an HTML page: 502 Bad Gateway");
        QTest::newRow("plain text 404 without a message")
            << QByteArray("shadow")
            << httpResponse("404 Not Found", QByteArray(5000, 'x'), "Content-Type: text/plain\r\n")
            << false << service << 1 << QStringLiteral("404 (HTTP 404): xxxx");
        QTest::newRow("empty 403")
            << QByteArray("shadow") << httpResponse("403 Forbidden", {}, {})
            << false << service << 1 << QStringLiteral("403 (HTTP 403): Forbidden");
        // 10 MB of valid JSON: aborted once past the executor's limit, and not asked again.
        QTest::newRow("10 MB body")
            << QByteArray("shadow")
            << httpResponse(ok, R"({"state":{"desired":{"blob":")" + QByteArray(10'000'000, 'a')
                                 + R"("}},"version":1,"timestamp":1})")
            << false << transport << 1
            << QStringLiteral("No answer from the endpoint: the answer is larger than 8 MiB (10000");
    }

    void hostileAnswer()
    {
        QFETCH(QByteArray, operation);
        QFETCH(QByteArray, answer);
        QFETCH(bool, closeAfter);
        QFETCH(int, kind);
        QFETCH(int, attempts);
        QFETCH(QString, message);

        HostileServer server;
        QVERIFY(server.listen());
        server.answer = answer;
        server.closeAfter = closeAfter;
        ClientStack stack(server.url());
        QList<Iot::RequestLogEntry> log;
        connect(&stack.executor, &Iot::RequestExecutor::attemptFinished, this,
                [&log](const Iot::RequestLogEntry &entry) { log.append(entry); });

        Iot::ApiCall *call = operation == "shadow" ? stack.data.getThingShadow(QStringLiteral("lamp"))
            : operation == "retained"             ? stack.data.getRetainedMessage(QStringLiteral("t"))
                                                  : stack.data.listRetainedMessages();
        // The call deletes itself once finished() is delivered: keep what it said.
        int finished = 0;
        Iot::ApiError error;
        bool hasResult = true;
        connect(call, &Iot::ApiCall::finished, this, [&, call] {
            ++finished;
            error = call->error();
            hasResult = call->result<Iot::ShadowDocument>() || call->result<Iot::RetainedMessage>()
                || call->result<Iot::RetainedPage>();
        });
        QTRY_COMPARE_WITH_TIMEOUT(finished, 1, 20000);
        const QString said = error.userMessage();
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.attempts, attempts);
        QCOMPARE(server.requests, attempts);
        QVERIFY(!hasResult);
        QVERIFY2(said.contains(message), qPrintable(said));
        // One line a person can read: no megabytes of body, and more than the bare status.
        QVERIFY2(said.size() < 400, qPrintable(said.left(400)));
        QVERIFY2(error.message.size() > 8, qPrintable(said));
        QCOMPARE(log.size(), attempts);
        QVERIFY(!log.constLast().errorMessage.isEmpty());
    }

    // A shadow view on the hostile endpoint says in its bar what was wrong with the answer,
    // and shows no document.
    void shadowViewShowsTheError()
    {
        HostileServer server;
        QVERIFY(server.listen());
        server.answer = httpResponse("200 OK", R"({"state":{"desired":[]},"version":1,"timestamp":1})");
        ClientStack stack(server.url());
        ShadowView view(&stack.data, QStringLiteral("lamp"), {});
        QVERIFY(showExposed(view, {900, 600}));
        QSignalSpy loaded(&view, &ShadowView::loadFinished);
        QVERIFY(loaded.wait(20000));
        auto *status = view.findChild<QLabel *>(QStringLiteral("shadowStatus"));
        QVERIFY(status);
        QTRY_VERIFY(status->isVisible());
        QVERIFY2(status->text().startsWith(QStringLiteral("The shadow did not load: ")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("desired is not an object")), qPrintable(status->text()));
        QVERIFY(!view.document());
    }
};

QTEST_MAIN(TestHostileBodies)
#include "tst_hostilebodies.moc"
