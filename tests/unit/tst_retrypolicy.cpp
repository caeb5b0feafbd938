// SPDX-License-Identifier: GPL-3.0-or-later
// RetryPolicy: the SDKs' standard retry mode (IOT-DATA-PLANE.md section 8).
#include "iot/apierror.h"
#include "iot/retrypolicy.h"

#include <QTest>

using Iot::ApiError;
using Iot::RetryPolicy;

Q_DECLARE_METATYPE(ApiError::Kind)

namespace {

ApiError makeError(ApiError::Kind kind, int status = 0, const QString &code = {})
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = status;
    error.code = code;
    return error;
}

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Throttling, 5xx, transient codes, transport failures and timeouts are retried; other
    // 4xx, a 409 whatever its code, TLS, credentials, clock skew and cancellation never are.
    void retryable_data()
    {
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("retryable");
        const auto service = ApiError::Kind::Service;
        QTest::newRow("429 ThrottlingException") << service << 429 << QStringLiteral("ThrottlingException") << true;
        QTest::newRow("429 without a code") << service << 429 << QStringLiteral("429") << true;
        QTest::newRow("400 Throttling") << service << 400 << QStringLiteral("Throttling") << true;
        QTest::newRow("400 TooManyRequestsException") << service << 400 << QStringLiteral("TooManyRequestsException") << true;
        QTest::newRow("400 RequestLimitExceeded") << service << 400 << QStringLiteral("RequestLimitExceeded") << true;
        QTest::newRow("400 LimitExceededException") << service << 400 << QStringLiteral("LimitExceededException") << true;
        QTest::newRow("503 SlowDown") << service << 503 << QStringLiteral("SlowDown") << true;
        QTest::newRow("400 RequestTimeout") << service << 400 << QStringLiteral("RequestTimeout") << true;
        QTest::newRow("408 RequestTimeoutException") << service << 408 << QStringLiteral("RequestTimeoutException") << true;
        QTest::newRow("400 PriorRequestNotComplete") << service << 400 << QStringLiteral("PriorRequestNotComplete") << true;
        QTest::newRow("500") << service << 500 << QStringLiteral("InternalFailureException") << true;
        QTest::newRow("502") << service << 502 << QStringLiteral("502") << true;
        QTest::newRow("503") << service << 503 << QStringLiteral("ServiceUnavailableException") << true;
        QTest::newRow("504") << service << 504 << QStringLiteral("504") << true;
        QTest::newRow("501") << service << 501 << QStringLiteral("501") << false;
        QTest::newRow("400") << service << 400 << QStringLiteral("InvalidRequestException") << false;
        QTest::newRow("401") << service << 401 << QStringLiteral("UnauthorizedException") << false;
        QTest::newRow("403") << service << 403 << QStringLiteral("ForbiddenException") << false;
        QTest::newRow("404") << service << 404 << QStringLiteral("ResourceNotFoundException") << false;
        QTest::newRow("405") << service << 405 << QStringLiteral("MethodNotAllowedException") << false;
        QTest::newRow("409") << service << 409 << QStringLiteral("ConflictException") << false;
        QTest::newRow("409 with a throttling code") << service << 409 << QStringLiteral("ThrottlingException") << false;
        QTest::newRow("413") << service << 413 << QStringLiteral("RequestEntityTooLargeException") << false;
        QTest::newRow("415") << service << 415 << QStringLiteral("UnsupportedDocumentEncodingException") << false;
        QTest::newRow("200 unreadable body") << service << 200 << QString() << false;
        QTest::newRow("transport") << ApiError::Kind::Transport << 0 << QString() << true;
        QTest::newRow("timeout") << ApiError::Kind::Timeout << 0 << QString() << true;
        QTest::newRow("tls") << ApiError::Kind::Tls << 0 << QString() << false;
        QTest::newRow("credentials") << ApiError::Kind::Credentials << 0 << QString() << false;
        QTest::newRow("clock skew") << ApiError::Kind::ClockSkew << 403 << QStringLiteral("ForbiddenException") << false;
        QTest::newRow("cancelled") << ApiError::Kind::Cancelled << 0 << QString() << false;
        QTest::newRow("none") << ApiError::Kind::None << 200 << QString() << false;
    }
    void retryable()
    {
        QFETCH(ApiError::Kind, kind);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(bool, retryable);
        QCOMPARE(RetryPolicy::isRetryable(makeError(kind, status, code)), retryable);
        RetryPolicy policy([] { return 0.5; });
        QCOMPARE(policy.acquireRetry(makeError(kind, status, code), 1).has_value(), retryable);
    }

    // The backoff before retry n is rand × min(2^(n−1), 20) seconds.
    void backoff_data()
    {
        QTest::addColumn<double>("random");
        QTest::addColumn<int>("retry");
        QTest::addColumn<int>("expectedMs");
        QTest::newRow("zero") << 0.0 << 1 << 0;
        QTest::newRow("full first") << 1.0 << 1 << 1000;
        QTest::newRow("half first") << 0.5 << 1 << 500;
        QTest::newRow("full second") << 1.0 << 2 << 2000;
        QTest::newRow("quarter third") << 0.25 << 3 << 1000;
        QTest::newRow("fifth: 16 s") << 1.0 << 5 << 16000;
        QTest::newRow("sixth: capped at 20 s") << 1.0 << 6 << 20000;
        QTest::newRow("tenth: capped at 20 s") << 0.5 << 10 << 10000;
        QTest::newRow("out of range random clamped") << 1.5 << 1 << 1000;
    }
    void backoff()
    {
        QFETCH(double, random);
        QFETCH(int, retry);
        QFETCH(int, expectedMs);
        const RetryPolicy policy([random] { return random; });
        QCOMPARE(policy.backoffMs(retry), expectedMs);
    }

    // At most three attempts: a retry is granted after attempts 1 and 2, never after 3.
    void maxAttempts_data()
    {
        QTest::addColumn<int>("maxAttempts");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<bool>("granted");
        QTest::newRow("after 1 of 3") << 3 << 1 << true;
        QTest::newRow("after 2 of 3") << 3 << 2 << true;
        QTest::newRow("after 3 of 3") << 3 << 3 << false;
        QTest::newRow("after 1 of 1") << 1 << 1 << false;
    }
    void maxAttempts()
    {
        QFETCH(int, maxAttempts);
        QFETCH(int, attempt);
        QFETCH(bool, granted);
        RetryPolicy policy({}, maxAttempts);
        QCOMPARE(policy.maxAttempts(), maxAttempts);
        QCOMPARE(policy.acquireRetry(makeError(ApiError::Kind::Service, 503), attempt).has_value(),
                 granted);
    }

    // The quota starts at 500: a retry costs 5 (10 after a timeout), a first-try success earns
    // 1, a retried success returns its last retry's cost; never above 500.
    void quota_data()
    {
        QTest::addColumn<int>("retries");
        QTest::addColumn<int>("timeoutRetries");
        QTest::addColumn<int>("firstTrySuccesses");
        QTest::addColumn<int>("retriedSuccesses");
        QTest::addColumn<int>("expected");
        QTest::newRow("fresh") << 0 << 0 << 0 << 0 << 500;
        QTest::newRow("one retry") << 1 << 0 << 0 << 0 << 495;
        QTest::newRow("one timeout retry") << 0 << 1 << 0 << 0 << 490;
        QTest::newRow("retry then success refunded") << 1 << 0 << 0 << 1 << 500;
        QTest::newRow("ten retries, three first-try successes") << 10 << 0 << 3 << 0 << 453;
        QTest::newRow("capped at 500") << 0 << 0 << 7 << 0 << 500;
        QTest::newRow("timeouts and refunds") << 0 << 4 << 2 << 2 << 472;
    }
    void quota()
    {
        QFETCH(int, retries);
        QFETCH(int, timeoutRetries);
        QFETCH(int, firstTrySuccesses);
        QFETCH(int, retriedSuccesses);
        QFETCH(int, expected);
        RetryPolicy policy([] { return 0.0; });
        for (int i = 0; i < retries; ++i)
            QCOMPARE(policy.acquireRetry(makeError(ApiError::Kind::Service, 503), 1).value_or(-1), 5);
        for (int i = 0; i < timeoutRetries; ++i)
            QCOMPARE(policy.acquireRetry(makeError(ApiError::Kind::Timeout), 1).value_or(-1), 10);
        for (int i = 0; i < firstTrySuccesses; ++i)
            policy.recordSuccess(1, 0);
        for (int i = 0; i < retriedSuccesses; ++i)
            policy.recordSuccess(2, 5);
        QCOMPARE(policy.quota(), expected);
    }

    // Once the quota cannot pay for a retry, failures are not retried until successes refill it.
    void quotaExhausted_data()
    {
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<int>("granted");
        QTest::newRow("5 per retry") << ApiError::Kind::Transport << 100;
        QTest::newRow("10 per timeout") << ApiError::Kind::Timeout << 50;
    }
    void quotaExhausted()
    {
        QFETCH(ApiError::Kind, kind);
        QFETCH(int, granted);
        RetryPolicy policy([] { return 0.0; });
        int count = 0;
        while (policy.acquireRetry(makeError(kind), 1))
            ++count;
        QCOMPARE(count, granted);
        QCOMPARE(policy.quota(), 0);
        for (int i = 0; i < 7; ++i) // 7 tokens: enough for a retry (5), not after a timeout (10)
            policy.recordSuccess(1, 0);
        QCOMPARE(policy.acquireRetry(makeError(kind), 1).has_value(),
                 kind == ApiError::Kind::Transport);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
