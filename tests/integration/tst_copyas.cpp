// SPDX-License-Identifier: GPL-3.0-or-later
// The "copy as" commands and URLs, run for real against the in-process sandbox over loopback
// HTTP with SigV4 verified: the aws CLI command (/usr/bin/aws, with the sandbox's keys inline
// and with a profile in a private ~/.aws), the curl command (/bin/sh, keys inline and from the
// environment, in the form this machine's curl needs) and the presigned URL (fetched with
// QNetworkAccessManager) each give the shadow document's exact bytes, or the retained
// message's payload bytes (binary, and on a topic with a space, quotes, $, % and é).
#include "iot/copyas.h"
#include "sandbox/sandboxbackend.h"
#include "sandboxrig.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Iot;

Q_DECLARE_METATYPE(Iot::CopyAsTarget)

namespace {

const QString AccessKey = QStringLiteral("AKIDCOPYAS");
const QString SecretKey = QStringLiteral("c0py/as+SECRET$key'1");
const QString ThingName = QStringLiteral("copy:thing_1");
const QString ShadowName = QStringLiteral("$cfg-1");
const QString BinaryTopic = QStringLiteral("site/caf é/it's \"$HOME\" 100%");
const QString TextTopic = QStringLiteral("site/text");

QByteArray binaryPayload()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(255 - i));
    return bytes;
}

} // namespace

class TestCopyAs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/aws")), "the aws CLI v2 is needed");
        for (const char *tool : { "/usr/bin/curl", "/usr/bin/jq", "/usr/bin/base64" })
            QVERIFY2(QFile::exists(QLatin1String(tool)), tool);
        QVERIFY(m_home.isValid());
        Sandbox::ServerOptions options;
        options.accessKeyId = AccessKey;
        options.secretAccessKey = SecretKey;
        // A pinned clock keeps the shadow's timestamp, so every fetch gives the same bytes.
        m_start = QDateTime::currentDateTimeUtc();
        options.pinnedClock = m_start;
        QVERIFY(m_rig.start(options));
        Sandbox::SandboxBackend *backend = m_rig.server.backend();
        const QJsonObject desired { { QStringLiteral("on"), true },
                                    { QStringLiteral("name"), QStringLiteral("café \"x\"") } };
        const QByteArray classic
            = QJsonDocument(
                  QJsonObject {
                      { QStringLiteral("state"),
                        QJsonObject { { QStringLiteral("desired"), desired },
                                      { QStringLiteral("reported"),
                                        QJsonObject { { QStringLiteral("on"), false } } } } } })
                  .toJson(QJsonDocument::Compact);
        const QByteArray named
            = QJsonDocument(
                  QJsonObject {
                      { QStringLiteral("state"),
                        QJsonObject { { QStringLiteral("reported"),
                                        QJsonObject { { QStringLiteral("interval"), 60 } } } } } })
                  .toJson(QJsonDocument::Compact);
        QVERIFY(std::holds_alternative<QJsonObject>(
            backend->updateThingShadow(ThingName, {}, classic)));
        QVERIFY(std::holds_alternative<QJsonObject>(
            backend->updateThingShadow(ThingName, ShadowName, named)));
        Sandbox::PublishOptions retain;
        retain.retain = true;
        QVERIFY(std::holds_alternative<QJsonObject>(
            backend->publish(BinaryTopic, binaryPayload(), retain)));
        QVERIFY(std::holds_alternative<QJsonObject>(
            backend->publish(TextTopic, QByteArrayLiteral("online ✓\n"), retain)));

        // A profile the CLI reads from the private ~/.aws.
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral(".aws")));
        QFile credentials(m_home.filePath(QStringLiteral(".aws/credentials")));
        QVERIFY(credentials.open(QIODevice::WriteOnly));
        credentials.write("[sandbox]\naws_access_key_id = " + AccessKey.toUtf8()
                          + "\naws_secret_access_key = " + SecretKey.toUtf8() + "\n");
        credentials.close();

        const QByteArray version = run(QStringLiteral("curl --version"));
        m_curlVersion = CopyAs::parseCurlVersion(version);
        QVERIFY2(!m_curlVersion.isNull(), version.constData());
        qInfo("curl %s", qPrintable(m_curlVersion.toString()));
    }

    void shadow_data()
    {
        QTest::addColumn<CopyAsTarget>("target");
        QTest::newRow("classic") << CopyAsTarget::shadow(ThingName);
        QTest::newRow("named") << CopyAsTarget::shadow(ThingName, ShadowName);
    }
    // The presigned URL's answer is the document; the CLI and curl print the same bytes.
    void shadow()
    {
        QFETCH(CopyAsTarget, target);
        const QByteArray document = fetchPresigned(target);
        QCOMPARE(QJsonDocument::fromJson(document).object(),
                 std::get<QJsonObject>(
                     m_rig.server.backend()->getThingShadow(target.thingName, target.shadowName)));
        for (const auto &[description, command, environment] : commands(target)) {
            const QByteArray output = run(command, environment);
            QVERIFY2(output == document,
                     qPrintable(QStringLiteral("%1: %2\ngave: %3")
                                    .arg(description, command, QString::fromUtf8(output))));
        }
    }

    void retained_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("binary, odd topic") << BinaryTopic << binaryPayload();
        QTest::newRow("text") << TextTopic << QByteArrayLiteral("online ✓\n");
    }
    // Every form gives the payload's exact bytes.
    void retained()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        const CopyAsTarget target = CopyAsTarget::retainedMessage(topic);
        const QJsonObject answer = QJsonDocument::fromJson(fetchPresigned(target)).object();
        QCOMPARE(answer.value(QStringLiteral("topic")).toString(), topic);
        QCOMPARE(
            QByteArray::fromBase64(answer.value(QStringLiteral("payload")).toString().toLatin1()),
            payload);
        for (const auto &[description, command, environment] : commands(target)) {
            const QByteArray output = run(command, environment);
            QVERIFY2(
                output == payload,
                qPrintable(QStringLiteral("%1: %2\ngave: %3")
                               .arg(description, command, QString::fromLatin1(output.toHex()))));
        }
    }

    // A URL presigned for one second no longer works once that second is over (the
    // sandbox's clock is pinned ten seconds later).
    void presignedExpires()
    {
        const QByteArray url
            = CopyAs::presignedUrl(context(false), CopyAsTarget::shadow(ThingName),
                                   { AccessKey, SecretKey, {} }, m_start.addSecs(-10), 1);
        QNetworkReply *reply
            = m_rig.network.get(QNetworkRequest(QUrl::fromEncoded(url, QUrl::StrictMode)));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
        reply->deleteLater();
    }

private:
    struct Command
    {
        QString description;
        QString command;
        QStringList environment;
    };

    CopyAsContext context(bool inlineKeys) const
    {
        CopyAsContext context;
        context.endpoint = m_rig.server.endpoint();
        context.region = m_rig.server.region();
        if (inlineKeys)
            context.sandboxKeys = { AccessKey, SecretKey, {} };
        else
            context.profile = QStringLiteral("sandbox");
        return context;
    }

    QList<Command> commands(const CopyAsTarget &target) const
    {
        const QStringList keys { QStringLiteral("AWS_ACCESS_KEY_ID=") + AccessKey,
                                 QStringLiteral("AWS_SECRET_ACCESS_KEY=") + SecretKey };
        return {
            { QStringLiteral("aws CLI, keys inline"),
              CopyAs::awsCliCommand(context(true), target),
              {} },
            { QStringLiteral("aws CLI, profile"),
              CopyAs::awsCliCommand(context(false), target),
              {} },
            { QStringLiteral("curl, keys inline"),
              CopyAs::curlCommand(context(true), target, m_curlVersion),
              {} },
            { QStringLiteral("curl, keys from the environment"),
              CopyAs::curlCommand(context(false), target, m_curlVersion), keys },
            // The sandbox takes any session token: this checks the header is sent and signed.
            { QStringLiteral("curl, keys and a session token from the environment"),
              CopyAs::curlCommand(context(false), target, m_curlVersion),
              keys + QStringList { QStringLiteral("AWS_SESSION_TOKEN=token/with+odd=chars") } },
        };
    }

    // Runs @p command with /bin/sh in the private HOME, the AWS variables cleared; on failure
    // warns with its stderr and returns "<failed>".
    QByteArray run(const QString &command, const QStringList &environment = {}) const
    {
        QProcess process;
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        for (const QString &assignment : environment)
            env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
        process.setProcessEnvironment(env);
        // The sandbox answers from this thread's event loop: wait on the signal.
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
        if (!finished.wait(60000) || process.exitCode() != 0) {
            qWarning("%s\nexit %d: %s", qPrintable(command), process.exitCode(),
                     process.readAllStandardError().constData());
            return QByteArrayLiteral("<failed>");
        }
        return process.readAllStandardOutput();
    }

    QByteArray fetchPresigned(const CopyAsTarget &target)
    {
        const QByteArray url
            = CopyAs::presignedUrl(context(false), target, { AccessKey, SecretKey, {} },
                                   QDateTime::currentDateTimeUtc(), 300);
        QNetworkReply *reply
            = m_rig.network.get(QNetworkRequest(QUrl::fromEncoded(url, QUrl::StrictMode)));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            return {};
        const QByteArray body = reply->readAll();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            qWarning("%s: %s", url.constData(), body.constData());
        reply->deleteLater();
        return body;
    }

    QTemporaryDir m_home;
    SandboxRig m_rig;
    QVersionNumber m_curlVersion;
    QDateTime m_start; ///< the sandbox's pinned clock
};

QTEST_GUILESS_MAIN(TestCopyAs)
#include "tst_copyas.moc"
