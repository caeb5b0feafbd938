// SPDX-License-Identifier: GPL-3.0-or-later
// Trust as a connection is made from a choice (the path of --endpoint-url, --ca-file and the
// AWS variables): the in-process sandbox over HTTPS with its self-signed certificate is
// refused, in words that name the certificate, unless its CA file is given, and then it
// connects; plain http:// to a host other than loopback is refused before anything is sent.
#include "../scopedenvironment.h"
#include "aws/awsprofiles.h"
#include "iot/connection.h"
#include "sandboxrig.h"
#include "settings/applicationidentity.h"
#include "settings/connectionchoice.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

/** An AWS choice whose credentials and endpoints come from the environment. */
Settings::ConnectionChoice awsChoice(const QString &region, const QString &caFile = {})
{
    Settings::ConnectionChoice choice;
    choice.kind = Settings::ConnectionChoice::Kind::AwsProfile;
    choice.region = region;
    choice.caFile = caFile;
    return choice;
}

/** Starts @p connection and waits (up to 20 s) for Ready or Failed. */
bool settles(Iot::Connection &connection)
{
    connection.start();
    return QTest::qWaitFor([&connection] {
        return connection.state() == Iot::Connection::State::Ready
            || connection.state() == Iot::Connection::State::Failed;
    }, 20000);
}

} // namespace

class TestTlsTrust : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        Settings::applyApplicationIdentity();
        QVERIFY(m_dir.isValid());
    }

    // The sandbox with tls=true, reached as AWS is (AWS_ENDPOINT_URL, keys in the
    // environment): without its CA the connection fails on the certificate and says so;
    // with the CA file it connects and lists retained messages over HTTPS.
    void selfSignedRefusedUnlessItsCaIsGiven()
    {
        Sandbox::ServerOptions options;
        options.tls = true;
        options.demo = true;
        SandboxRig rig;
        QVERIFY(rig.start(options));
        QCOMPARE(rig.server.endpoint().scheme(), QStringLiteral("https"));
        const QString caFile = m_dir.filePath(QStringLiteral("sandbox-ca.pem"));
        {
            QFile pem(caFile);
            QVERIFY(pem.open(QIODevice::WriteOnly));
            pem.write(rig.server.certificate().toPem());
        }

        ScopedEnvironment environment;
        environment.set("AWS_ACCESS_KEY_ID", SandboxRig::AccessKey.toUtf8());
        environment.set("AWS_SECRET_ACCESS_KEY", SandboxRig::SecretKey.toUtf8());
        environment.set("AWS_ENDPOINT_URL", rig.server.endpoint().toEncoded());
        environment.set("AWS_CONFIG_FILE", m_dir.filePath(QStringLiteral("no-config")).toUtf8());
        environment.set("AWS_SHARED_CREDENTIALS_FILE", m_dir.filePath(QStringLiteral("no-credentials")).toUtf8());
        const Aws::AwsProfiles profiles = Aws::AwsProfiles::load();

        QString error;
        auto untrusting = Iot::ConnectionSetup::forChoice(awsChoice(rig.server.region()), profiles,
                                                          nullptr, &error);
        QVERIFY2(untrusting, qPrintable(error));
        Iot::Connection refused(&rig.network, std::move(*untrusting));
        QVERIFY(settles(refused));
        QCOMPARE(refused.state(), Iot::Connection::State::Failed);
        QCOMPARE(int(refused.error().kind), int(Iot::ApiError::Kind::Tls));
        QCOMPARE(refused.error().attempts, 1);
        QVERIFY2(refused.statusText().contains(QStringLiteral("the certificate is not trusted")),
                 qPrintable(refused.statusText()));
        QVERIFY2(refused.error().message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
                 qPrintable(refused.error().message));
        QVERIFY(!refused.data());

        auto trusting = Iot::ConnectionSetup::forChoice(awsChoice(rig.server.region(), caFile),
                                                        profiles, nullptr, &error);
        QVERIFY2(trusting, qPrintable(error));
        Iot::Connection connected(&rig.network, std::move(*trusting));
        QVERIFY(settles(connected));
        QVERIFY2(connected.state() == Iot::Connection::State::Ready, qPrintable(connected.statusText()));
        QVERIFY(connected.statusText().endsWith(QStringLiteral("connected")));
        QCOMPARE(connected.dataEndpoint().scheme(), QStringLiteral("https"));
        Iot::ApiCall *listed = connected.data()->listRetainedMessages();
        int pageTopics = -1;
        connect(listed, &Iot::ApiCall::finished, this, [&pageTopics, listed] {
            if (const auto *page = listed->result<Iot::RetainedPage>())
                pageTopics = int(page->topics.size());
        });
        QTRY_VERIFY_WITH_TIMEOUT(pageTopics > 0, 20000);
    }

    // A CA file that holds no certificate is refused when the connection is set up.
    void caFileWithoutCertificateRefused()
    {
        ScopedEnvironment environment;
        environment.set("AWS_ENDPOINT_URL", "https://127.0.0.1:1");
        const QString notPem = m_dir.filePath(QStringLiteral("not-a-certificate.pem"));
        {
            QFile file(notPem);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("hello\n");
        }
        QString error;
        const auto setup = Iot::ConnectionSetup::forChoice(awsChoice(QStringLiteral("eu-west-1"), notPem),
                                                           Aws::AwsProfiles::load(), nullptr, &error);
        QVERIFY(!setup);
        QCOMPARE(error, QStringLiteral("no PEM certificate in %1").arg(notPem));
    }

    // Plain http:// to a host that is not loopback would send requests unencrypted: refused
    // when the connection is set up, from every place an endpoint can come from, so no
    // request exists to be sent.
    void plainHttpToRemoteHostRefused_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::addColumn<QString>("url");
        QTest::newRow("--endpoint-url") << QByteArray() << QStringLiteral("http://example.com");
        QTest::newRow("AWS_ENDPOINT_URL") << QByteArray("AWS_ENDPOINT_URL") << QStringLiteral("http://example.com:8080");
        QTest::newRow("AWS_ENDPOINT_URL_IOT") << QByteArray("AWS_ENDPOINT_URL_IOT") << QStringLiteral("http://10.0.0.7");
        QTest::newRow("AWS_ENDPOINT_URL_IOT_DATA_PLANE") << QByteArray("AWS_ENDPOINT_URL_IOT_DATA_PLANE")
                                                         << QStringLiteral("HTTP://iot.example.net");
    }

    void plainHttpToRemoteHostRefused()
    {
        QFETCH(QByteArray, variable);
        QFETCH(QString, url);
        ScopedEnvironment environment;
        Settings::ConnectionChoice choice = awsChoice(QStringLiteral("eu-west-1"));
        if (variable.isEmpty())
            choice.endpointUrl = url;
        else
            environment.set(variable.constData(), url.toUtf8());
        QString error;
        const auto setup = Iot::ConnectionSetup::forChoice(choice, Aws::AwsProfiles::load(), nullptr, &error);
        QVERIFY(!setup);
        QVERIFY2(error.contains(QStringLiteral("uses plain http://, which would send your requests unencrypted")),
                 qPrintable(error));
        QVERIFY2(error.contains(url), qPrintable(error));
    }

    // Loopback is the exception: a local sandbox over plain http:// is set up.
    void plainHttpToLoopbackAllowed()
    {
        ScopedEnvironment environment;
        for (const QString &url : {QStringLiteral("http://127.0.0.1:8443"), QStringLiteral("http://localhost:8443"),
                                   QStringLiteral("http://[::1]:8443")}) {
            Settings::ConnectionChoice choice = awsChoice(QStringLiteral("eu-west-1"));
            choice.endpointUrl = url;
            QString error;
            const auto setup = Iot::ConnectionSetup::forChoice(choice, Aws::AwsProfiles::load(), nullptr, &error);
            QVERIFY2(setup, qPrintable(url + QStringLiteral(": ") + error));
            QCOMPARE(setup->dataUrl, QUrl(url));
        }
    }
};

QTEST_GUILESS_MAIN(TestTlsTrust)
#include "tst_tlstrust.moc"
