// SPDX-License-Identifier: GPL-3.0-or-later
// ApiError::userMessage(): one clear line per kind, with the details that kind carries.
#include "iot/apierror.h"

#include <QTest>

using Iot::ApiError;

Q_DECLARE_METATYPE(ApiError)

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void userMessage_data()
    {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<QString>("expected");
        const auto make = [](ApiError::Kind kind, const QString &message) {
            ApiError error;
            error.kind = kind;
            error.message = message;
            return error;
        };
        QTest::newRow("none") << ApiError{} << QString();
        QTest::newRow("transport") << make(ApiError::Kind::Transport, QStringLiteral("Connection refused"))
                                   << QStringLiteral("No answer from the endpoint: Connection refused");
        QTest::newRow("cancelled") << make(ApiError::Kind::Cancelled, {}) << QStringLiteral("Cancelled");
        ApiError timeout = make(ApiError::Kind::Timeout, QStringLiteral("Operation canceled"));
        timeout.timeoutSeconds = 30;
        QTest::newRow("timeout") << timeout << QStringLiteral("The request timed out after 30 s");
        QTest::newRow("tls") << make(ApiError::Kind::Tls, QStringLiteral("The certificate is self-signed, and untrusted"))
                             << QStringLiteral("TLS: The certificate is self-signed, and untrusted; "
                                               "the certificate is not trusted");
        QTest::newRow("credentials") << make(ApiError::Kind::Credentials, QStringLiteral("profile dev not found"))
                                     << QStringLiteral("No credentials: profile dev not found");
        ApiError skew = make(ApiError::Kind::ClockSkew, QStringLiteral("Signature expired: x"));
        skew.httpStatus = 403;
        skew.clockOffsetSeconds = -612;
        QTest::newRow("clock skew")
            << skew
            << QStringLiteral("Your clock is off by -612 s; Shadowscope corrected for it and retried, "
                              "but AWS still refused the request: Signature expired: x");
        ApiError service = make(ApiError::Kind::Service, QStringLiteral("Version conflict"));
        service.httpStatus = 409;
        service.code = QStringLiteral("ConflictException");
        QTest::newRow("service") << service
                                 << QStringLiteral("ConflictException (HTTP 409): Version conflict");
        ApiError unreadable = make(ApiError::Kind::Service,
                                   QStringLiteral("The answer could not be read: things is missing"));
        unreadable.httpStatus = 200;
        QTest::newRow("unreadable success") << unreadable
                                            << QStringLiteral("The answer could not be read: things is missing");
        ApiError page = make(ApiError::Kind::Service, QStringLiteral("Bad Gateway"));
        page.httpStatus = 502;
        QTest::newRow("service without a code") << page << QStringLiteral("HTTP 502: Bad Gateway");
    }
    void userMessage()
    {
        QFETCH(ApiError, error);
        QFETCH(QString, expected);
        QCOMPARE(error.userMessage(), expected);
        QCOMPARE(error.isError(), !expected.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
