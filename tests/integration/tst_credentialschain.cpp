// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentialschain.h"

#include "credentialsfixture.h"

#include <QFile>
#include <QFileInfo>

#include <csignal>
#include <sys/types.h>

using namespace Aws;
using Outcome = CredentialsJob::Outcome;
using namespace std::chrono_literals;

namespace {

// A credential_process that appends a line to runs.txt on each run and prints keys that
// expire @p validFor from now.
QByteArray countingProcess(const CredentialsFixture &fixture, const QByteArray &keyId,
                           std::chrono::seconds validFor)
{
    const QDateTime expiration = QDateTime::currentDateTimeUtc().addSecs(validFor.count());
    return fixture.processLine(QStringLiteral("count.sh"),
                               "echo run >> \"$(dirname \"$0\")/runs.txt\"\nprintf '%s' '"
                                   + CredentialsFixture::processJson(keyId, expiration) + "'\n");
}

} // namespace

class TestCredentialsChain : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void order_data();
    void order();
    void cachesUntilNearExpiry();
    void refreshesWithinFiveMinutesOfExpiry();
    void invalidateDropsTheCache();
    void concurrentResolvesShareOneRun();
    void permanentKeysAreCachedUntilInvalidated();
    void processTimeoutFailsTheChain();
    void processFailureShowsItsStandardError();
    void destroyingTheChainFailsWaitingJobsAndKillsTheProcess();

private:
    std::unique_ptr<CredentialsFixture> m_fixture;
};

void TestCredentialsChain::init()
{
    m_fixture = std::make_unique<CredentialsFixture>();
    QVERIFY(m_fixture->isValid());
}

void TestCredentialsChain::cleanup()
{
    m_fixture.reset();
}

// botocore's order: app profile, environment (not when a profile is named), the aws CLI for
// SSO/role profiles, the credentials file's static keys, the credential_process, the config
// file's static keys. The first source that is configured decides, with its credentials or
// its failure.
void TestCredentialsChain::order_data()
{
    QTest::addColumn<QString>("profile"); // the caller's
    QTest::addColumn<bool>("appProfile"); // a Shadowscope app profile given
    QTest::addColumn<QByteArray>("environment"); // NAME=value;...
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("text"); // the source when found, else part of the message

    const QByteArray envKeys
        = QByteArrayLiteral("AWS_ACCESS_KEY_ID=ENVKEY;AWS_SECRET_ACCESS_KEY=envsecret");

    QTest::newRow("app profile first") << QString() << true << envKeys << Outcome::Found
                                       << QStringLiteral("APPKEY") << QStringLiteral("keychain");
    QTest::newRow("environment before files")
        << QString() << false << envKeys << Outcome::Found << QStringLiteral("ENVKEY")
        << QStringLiteral("environment variables");
    QTest::newRow("AWS_PROFILE keeps the environment first")
        << QString() << false << envKeys + ";AWS_PROFILE=both" << Outcome::Found
        << QStringLiteral("ENVKEY") << QStringLiteral("environment variables");
    QTest::newRow("a named profile skips the environment")
        << QStringLiteral("default") << false << envKeys << Outcome::Found
        << QStringLiteral("DEFAULTKEY") << QStringLiteral("profile default in ~/.aws/credentials");
    QTest::newRow("default profile's keys")
        << QString() << false << QByteArray() << Outcome::Found << QStringLiteral("DEFAULTKEY")
        << QStringLiteral("profile default in ~/.aws/credentials");
    QTest::newRow("credentials file's keys before credential_process")
        << QStringLiteral("mixed") << false << QByteArray() << Outcome::Found
        << QStringLiteral("MIXEDKEY") << QStringLiteral("profile mixed in ~/.aws/credentials");
    QTest::newRow("credential_process before the config file's keys")
        << QStringLiteral("both") << false << QByteArray() << Outcome::Failed << QString()
        << QStringLiteral("credential_process");
    QTest::newRow("AWS_PROFILE selects credential_process")
        << QString() << false << QByteArrayLiteral("AWS_PROFILE=proc") << Outcome::Found
        << QStringLiteral("PROCKEY") << QStringLiteral("credential_process of profile proc");
    QTest::newRow("half a pair in the environment stops the chain")
        << QString() << false << QByteArrayLiteral("AWS_ACCESS_KEY_ID=ENVKEY") << Outcome::Failed
        << QString() << QStringLiteral("AWS_SECRET_ACCESS_KEY is not");
    QTest::newRow("missing profile")
        << QStringLiteral("ghost") << false << QByteArray() << Outcome::Failed << QString()
        << QStringLiteral("profile 'ghost' is not in ~/.aws/config or ~/.aws/credentials");
    QTest::newRow("SSO profile without the CLI")
        << QStringLiteral("sso") << false << QByteArray() << Outcome::Failed << QString()
        << QStringLiteral(
               "the aws CLI is needed for profile sso (SSO or assumed role); install it");
    QTest::newRow("nothing configured")
        << QStringLiteral("empty") << false << QByteArray() << Outcome::NotConfigured << QString()
        << QStringLiteral("No credentials found for profile empty");
}

void TestCredentialsChain::order()
{
    QFETCH(QString, profile);
    QFETCH(bool, appProfile);
    QFETCH(QByteArray, environment);
    QFETCH(Outcome, outcome);
    QFETCH(QString, keyId);
    QFETCH(QString, text);
    QVERIFY(m_fixture->writeConfig(
        "[profile both]\naws_access_key_id = BOTHSTATIC\naws_secret_access_key = s\n"
        "credential_process = /bin/false\n"
        "[profile mixed]\ncredential_process = /bin/false\n"
        "[profile proc]\ncredential_process = "
        + m_fixture->processLine(QStringLiteral("proc.sh"),
                                 "printf '%s' '" + CredentialsFixture::processJson("PROCKEY")
                                     + "'\n")
        + "\n[profile sso]\nsso_session = corp\n[profile empty]\nregion = eu-west-1\n"));
    QVERIFY(m_fixture->writeCredentials(
        "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = d\n"
        "[mixed]\naws_access_key_id = MIXEDKEY\naws_secret_access_key = m\n"));
    for (const QByteArray &assignment : environment.split(';')) {
        if (assignment.isEmpty())
            continue;
        const qsizetype equals = assignment.indexOf('=');
        m_fixture->environment().set(assignment.left(equals).constData(),
                                     assignment.mid(equals + 1));
    }
    StaticCredentialsProvider app(
        Credentials { { QStringLiteral("APPKEY"), QStringLiteral("appsecret"), {} },
                      std::nullopt,
                      QStringLiteral("keychain") });
    CredentialsChain chain(
        { profile, appProfile ? &app : nullptr, QStringLiteral("/nonexistent/aws"), 10s });
    const Resolution resolution = resolveAndWait(chain);
    QCOMPARE(resolution.outcome, outcome);
    if (outcome != Outcome::Found) {
        QVERIFY2(resolution.errorString.contains(text), qPrintable(resolution.errorString));
        return;
    }
    QCOMPARE(resolution.credentials->keys.accessKeyId, keyId);
    QCOMPARE(resolution.credentials->source, text);
}

// Temporary credentials are reused while they are good for more than 5 minutes.
void TestCredentialsChain::cachesUntilNearExpiry()
{
    QVERIFY(m_fixture->writeConfig(
        "[default]\ncredential_process = " + countingProcess(*m_fixture, "HOUR", 1h) + "\n"));
    CredentialsChain chain({});
    for (int i = 0; i < 3; ++i) {
        const Resolution resolution = resolveAndWait(chain);
        QCOMPARE(resolution.outcome, Outcome::Found);
        QCOMPARE(resolution.credentials->keys.accessKeyId, QStringLiteral("HOUR"));
        QCOMPARE(resolution.credentials->source,
                 QStringLiteral("credential_process of profile default"));
    }
    QCOMPARE(m_fixture->lineCount(QStringLiteral("runs.txt")), 1);
}

// Credentials that expire within 5 minutes are fetched again at the next resolve.
void TestCredentialsChain::refreshesWithinFiveMinutesOfExpiry()
{
    QVERIFY(m_fixture->writeConfig(
        "[default]\ncredential_process = " + countingProcess(*m_fixture, "SHORT", 2min) + "\n"));
    CredentialsChain chain({});
    QCOMPARE(resolveAndWait(chain).outcome, Outcome::Found);
    QCOMPARE(m_fixture->lineCount(QStringLiteral("runs.txt")), 1);
    QCOMPARE(resolveAndWait(chain).outcome, Outcome::Found);
    QCOMPARE(m_fixture->lineCount(QStringLiteral("runs.txt")), 2);
}

// invalidate() (after a 403 for expired credentials) makes the next resolve fetch again.
void TestCredentialsChain::invalidateDropsTheCache()
{
    QVERIFY(m_fixture->writeConfig(
        "[default]\ncredential_process = " + countingProcess(*m_fixture, "HOUR", 1h) + "\n"));
    CredentialsChain chain({});
    QCOMPARE(resolveAndWait(chain).outcome, Outcome::Found);
    chain.invalidate();
    QCOMPARE(resolveAndWait(chain).outcome, Outcome::Found);
    QCOMPARE(resolveAndWait(chain).outcome, Outcome::Found);
    QCOMPARE(m_fixture->lineCount(QStringLiteral("runs.txt")), 2);
}

// Resolves started while a lookup is in flight wait for it instead of starting another.
void TestCredentialsChain::concurrentResolvesShareOneRun()
{
    QVERIFY(m_fixture->writeConfig(
        "[default]\ncredential_process = " + countingProcess(*m_fixture, "SHARED", 1h) + "\n"));
    CredentialsChain chain({});
    QObject context;
    int found = 0;
    for (int i = 0; i < 3; ++i) {
        CredentialsJob *job = chain.resolve(&context);
        connect(job, &CredentialsJob::finished, &context, [job, &found] {
            if (job->outcome() == Outcome::Found
                && job->credentials()->keys.accessKeyId == QLatin1String("SHARED"))
                ++found;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(found, 3, 30'000);
    QCOMPARE(m_fixture->lineCount(QStringLiteral("runs.txt")), 1);
}

// Keys from the files (no expiration) are kept until invalidate(), even if the file changes.
void TestCredentialsChain::permanentKeysAreCachedUntilInvalidated()
{
    QVERIFY(m_fixture->writeCredentials(
        "[default]\naws_access_key_id = OLD\naws_secret_access_key = s\n"));
    CredentialsChain chain({});
    QCOMPARE(resolveAndWait(chain).credentials->keys.accessKeyId, QStringLiteral("OLD"));
    QVERIFY(m_fixture->writeCredentials(
        "[default]\naws_access_key_id = NEW\naws_secret_access_key = s\n"));
    QCOMPARE(resolveAndWait(chain).credentials->keys.accessKeyId, QStringLiteral("OLD"));
    chain.invalidate();
    QCOMPARE(resolveAndWait(chain).credentials->keys.accessKeyId, QStringLiteral("NEW"));
}

// A credential_process that hangs fails the chain after the timeout, and is killed.
void TestCredentialsChain::processTimeoutFailsTheChain()
{
    QVERIFY(m_fixture->writeConfig(
        "[default]\ncredential_process = "
        + m_fixture->processLine(QStringLiteral("hang.sh"), "echo $$ > \"$0.pid\"\nexec sleep 30\n")
        + "\n"));
    CredentialsChain chain({ {}, nullptr, QStringLiteral("aws"), 200ms });
    QElapsedTimer timer;
    timer.start();
    const Resolution resolution = resolveAndWait(chain);
    QVERIFY(timer.elapsed() < 10'000);
    QCOMPARE(resolution.outcome, Outcome::Failed);
    QVERIFY2(resolution.errorString.contains(QLatin1String("did not finish within 0.2 seconds")),
             qPrintable(resolution.errorString));
    QFile pidFile(m_fixture->path(QStringLiteral("hang.sh.pid")));
    QVERIFY(pidFile.open(QIODevice::ReadOnly));
    const pid_t pid = pid_t(pidFile.readAll().trimmed().toLongLong());
    QVERIFY(pid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 5000);
}

// A failing credential_process's exit code and standard error reach the chain's message.
void TestCredentialsChain::processFailureShowsItsStandardError()
{
    QVERIFY(m_fixture->writeConfig(
        "[profile ci]\ncredential_process = "
        + m_fixture->processLine(QStringLiteral("fail.sh"),
                                 "echo 'vault: permission denied for role ci' >&2\nexit 4\n")
        + "\n"));
    CredentialsChain chain({ QStringLiteral("ci") });
    const Resolution resolution = resolveAndWait(chain);
    QCOMPARE(resolution.outcome, Outcome::Failed);
    QVERIFY2(resolution.errorString.contains(
                 QLatin1String("exit code 4: vault: permission denied for role ci")),
             qPrintable(resolution.errorString));
}

// A chain deleted during a lookup finishes the jobs waiting on it (failed) and kills the
// process it was running, without waiting for it.
void TestCredentialsChain::destroyingTheChainFailsWaitingJobsAndKillsTheProcess()
{
    QVERIFY(m_fixture->writeConfig(
        "[default]\ncredential_process = "
        + m_fixture->processLine(QStringLiteral("hang.sh"), "echo $$ > \"$0.pid\"\nexec sleep 30\n")
        + "\n"));
    auto chain = std::make_unique<CredentialsChain>(CredentialsChain::Options {});
    QObject context;
    CredentialsJob *job = chain->resolve(&context);
    QSignalSpy finished(job, &CredentialsJob::finished);
    const QString pidPath = m_fixture->path(QStringLiteral("hang.sh.pid"));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidPath).size() > 0, 10'000);
    QElapsedTimer timer;
    timer.start();
    chain.reset();
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->outcome(), Outcome::Failed);
    QVERIFY2(job->errorString().contains(QLatin1String("cancelled")),
             qPrintable(job->errorString()));
    QFile pidFile(pidPath);
    QVERIFY(pidFile.open(QIODevice::ReadOnly));
    const pid_t pid = pid_t(pidFile.readAll().trimmed().toLongLong());
    QVERIFY(pid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 5000);
}

QTEST_GUILESS_MAIN(TestCredentialsChain)
#include "tst_credentialschain.moc"
