// SPDX-License-Identifier: GPL-3.0-or-later
// RequestExecutor::redactSecrets(): what the request log may show of a message. (The
// executor's network behaviour is tested on the sandbox in tests/integration/tst_iotclients.)
#include "iot/requestexecutor.h"

#include <QTest>

class TestRequestExecutor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The secret key, the session token and every signed value are replaced; the rest of
    // the message stays readable.
    void redactSecrets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain message") << QStringLiteral("Version conflict")
                                       << QStringLiteral("Version conflict");
        QTest::newRow("clock skew text kept")
            << QStringLiteral("Signature expired: 20261128T091000Z is now earlier than 20261128T091500Z")
            << QStringLiteral("Signature expired: 20261128T091000Z is now earlier than 20261128T091500Z");
        QTest::newRow("secret key") << QStringLiteral("key wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY leaked")
                                    << QStringLiteral("key [redacted] leaked");
        QTest::newRow("session token") << QStringLiteral("token FQoGZXIvYXdzEXAMPLETOKEN!")
                                       << QStringLiteral("token [redacted]!");
        QTest::newRow("presigned query")
            << QStringLiteral("GET /x?X-Amz-Credential=AKID%2F20261128%2Fus-east-1&X-Amz-Signature=5fa00f&"
                              "X-Amz-Security-Token=abc&qos=1")
            << QStringLiteral("GET /x?X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]&"
                              "X-Amz-Security-Token=[redacted]&qos=1");
        QTest::newRow("authorization header")
            << QStringLiteral("Authorization: AWS4-HMAC-SHA256 Credential=AKID/s, SignedHeaders=host, "
                              "Signature=0123abcd")
            << QStringLiteral("Authorization: [redacted] Credential=[redacted], SignedHeaders=host, "
                              "Signature=[redacted]");
        QTest::newRow("security token header") << QStringLiteral("x-amz-security-token: abc def")
                                               << QStringLiteral("x-amz-security-token: [redacted] def");
    }
    void redactSecrets()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Aws::SigningCredentials keys{QStringLiteral("AKIDEXAMPLE"),
                                           QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                           QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN")};
        QCOMPARE(Iot::RequestExecutor::redactSecrets(text, keys), expected);
    }
};

QTEST_GUILESS_MAIN(TestRequestExecutor)
#include "tst_requestexecutor.moc"
