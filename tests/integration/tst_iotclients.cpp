// SPDX-License-Identifier: GPL-3.0-or-later
// IotDataClient and IotControlClient through the RequestExecutor against the in-process
// sandbox over real loopback HTTP and HTTPS, SigV4 verified: typed results, paging, retries
// (the sandbox's fault plan), cancellation, clock skew, credentials and the request log.
#include "aws/credentials.h"
#include "iot/apicall.h"
#include "iot/iotcontrolclient.h"
#include "iot/iotdataclient.h"
#include "iot/iotjson.h"
#include "iot/requestexecutor.h"
#include "sandbox/sandboxbackend.h"
#include "sandboxrig.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>
#include <variant>

namespace {

const QString SessionToken = QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN");
const QString AwkwardTopic = QStringLiteral("a/b c/%/café");

// A provider that counts its lookups and answers with fixed credentials or a failure.
class CountingProvider final : public Aws::CredentialsProvider
{
public:
    explicit CountingProvider(std::optional<Aws::Credentials> credentials,
                              QString failure = {})
        : m_credentials(std::move(credentials))
        , m_failure(std::move(failure))
    {
    }
    Aws::CredentialsJob *resolve(QObject *parent) override
    {
        ++lookups;
        auto *job = new Aws::CredentialsJob(parent);
        if (m_credentials)
            job->finishFound(*m_credentials);
        else
            job->finishFailed(m_failure);
        return job;
    }
    int lookups = 0;

private:
    std::optional<Aws::Credentials> m_credentials;
    QString m_failure;
};

template<class T>
struct Outcome
{
    Iot::ApiError error;
    int attempts = 0;
    int finishedCount = 0;
    std::optional<T> value;
};

} // namespace

class TestIotClients : public QObject
{
    Q_OBJECT

private:
    // Waits for @p call; T is the result type (std::monostate: none).
    template<class T = std::monostate>
    Outcome<T> await(Iot::ApiCall *call, int timeoutMs = 10000)
    {
        Outcome<T> outcome;
        connect(call, &Iot::ApiCall::finished, this, [&outcome, call] {
            ++outcome.finishedCount;
            outcome.error = call->error();
            outcome.attempts = call->attempts();
            if constexpr (!std::is_same_v<T, std::monostate>) {
                if (const T *value = call->template result<T>())
                    outcome.value = *value;
            }
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.finishedCount > 0, timeoutMs); }();
        return outcome;
    }

private Q_SLOTS:
    // Every operation once, with its typed result, over HTTP and over HTTPS trusting only the
    // sandbox's certificate (given on the Endpoint): an awkward topic and user properties
    // round-trip exactly.
    void everyOperation_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }
    void everyOperation()
    {
        QFETCH(bool, tls);
        Sandbox::ServerOptions options;
        options.tls = tls;
        SandboxRig rig;
        QVERIFY(rig.start(options));
        QCOMPARE(rig.server.endpoint().scheme(), tls ? QStringLiteral("https") : QStringLiteral("http"));

        Iot::PublishRequest publish;
        publish.topic = AwkwardTopic;
        publish.payload = QByteArrayLiteral("{\"c\":21.5}");
        publish.qos = 1;
        publish.retain = true;
        publish.contentType = QStringLiteral("application/json");
        publish.payloadFormat = Iot::PayloadFormat::Utf8Data;
        publish.correlationData = QByteArrayLiteral("corr-1");
        publish.messageExpiry = 3600;
        publish.userProperties = {{QStringLiteral("unit"), QStringLiteral("°C")},
                                  {QStringLiteral("unit"), QStringLiteral("K")}};
        const auto published = await(rig.data->publish(publish));
        QVERIFY2(!published.error.isError(), qPrintable(published.error.userMessage()));
        QCOMPARE(published.attempts, 1);
        QCOMPARE(published.finishedCount, 1);

        const auto message = await<Iot::RetainedMessage>(rig.data->getRetainedMessage(AwkwardTopic));
        QVERIFY2(message.value, qPrintable(message.error.userMessage()));
        QCOMPARE(message.value->topic, AwkwardTopic);
        QCOMPARE(message.value->payload, publish.payload);
        QCOMPARE(message.value->qos, 1);
        QCOMPARE(message.value->userProperties, publish.userProperties);
        QVERIFY(qAbs(message.value->lastModified.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        const auto retained = await<Iot::RetainedPage>(rig.data->listRetainedMessages());
        QVERIFY2(retained.value, qPrintable(retained.error.userMessage()));
        QCOMPARE(retained.value->topics.size(), 1);
        QCOMPARE(retained.value->topics.at(0).topic, AwkwardTopic);
        QCOMPARE(retained.value->topics.at(0).payloadSize, publish.payload.size());
        QVERIFY(retained.value->nextToken.isEmpty());

        const auto updated = await<Iot::ShadowDocument>(rig.data->updateThingShadow(
            QStringLiteral("lamp:01"), QStringLiteral("config"),
            R"({"state":{"desired":{"level":3},"reported":{"level":1}},"clientToken":"t-1"})"));
        QVERIFY2(updated.value, qPrintable(updated.error.userMessage()));
        QCOMPARE(updated.value->version, 1);
        QCOMPARE(updated.value->clientToken, QStringLiteral("t-1"));
        QCOMPARE(updated.value->desired.value(QStringLiteral("level")).toInt(), 3);

        const auto shadow = await<Iot::ShadowDocument>(
            rig.data->getThingShadow(QStringLiteral("lamp:01"), QStringLiteral("config")));
        QVERIFY2(shadow.value, qPrintable(shadow.error.userMessage()));
        QCOMPARE(shadow.value->version, 1);
        QCOMPARE(shadow.value->reported.value(QStringLiteral("level")).toInt(), 1);
        QCOMPARE(shadow.value->delta.value(QStringLiteral("level")).toInt(), 3);
        QVERIFY(shadow.value->desiredMetadata.contains(QStringLiteral("level")));

        const auto names = await<Iot::NamedShadowPage>(
            rig.data->listNamedShadowsForThing(QStringLiteral("lamp:01")));
        QVERIFY2(names.value, qPrintable(names.error.userMessage()));
        QCOMPARE(names.value->names, QStringList{QStringLiteral("config")});

        const auto deleted = await<Iot::DeletedShadow>(
            rig.data->deleteThingShadow(QStringLiteral("lamp:01"), QStringLiteral("config")));
        QVERIFY2(deleted.value, qPrintable(deleted.error.userMessage()));
        QCOMPARE(deleted.value->version, 1);

        const auto missing = await<Iot::ShadowDocument>(
            rig.data->getThingShadow(QStringLiteral("lamp:01"), QStringLiteral("config")));
        QCOMPARE(int(missing.error.kind), int(Iot::ApiError::Kind::Service));
        QCOMPARE(missing.error.httpStatus, 404);
        QCOMPARE(missing.error.code, QStringLiteral("ResourceNotFoundException"));
        QVERIFY(!missing.value);

        const auto endpoint = await<Iot::EndpointAddress>(rig.control->describeEndpoint());
        QVERIFY2(endpoint.value, qPrintable(endpoint.error.userMessage()));
        QVERIFY(endpoint.value->address.endsWith(QLatin1String("-ats.iot.us-east-1.amazonaws.com")));

        const auto things = await<Iot::ThingPage>(rig.control->listThings());
        QVERIFY2(things.value, qPrintable(things.error.userMessage()));
        QVERIFY(things.value->things.isEmpty());

        // Each operation once (the log names them), every attempt the first.
        QSet<QString> operations;
        for (const Iot::RequestLogEntry &entry : std::as_const(rig.log)) {
            operations.insert(entry.operation);
            QCOMPARE(entry.attempt, 1);
        }
        QCOMPARE(operations.size(), 9);
    }

    // Paging loops over the demo fleet: every thing and retained topic exactly once, filters
    // applied; named shadows one per page.
    void paging()
    {
        QTemporaryDir dir;
        SandboxRig rig;
        QVERIFY(rig.start(SandboxRig::demo(dir.path())));

        QStringList names;
        Iot::ListThingsRequest request;
        request.maxResults = 7;
        int pages = 0;
        do {
            const auto page = await<Iot::ThingPage>(rig.control->listThings(request));
            QVERIFY2(page.value, qPrintable(page.error.userMessage()));
            QVERIFY(page.value->things.size() <= 7);
            for (const Iot::ThingSummary &thing : page.value->things)
                names.append(thing.name);
            request.nextToken = page.value->nextToken;
            ++pages;
        } while (!request.nextToken.isEmpty());
        QCOMPARE(names.size(), rig.server.backend()->thingCount());
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
        QVERIFY(pages > 1);

        Iot::ListThingsRequest filtered;
        filtered.thingTypeName = QStringLiteral("Thermostat");
        const auto thermostats = await<Iot::ThingPage>(rig.control->listThings(filtered));
        QVERIFY2(thermostats.value, qPrintable(thermostats.error.userMessage()));
        QVERIFY(!thermostats.value->things.isEmpty());
        QVERIFY(thermostats.value->things.size() < names.size());
        for (const Iot::ThingSummary &thing : thermostats.value->things) {
            QCOMPARE(thing.typeName, QStringLiteral("Thermostat"));
            QVERIFY(thing.arn.endsWith(QLatin1String(":thing/") + thing.name));
        }

        QStringList topics;
        QString token;
        do {
            const auto page = await<Iot::RetainedPage>(rig.data->listRetainedMessages(token, 50));
            QVERIFY2(page.value, qPrintable(page.error.userMessage()));
            for (const Iot::RetainedMessageSummary &topic : page.value->topics)
                topics.append(topic.topic);
            token = page.value->nextToken;
        } while (!token.isEmpty());
        QCOMPARE(topics.size(), rig.server.backend()->retainedCount());
        QCOMPARE(QSet<QString>(topics.cbegin(), topics.cend()).size(), topics.size());

        for (const QString &shadow : {QStringLiteral("a"), QStringLiteral("b:1"), QStringLiteral("c")})
            QVERIFY(!await(rig.data->updateThingShadow(QStringLiteral("pager"), shadow,
                                                        R"({"state":{"reported":{"x":1}}})"))
                         .error.isError());
        QStringList shadows;
        do {
            const auto page = await<Iot::NamedShadowPage>(
                rig.data->listNamedShadowsForThing(QStringLiteral("pager"), token, 1));
            QVERIFY2(page.value, qPrintable(page.error.userMessage()));
            QCOMPARE(page.value->names.size(), 1);
            shadows += page.value->names;
            token = page.value->nextToken;
        } while (!token.isEmpty());
        QCOMPARE(shadows, (QStringList{QStringLiteral("a"), QStringLiteral("b:1"), QStringLiteral("c")}));
    }

    // Throttled twice, the call succeeds on its third attempt, one job throughout: finished
    // once, three log entries, the retry cost refunded to the quota.
    void throttledTwiceThenSucceeds()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        QVERIFY(!await(rig.data->updateThingShadow(QStringLiteral("lamp"), {},
                                                    R"({"state":{"reported":{"on":true}}})"))
                     .error.isError());
        QVERIFY(rig.setFaults(R"({"rules":[{"operations":["GetThingShadow"],"kind":"status","status":429,"count":2}]})"));
        rig.log.clear();
        const auto shadow = await<Iot::ShadowDocument>(rig.data->getThingShadow(QStringLiteral("lamp")));
        QVERIFY2(shadow.value, qPrintable(shadow.error.userMessage()));
        QCOMPARE(shadow.attempts, 3);
        QCOMPARE(shadow.finishedCount, 1);
        QCOMPARE(shadow.value->reported.value(QStringLiteral("on")).toBool(), true);
        QCOMPARE(rig.log.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(rig.log.at(i).attempt, i + 1);
            QCOMPARE(rig.log.at(i).operation, QStringLiteral("GetThingShadow"));
        }
        QCOMPARE(rig.log.at(0).httpStatus, 429);
        QCOMPARE(rig.log.at(0).errorCode, QStringLiteral("ThrottlingException"));
        QCOMPARE(rig.log.at(1).httpStatus, 429);
        QCOMPARE(rig.log.at(2).httpStatus, 200);
        QVERIFY(rig.log.at(2).errorCode.isEmpty());
        // 500 − 5 − 5 for the retries, + 5 refunded for the final success.
        QCOMPARE(rig.executor->retryPolicy().quota(), 495);
    }

    // A 403 (a wrong signature) and a 409 (a version conflict) are never retried.
    void notRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("403 forbidden") << 403;
        QTest::newRow("409 conflict") << 409;
    }
    void notRetried()
    {
        QFETCH(int, status);
        SandboxRig rig;
        QVERIFY(rig.start());
        QVERIFY(!await(rig.data->updateThingShadow(QStringLiteral("lamp"), {},
                                                    R"({"state":{"reported":{"on":true}}})"))
                     .error.isError());
        if (status == 403)
            rig.useCredentials(std::make_unique<Aws::StaticCredentialsProvider>(
                Aws::Credentials{{SandboxRig::AccessKey, QStringLiteral("not-the-secret"), {}}, std::nullopt, {}}));
        rig.log.clear();
        const auto refused = await<Iot::ShadowDocument>(rig.data->updateThingShadow(
            QStringLiteral("lamp"), {}, R"({"state":{"reported":{"on":false}},"version":7})"));
        QCOMPARE(int(refused.error.kind), int(Iot::ApiError::Kind::Service));
        QCOMPARE(refused.error.httpStatus, status);
        QCOMPARE(refused.error.attempts, 1);
        QCOMPARE(refused.attempts, 1);
        QVERIFY(!refused.error.retryable);
        QVERIFY(!refused.value);
        QCOMPARE(rig.log.size(), 1);
        QCOMPARE(rig.log.at(0).httpStatus, status);
    }

    // A 503 on Publish is retried, and the message is published.
    void publishRetriedAfter503()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        QVERIFY(rig.setFaults(R"({"rules":[{"operations":["Publish"],"kind":"status","status":503,"count":1}]})"));
        Iot::PublishRequest publish;
        publish.topic = QStringLiteral("t/1");
        publish.payload = QByteArrayLiteral("x");
        publish.retain = true;
        const auto published = await(rig.data->publish(publish));
        QVERIFY2(!published.error.isError(), qPrintable(published.error.userMessage()));
        QCOMPARE(published.attempts, 2);
        QCOMPARE(rig.log.at(0).httpStatus, 503);
        QCOMPARE(rig.log.at(0).errorCode, QStringLiteral("ServiceUnavailableException"));
        QCOMPARE(rig.server.backend()->retainedCount(), 1);
    }

    // Read-only: every write is refused before it is signed or sent (the sandbox never sees
    // it, the request log has no attempt), with a message that names the operation; reads
    // still work.
    void readOnlyRefusesWrites()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        rig.executor->setReadOnly(true);
        Iot::PublishRequest publish;
        publish.topic = QStringLiteral("t/1");
        publish.payload = QByteArrayLiteral("x");
        publish.retain = true;
        const auto published = await(rig.data->publish(publish));
        QCOMPARE(published.error.kind, Iot::ApiError::Kind::ReadOnly);
        QVERIFY(published.error.userMessage().contains(QStringLiteral("Publish")));
        const auto updated = await<Iot::ShadowDocument>(rig.data->updateThingShadow(
            QStringLiteral("t"), {}, R"({"state":{"desired":{"a":1}}})"));
        QCOMPARE(updated.error.kind, Iot::ApiError::Kind::ReadOnly);
        const auto deleted = await<Iot::DeletedShadow>(rig.data->deleteThingShadow(QStringLiteral("t")));
        QCOMPARE(deleted.error.kind, Iot::ApiError::Kind::ReadOnly);
        QVERIFY(rig.log.isEmpty());
        QCOMPARE(rig.server.backend()->retainedCount(), 0);
        const auto listed = await<Iot::RetainedPage>(rig.data->listRetainedMessages());
        QVERIFY2(!listed.error.isError(), qPrintable(listed.error.userMessage()));
        QCOMPARE(rig.log.size(), 1);
    }

    // A truncated body is a Transport error (retried, then reported), never a crash or a
    // half-parsed result; a whole body that does not parse is a Service error.
    void brokenBodies()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        QVERIFY(!await(rig.data->updateThingShadow(QStringLiteral("lamp"), {},
                                                    R"({"state":{"reported":{"on":true}}})"))
                     .error.isError());
        QVERIFY(rig.setFaults(R"({"rules":[{"operations":["GetThingShadow"],"kind":"truncate"}]})"));
        const auto truncated = await<Iot::ShadowDocument>(rig.data->getThingShadow(QStringLiteral("lamp")));
        QCOMPARE(int(truncated.error.kind), int(Iot::ApiError::Kind::Transport));
        QCOMPARE(truncated.attempts, 3);
        QVERIFY(truncated.error.retryable);
        QVERIFY(!truncated.value);

        // A cut-off answer to a write is not sent again: the service has applied it.
        QVERIFY(rig.setFaults(R"({"rules":[{"operations":["Publish"],"kind":"truncate"}]})"));
        Iot::PublishRequest publish;
        publish.topic = QStringLiteral("once/only");
        publish.payload = "x";
        publish.retain = true;
        const auto cutOff = await(rig.data->publish(publish));
        QCOMPARE(int(cutOff.error.kind), int(Iot::ApiError::Kind::Transport));
        QCOMPARE(cutOff.attempts, 1);
        QVERIFY(!cutOff.error.retryable);
        QVERIFY(cutOff.error.message.contains(QStringLiteral("may have been applied")));
        QCOMPARE(rig.server.backend()->retainedCount(), 1);

        // ListRetainedMessages' body read as a ListThings page: "things" is missing.
        const auto unreadable = await<Iot::ThingPage>(rig.executor->send(Iot::ApiRequest{
            QStringLiteral("ListRetainedMessages"), rig.data->endpoint(), "GET",
            "/retainedMessage", {}, {}, {}, Iot::makeParser(&Iot::IotJson::parseThingPage)}));
        QCOMPARE(int(unreadable.error.kind), int(Iot::ApiError::Kind::Service));
        QCOMPARE(unreadable.error.httpStatus, 200);
        QCOMPARE(unreadable.attempts, 1);
        QVERIFY(unreadable.error.message.contains(QLatin1String("things")));
        QVERIFY(!unreadable.value);
    }

    // cancel() during the wait before a retry finishes the call at once, Cancelled, and no
    // further attempt is sent.
    void cancelDuringBackoff()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        rig.executor->setRetryPolicy(Iot::RetryPolicy([] { return 1.0; })); // 1 s, then 2 s
        QVERIFY(rig.setFaults(R"({"rules":[{"operations":["ListRetainedMessages"],"kind":"status","status":429,"count":2}]})"));
        QSignalSpy attempts(rig.executor.get(), &Iot::RequestExecutor::attemptFinished);
        Iot::ApiCall *call = rig.data->listRetainedMessages();
        QVERIFY(attempts.wait(5000));
        call->cancel();
        const auto cancelled = await<Iot::RetainedPage>(call, 500);
        QCOMPARE(int(cancelled.error.kind), int(Iot::ApiError::Kind::Cancelled));
        QCOMPARE(cancelled.attempts, 1);
        QCOMPARE(cancelled.finishedCount, 1);
        QVERIFY(!cancelled.value);
        QCOMPARE(attempts.size(), 1);
    }

    // A sandbox whose clock is 10 minutes ahead refuses the first signature; the executor
    // takes the offset from the Date header, retries once, and signs later requests with it.
    void clockSkewCorrected()
    {
        Sandbox::ServerOptions options;
        options.pinnedClock = QDateTime::currentDateTimeUtc().addSecs(600);
        SandboxRig rig;
        QVERIFY(rig.start(options));
        const auto first = await<Iot::RetainedPage>(rig.data->listRetainedMessages());
        QVERIFY2(first.value, qPrintable(first.error.userMessage()));
        QCOMPARE(first.attempts, 2);
        QCOMPARE(rig.log.at(0).httpStatus, 403);
        QVERIFY(rig.log.at(0).errorMessage.startsWith(QLatin1String("Signature expired:")));
        QVERIFY2(qAbs(rig.executor->clockOffsetSeconds() - 600) <= 5,
                 qPrintable(QString::number(rig.executor->clockOffsetSeconds())));
        const auto second = await<Iot::RetainedPage>(rig.data->listRetainedMessages());
        QVERIFY(second.value);
        QCOMPARE(second.attempts, 1);
    }

    // Credentials are looked up once and reused, but again when they expire within 5 minutes;
    // a provider's failure is a Credentials error with its words, never a request.
    void credentials()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        auto lasting = std::make_unique<CountingProvider>(
            Aws::Credentials{{SandboxRig::AccessKey, SandboxRig::SecretKey, {}}, QDateTime::currentDateTimeUtc().addSecs(3600), {}});
        CountingProvider *lastingProvider = lasting.get();
        rig.useCredentials(std::move(lasting));
        QVERIFY(await(rig.data->listRetainedMessages()).error.kind == Iot::ApiError::Kind::None);
        QVERIFY(await(rig.data->listRetainedMessages()).error.kind == Iot::ApiError::Kind::None);
        QCOMPARE(lastingProvider->lookups, 1);

        auto expiring = std::make_unique<CountingProvider>(
            Aws::Credentials{{SandboxRig::AccessKey, SandboxRig::SecretKey, {}}, QDateTime::currentDateTimeUtc().addSecs(240), {}});
        CountingProvider *expiringProvider = expiring.get();
        rig.useCredentials(std::move(expiring));
        QVERIFY(await(rig.data->listRetainedMessages()).error.kind == Iot::ApiError::Kind::None);
        QVERIFY(await(rig.data->listRetainedMessages()).error.kind == Iot::ApiError::Kind::None);
        QCOMPARE(expiringProvider->lookups, 2);

        rig.useCredentials(std::make_unique<CountingProvider>(
            std::nullopt, QStringLiteral("credential_process exited with status 1")));
        rig.log.clear();
        const auto failed = await<Iot::RetainedPage>(rig.data->listRetainedMessages());
        QCOMPARE(int(failed.error.kind), int(Iot::ApiError::Kind::Credentials));
        QCOMPARE(failed.error.message, QStringLiteral("credential_process exited with status 1"));
        QVERIFY(!failed.error.retryable);
        QCOMPARE(failed.error.userMessage(),
                 QStringLiteral("No credentials: credential_process exited with status 1"));
        QCOMPARE(rig.log.size(), 1);
        QCOMPARE(rig.log.at(0).httpStatus, 0);
    }

    // No progress within the transfer timeout: Kind::Timeout, retried like a transport error.
    void timeout()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        rig.executor->setTransferTimeoutMs(200);
        QVERIFY(rig.setFaults(R"({"rules":[{"operations":["ListRetainedMessages"],"kind":"latency","delayMs":3000}]})"));
        const auto timedOut = await<Iot::RetainedPage>(rig.data->listRetainedMessages());
        QCOMPARE(int(timedOut.error.kind), int(Iot::ApiError::Kind::Timeout));
        QCOMPARE(timedOut.attempts, 3);
        QCOMPARE(timedOut.error.timeoutSeconds, 1);
        QCOMPARE(timedOut.error.userMessage(), QStringLiteral("The request timed out after 1 s"));
        QCOMPARE(rig.log.size(), 3);
        QCOMPARE(rig.log.at(0).errorCode, QStringLiteral("Timeout"));
        // 500 − 10 − 10: a retry after a timeout costs 10.
        QCOMPARE(rig.executor->retryPolicy().quota(), 480);
    }

    // HTTPS to an endpoint whose certificate is not trusted fails as TLS, once, and says so.
    void untrustedCertificate()
    {
        Sandbox::ServerOptions options;
        options.tls = true;
        SandboxRig rig;
        QVERIFY(rig.start(options));
        Iot::Endpoint untrusting = rig.endpoint(QStringLiteral("iotdata"));
        untrusting.caCertificates.clear();
        Iot::IotDataClient client(rig.executor.get(), untrusting);
        const auto refused = await<Iot::RetainedPage>(client.listRetainedMessages());
        QCOMPARE(int(refused.error.kind), int(Iot::ApiError::Kind::Tls));
        QCOMPARE(refused.attempts, 1);
        QVERIFY(refused.error.userMessage().startsWith(QLatin1String("TLS: ")));
        QVERIFY(!refused.error.message.isEmpty());
    }

    // A connection verified against one endpoint's authorities is never reused for a request
    // that trusts others: after a trusted call, the same host under the system's authorities
    // still fails as TLS.
    void trustIsPerEndpoint()
    {
        Sandbox::ServerOptions options;
        options.tls = true;
        SandboxRig rig;
        QVERIFY(rig.start(options));
        QVERIFY(!await<Iot::RetainedPage>(rig.data->listRetainedMessages()).error.isError());
        Iot::Endpoint untrusting = rig.endpoint(QStringLiteral("iotdata"));
        untrusting.caCertificates.clear();
        Iot::IotDataClient client(rig.executor.get(), untrusting);
        const auto refused = await<Iot::RetainedPage>(client.listRetainedMessages());
        QCOMPARE(int(refused.error.kind), int(Iot::ApiError::Kind::Tls));
    }

    // Credentials that have already expired are refused before anything is signed, in words
    // that say so.
    void expiredCredentialsAreRefused()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        rig.useCredentials(std::make_unique<Aws::StaticCredentialsProvider>(Aws::Credentials{
            {SandboxRig::AccessKey, SandboxRig::SecretKey, SessionToken}, QDateTime::currentDateTimeUtc().addSecs(-60),
            QStringLiteral("a test")}));
        const auto refused = await<Iot::RetainedPage>(rig.data->listRetainedMessages());
        QCOMPARE(int(refused.error.kind), int(Iot::ApiError::Kind::Credentials));
        QVERIFY2(refused.error.message.startsWith(QStringLiteral("the credentials from a test expired at")),
                 qPrintable(refused.error.message));
    }

    // A 403 for expired credentials drops every cached copy and retries once with fresh ones.
    void expiredTokenIsRefreshedOnce()
    {
        class CountingProvider final : public Aws::CredentialsProvider
        {
        public:
            Aws::CredentialsJob *resolve(QObject *parent) override
            {
                ++resolves;
                auto *job = new Aws::CredentialsJob(parent);
                job->finishFound({{SandboxRig::AccessKey, SandboxRig::SecretKey, {}}, std::nullopt, QStringLiteral("counting")});
                return job;
            }
            void invalidate() override { ++invalidations; }
            int resolves = 0;
            int invalidations = 0;
        };
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int requests = 0;
        connect(&server, &QTcpServer::newConnection, this, [&server, &requests] {
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &requests] {
                socket->readAll();
                const QByteArray body = ++requests == 1
                    ? QByteArrayLiteral("{\"message\":\"The security token included in the request is expired\"}")
                    : QByteArrayLiteral("{\"retainedTopics\":[]}");
                socket->write((requests == 1 ? QByteArrayLiteral("HTTP/1.1 403 Forbidden\r\nx-amzn-ErrorType: ExpiredTokenException:\r\n")
                                             : QByteArrayLiteral("HTTP/1.1 200 OK\r\n"))
                              + "Content-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            });
        });
        QNetworkAccessManager network;
        CountingProvider provider;
        Iot::RequestExecutor executor(&network, &provider);
        Iot::IotDataClient client(&executor, Iot::Endpoint{
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())),
            {QStringLiteral("us-east-1"), QStringLiteral("iotdata")}, {}});
        const auto page = await<Iot::RetainedPage>(client.listRetainedMessages());
        QVERIFY2(!page.error.isError(), qPrintable(page.error.userMessage()));
        QCOMPARE(page.attempts, 2);
        QCOMPARE(provider.invalidations, 1);
        QCOMPARE(provider.resolves, 2);
        QCOMPARE(requests, 2);
    }

    // A redirect is an answer, never followed: following it would carry the signature, the
    // session token and the body to whatever host it names.
    void redirectsAreNotFollowed()
    {
        SandboxRig rig;
        QVERIFY(rig.start());
        QTcpServer redirector;
        QVERIFY(redirector.listen(QHostAddress::LocalHost));
        const QByteArray target = rig.server.endpoint().toEncoded() + "/retainedMessage";
        connect(&redirector, &QTcpServer::newConnection, this, [&redirector, target] {
            QTcpSocket *socket = redirector.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, target] {
                socket->readAll();
                socket->write("HTTP/1.1 307 Temporary Redirect\r\nLocation: " + target
                              + "\r\nContent-Length: 0\r\n\r\n");
            });
        });
        Iot::Endpoint redirecting = rig.endpoint(QStringLiteral("iotdata"));
        redirecting.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(redirector.serverPort()));
        Iot::IotDataClient client(rig.executor.get(), redirecting);
        const auto answered = await<Iot::RetainedPage>(client.listRetainedMessages());
        QCOMPARE(answered.error.httpStatus, 307);
        QCOMPARE(answered.attempts, 1);
        QVERIFY(!answered.value);
    }

    // No request-log entry holds the secret key, the session token or a signature, whether
    // the attempt succeeded or was refused.
    void requestLogHasNoSecrets()
    {
        Sandbox::ServerOptions options;
        options.sessionToken = SessionToken;
        SandboxRig rig;
        QVERIFY(rig.start(options));
        Iot::PublishRequest publish;
        publish.topic = QStringLiteral("t/secret");
        publish.payload = QByteArrayLiteral("x");
        publish.qos = 1;
        QVERIFY(!await(rig.data->publish(publish)).error.isError());
        QVERIFY(!await(rig.data->getThingShadow(QStringLiteral("lamp"), QStringLiteral("s")))
                     .error.requestId.isEmpty());
        QVERIFY(await<Iot::EndpointAddress>(rig.control->describeEndpoint()).value);
        rig.useCredentials(std::make_unique<Aws::StaticCredentialsProvider>(Aws::Credentials{
            {SandboxRig::AccessKey, QStringLiteral("wrong") + SandboxRig::SecretKey, SessionToken}, std::nullopt, {}}));
        QCOMPARE(await(rig.data->publish(publish)).error.httpStatus, 403);
        rig.useCredentials(std::make_unique<Aws::StaticCredentialsProvider>(Aws::Credentials{
            {SandboxRig::AccessKey, SandboxRig::SecretKey, QStringLiteral("not-the-token")}, std::nullopt, {}}));
        QCOMPARE(await(rig.data->publish(publish)).error.httpStatus, 403);

        const QRegularExpression signature(QStringLiteral("[0-9a-f]{64}"));
        // The log outlives the executors: it holds every attempt of all three key sets.
        const QList<Iot::RequestLogEntry> &entries = rig.log;
        QCOMPARE(entries.size(), 5);
        for (const Iot::RequestLogEntry &entry : std::as_const(entries)) {
            const QString text = QStringList{entry.time.toString(Qt::ISODateWithMs), entry.operation,
                                             QString::fromLatin1(entry.method), entry.target,
                                             QString::number(entry.httpStatus), entry.requestId,
                                             entry.errorCode, entry.errorMessage}
                                     .join(u'|');
            QVERIFY2(!text.contains(SandboxRig::SecretKey), qPrintable(text));
            QVERIFY2(!text.contains(SessionToken), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("Signature=")), qPrintable(text));
            QVERIFY2(!signature.match(text).hasMatch(), qPrintable(text));
            QVERIFY2(!entry.target.contains(u'?'), qPrintable(text));
            QVERIFY(entry.target.startsWith(QStringLiteral("127.0.0.1:")));
        }
    }
};

QTEST_GUILESS_MAIN(TestIotClients)
#include "tst_iotclients.moc"
