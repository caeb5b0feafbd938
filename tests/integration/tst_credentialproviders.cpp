// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/awsclicredentialsprovider.h"
#include "aws/environmentcredentialsprovider.h"
#include "aws/processcredentialsprovider.h"
#include "aws/sharedfilecredentialsprovider.h"

#include "credentialsfixture.h"

#include <QFileInfo>
#include <QTimeZone>

#include <csignal>
#include <sys/types.h>

using namespace Aws;
using Outcome = CredentialsJob::Outcome;
using namespace std::chrono_literals;

namespace {

const QString RealAws = QStringLiteral("/usr/bin/aws");

QStringList g_messages;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}

} // namespace

class TestCredentialProviders : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void environment_data();
    void environment();
    void sharedFile_data();
    void sharedFile();
    void process_data();
    void process();
    void processPassesQuotedArgumentsWithoutAShell();
    void processTimeoutKillsTheChild();
    void processOutputIsNeverLogged();
    void awsCliExportsAProfileItCanResolve();
    void awsCliIsNotAskedForPlainProfiles();
    void awsCliMissing_data();
    void awsCliMissing();
    void awsCliSsoWithoutToken();
    void awsCliTooOld();

private:
    std::unique_ptr<CredentialsFixture> m_fixture;
};

void TestCredentialProviders::init()
{
    m_fixture = std::make_unique<CredentialsFixture>();
    QVERIFY(m_fixture->isValid());
}

void TestCredentialProviders::cleanup()
{
    m_fixture.reset();
}

// The key pair from the environment (with token and expiration); not configured without
// it; failed, naming the missing variable, with only half of it.
void TestCredentialProviders::environment_data()
{
    QTest::addColumn<QByteArray>("keyId");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("expiration");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("none") << QByteArray() << QByteArray() << QByteArray() << QByteArray()
                          << Outcome::NotConfigured << QString();
    QTest::newRow("pair") << QByteArrayLiteral("AKID") << QByteArrayLiteral("s") << QByteArray()
                          << QByteArray() << Outcome::Found << QString();
    QTest::newRow("pair, token and expiration")
        << QByteArrayLiteral("ASIA") << QByteArrayLiteral("s") << QByteArrayLiteral("t")
        << QByteArrayLiteral("2030-01-02T12:00:00Z") << Outcome::Found << QString();
    QTest::newRow("only the key id")
        << QByteArrayLiteral("AKID") << QByteArray() << QByteArray() << QByteArray()
        << Outcome::Failed
        << QStringLiteral("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
    QTest::newRow("only the secret")
        << QByteArray() << QByteArrayLiteral("s") << QByteArray() << QByteArray() << Outcome::Failed
        << QStringLiteral("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not");
    QTest::newRow("bad expiration") << QByteArrayLiteral("AKID") << QByteArrayLiteral("s")
                                    << QByteArray() << QByteArrayLiteral("soon") << Outcome::Failed
                                    << QStringLiteral("AWS_CREDENTIAL_EXPIRATION");
}

void TestCredentialProviders::environment()
{
    QFETCH(QByteArray, keyId);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, expiration);
    QFETCH(Outcome, outcome);
    QFETCH(QString, errorContains);
    auto &environment = m_fixture->environment();
    const std::pair<const char *, QByteArray> variables[]
        = { { "AWS_ACCESS_KEY_ID", keyId },
            { "AWS_SECRET_ACCESS_KEY", secret },
            { "AWS_SESSION_TOKEN", token },
            { "AWS_CREDENTIAL_EXPIRATION", expiration } };
    for (const auto &[name, value] : variables) {
        if (!value.isEmpty())
            environment.set(name, value);
    }
    EnvironmentCredentialsProvider provider;
    const Resolution resolution = resolveAndWait(provider);
    QCOMPARE(resolution.outcome, outcome);
    QVERIFY2(resolution.errorString.contains(errorContains), qPrintable(resolution.errorString));
    if (outcome != Outcome::Found)
        return;
    QCOMPARE(resolution.credentials->keys.accessKeyId, QString::fromLatin1(keyId));
    QCOMPARE(resolution.credentials->keys.secretAccessKey, QString::fromLatin1(secret));
    QCOMPARE(resolution.credentials->keys.sessionToken, QString::fromLatin1(token));
    QCOMPARE(resolution.credentials->expiration.has_value(), !expiration.isEmpty());
    QCOMPARE(resolution.credentials->source, QStringLiteral("environment variables"));
}

// Static keys of a profile: the credentials file first, then the config file; a named
// profile that is in neither file fails; a profile without keys is not configured.
void TestCredentialProviders::sharedFile_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QByteArray>("awsProfile");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("text"); // source when found, else part of the message

    QTest::newRow("credentials file")
        << QStringLiteral("dev") << QByteArray() << Outcome::Found << QStringLiteral("DEVCREDS")
        << QStringLiteral("tok") << QStringLiteral("profile dev in ~/.aws/credentials");
    QTest::newRow("config file") << QStringLiteral("cfg") << QByteArray() << Outcome::Found
                                 << QStringLiteral("CFGKEY") << QString()
                                 << QStringLiteral("profile cfg in ~/.aws/config");
    QTest::newRow("AWS_PROFILE selects")
        << QString() << QByteArrayLiteral("cfg") << Outcome::Found << QStringLiteral("CFGKEY")
        << QString() << QStringLiteral("profile cfg in ~/.aws/config");
    QTest::newRow("default") << QString() << QByteArray() << Outcome::Found
                             << QStringLiteral("DEFAULTKEY") << QString()
                             << QStringLiteral("profile default in ~/.aws/credentials");
    QTest::newRow("no keys") << QStringLiteral("sso") << QByteArray() << Outcome::NotConfigured
                             << QString() << QString() << QStringLiteral("no aws_access_key_id");
    QTest::newRow("half a pair") << QStringLiteral("half") << QByteArray() << Outcome::Failed
                                 << QString() << QString()
                                 << QStringLiteral(
                                        "has aws_access_key_id but no aws_secret_access_key");
    QTest::newRow("missing profile")
        << QStringLiteral("nope") << QByteArray() << Outcome::Failed << QString() << QString()
        << QStringLiteral("profile 'nope' is not in ~/.aws/config or ~/.aws/credentials");
}

void TestCredentialProviders::sharedFile()
{
    QFETCH(QString, profile);
    QFETCH(QByteArray, awsProfile);
    QFETCH(Outcome, outcome);
    QFETCH(QString, keyId);
    QFETCH(QString, token);
    QFETCH(QString, text);
    QVERIFY(m_fixture->writeConfig(
        "[profile dev]\naws_access_key_id = DEVCONFIG\naws_secret_access_key = x\n"
        "[profile cfg]\nregion = eu-west-1\naws_access_key_id = CFGKEY\n"
        "aws_secret_access_key = cfgsecret\n"
        "[profile sso]\nsso_session = corp\n[profile half]\naws_access_key_id = H\n"));
    QVERIFY(m_fixture->writeCredentials(
        "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = d\n"
        "[dev]\naws_access_key_id = DEVCREDS\naws_secret_access_key = devsecret\n"
        "aws_session_token = tok\n"));
    if (!awsProfile.isEmpty())
        m_fixture->environment().set("AWS_PROFILE", awsProfile);
    SharedFileCredentialsProvider provider(profile);
    const Resolution resolution = resolveAndWait(provider);
    QCOMPARE(resolution.outcome, outcome);
    if (outcome != Outcome::Found) {
        QVERIFY2(resolution.errorString.contains(text), qPrintable(resolution.errorString));
        return;
    }
    QCOMPARE(resolution.credentials->keys.accessKeyId, keyId);
    QCOMPARE(resolution.credentials->keys.sessionToken, token);
    QCOMPARE(resolution.credentials->source, text);
    QVERIFY(!resolution.credentials->expiration);
}

// credential_process: its JSON when it succeeds; otherwise the exit code and its standard
// error (trimmed and capped), or what is wrong with its output.
void TestCredentialProviders::process_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QStringList>("errorContains");

    const QDateTime expiration(QDate(2030, 1, 2), QTime(12, 0), QTimeZone::utc());
    QTest::newRow("success") << QByteArrayLiteral("printf '%s' '")
            + CredentialsFixture::processJson("PROC", expiration) + "'\n"
                             << Outcome::Found << QStringList();
    QTest::newRow("exit code and stderr")
        << QByteArrayLiteral("echo '  token service unreachable  ' >&2\nexit 7\n")
        << Outcome::Failed
        << QStringList { QStringLiteral("exit code 7: token service unreachable") };
    QTest::newRow("silent failure")
        << QByteArrayLiteral("exit 1\n") << Outcome::Failed
        << QStringList { QStringLiteral("exit code 1: (no error output)") };
    QTest::newRow("stderr is capped")
        << QByteArrayLiteral("head -c 100000 /dev/zero | tr '\\0' x >&2\nexit 2\n")
        << Outcome::Failed
        << QStringList { QStringLiteral("exit code 2: xxxx"), QStringLiteral("[…]") };
    QTest::newRow("not JSON") << QByteArrayLiteral("echo AKID secret\n") << Outcome::Failed
                              << QStringList { QStringLiteral("printed no usable credentials"),
                                               QStringLiteral("not a JSON object") };
    QTest::newRow("wrong version")
        << QByteArrayLiteral(
               "echo '{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"s\"}'\n")
        << Outcome::Failed << QStringList { QStringLiteral("only version 1 is supported") };
    QTest::newRow("killed by a signal") << QByteArrayLiteral("kill -9 $$\n") << Outcome::Failed
                                        << QStringList { QStringLiteral("crashed") };
}

void TestCredentialProviders::process()
{
    QFETCH(QByteArray, script);
    QFETCH(Outcome, outcome);
    QFETCH(QStringList, errorContains);
    QVERIFY(m_fixture->writeConfig("[profile ci]\ncredential_process = "
                                   + m_fixture->processLine(QStringLiteral("creds.sh"), script)
                                   + "\n"));
    ProcessCredentialsProvider provider(QStringLiteral("ci"));
    const Resolution resolution = resolveAndWait(provider);
    QCOMPARE(resolution.outcome, outcome);
    for (const QString &part : errorContains) {
        QVERIFY2(resolution.errorString.contains(part), qPrintable(resolution.errorString));
        QVERIFY2(resolution.errorString.contains(QLatin1String("credential_process of profile ci")),
                 qPrintable(resolution.errorString));
    }
    QVERIFY(resolution.errorString.size() < 2300);
    if (outcome != Outcome::Found)
        return;
    QCOMPARE(resolution.credentials->keys.accessKeyId, QStringLiteral("PROC"));
    QCOMPARE(resolution.credentials->keys.secretAccessKey, QStringLiteral("secret-PROC"));
    QCOMPARE(resolution.credentials->keys.sessionToken, QStringLiteral("token-PROC"));
    QCOMPARE(resolution.credentials->expiration,
             QDateTime(QDate(2030, 1, 2), QTime(12, 0), QTimeZone::utc()));
    QCOMPARE(resolution.credentials->source, QStringLiteral("credential_process of profile ci"));
}

// The command line is split with quotes respected and run without a shell: a quoted
// argument with spaces and a $VARIABLE arrive as written.
void TestCredentialProviders::processPassesQuotedArgumentsWithoutAShell()
{
    const QString script
        = m_fixture->writeScript(QStringLiteral("args.sh"),
                                 "for a in \"$@\"; do printf '[%s]' \"$a\" >> \"$0.args\"; done\n"
                                 "printf '%s' '"
                                     + CredentialsFixture::processJson("ARGS") + "'\n");
    QVERIFY(m_fixture->writeConfig("[default]\ncredential_process = " + QFile::encodeName(script)
                                   + " 'two words' \"$HOME\" plain\n"));
    ProcessCredentialsProvider provider;
    const Resolution resolution = resolveAndWait(provider);
    QCOMPARE(resolution.outcome, Outcome::Found);
    QFile args(script + QLatin1String(".args"));
    QVERIFY(args.open(QIODevice::ReadOnly));
    QCOMPARE(args.readAll(), QByteArrayLiteral("[two words][$HOME][plain]"));
}

// A process that outlives the timeout fails the job with a clear message and is killed.
void TestCredentialProviders::processTimeoutKillsTheChild()
{
    QVERIFY(m_fixture->writeConfig(
        "[profile slow]\ncredential_process = "
        + m_fixture->processLine(QStringLiteral("slow.sh"), "echo $$ > \"$0.pid\"\nexec sleep 30\n")
        + "\n"));
    ProcessCredentialsProvider provider(QStringLiteral("slow"), 200ms);
    QElapsedTimer timer;
    timer.start();
    const Resolution resolution = resolveAndWait(provider);
    QVERIFY(timer.elapsed() < 10'000);
    QCOMPARE(resolution.outcome, Outcome::Failed);
    QVERIFY2(resolution.errorString.contains(QLatin1String("did not finish within 0.2 seconds")),
             qPrintable(resolution.errorString));
    QFile pidFile(m_fixture->path(QStringLiteral("slow.sh.pid")));
    QVERIFY(pidFile.open(QIODevice::ReadOnly));
    const pid_t pid = pid_t(pidFile.readAll().trimmed().toLongLong());
    QVERIFY(pid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 5000);
}

// Standard output holds secrets: resolving never writes it to the log.
void TestCredentialProviders::processOutputIsNeverLogged()
{
    QVERIFY(m_fixture->writeConfig(
        "[default]\ncredential_process = "
        + m_fixture->processLine(QStringLiteral("ok.sh"),
                                 "printf '%s' '" + CredentialsFixture::processJson("LOGME") + "'\n")
        + "\n[profile bad]\ncredential_process = "
        + m_fixture->processLine(QStringLiteral("bad.sh"), "echo secret-LOGME-bad\nexit 3\n")
        + "\n"));
    g_messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    ProcessCredentialsProvider good;
    ProcessCredentialsProvider bad(QStringLiteral("bad"));
    const Resolution found = resolveAndWait(good);
    const Resolution failed = resolveAndWait(bad);
    qInstallMessageHandler(previous);
    QCOMPARE(found.outcome, Outcome::Found);
    QCOMPARE(failed.outcome, Outcome::Failed);
    QVERIFY(!failed.errorString.contains(QLatin1String("secret-LOGME")));
    for (const QString &message : std::as_const(g_messages))
        QVERIFY2(!message.contains(QLatin1String("secret-LOGME")), qPrintable(message));
}

// The real aws CLI resolves a profile it can resolve locally (a credential_process behind
// it) and the provider parses its export, when forced to use the CLI.
void TestCredentialProviders::awsCliExportsAProfileItCanResolve()
{
    if (!QFileInfo(RealAws).isExecutable())
        QSKIP("Debian's aws CLI (/usr/bin/aws) is not installed");
    const QDateTime expiration = QDateTime::currentDateTimeUtc().addDays(1);
    QVERIFY(m_fixture->writeConfig(
        "[profile p]\ncredential_process = "
        + m_fixture->processLine(
            QStringLiteral("p.sh"),
            "printf '%s' '" + CredentialsFixture::processJson("VIACLI", expiration) + "'\n")
        + "\n"));
    AwsCliCredentialsProvider provider(QStringLiteral("p"), RealAws,
                                       AwsCliCredentialsProvider::Use::Always);
    const Resolution resolution = resolveAndWait(provider, 120'000);
    QVERIFY2(resolution.outcome == Outcome::Found, qPrintable(resolution.errorString));
    QCOMPARE(resolution.credentials->keys.accessKeyId, QStringLiteral("VIACLI"));
    QCOMPARE(resolution.credentials->keys.secretAccessKey, QStringLiteral("secret-VIACLI"));
    QCOMPARE(resolution.credentials->keys.sessionToken, QStringLiteral("token-VIACLI"));
    QCOMPARE(resolution.credentials->expiration->toSecsSinceEpoch(), expiration.toSecsSinceEpoch());
    QCOMPARE(resolution.credentials->source, QStringLiteral("aws CLI for profile p"));
}

// Without SSO or role settings the CLI is not run at all (even a missing one).
void TestCredentialProviders::awsCliIsNotAskedForPlainProfiles()
{
    QVERIFY(m_fixture->writeConfig("[profile plain]\nregion = eu-west-1\n"
                                   "[profile roleonly]\nrole_arn = arn:aws:iam::1:role/r\n"));
    for (const QString &profile : { QStringLiteral("plain"), QStringLiteral("roleonly") }) {
        AwsCliCredentialsProvider provider(profile, QStringLiteral("/nonexistent/aws"));
        QCOMPARE(resolveAndWait(provider).outcome, Outcome::NotConfigured);
    }
}

// SSO and assumed-role profiles need the CLI; when it is missing, the message says so.
void TestCredentialProviders::awsCliMissing_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("executable");
    QTest::newRow("sso_session, missing path")
        << QStringLiteral("sso") << QStringLiteral("/nonexistent/aws");
    QTest::newRow("legacy sso, name not on PATH")
        << QStringLiteral("legacy") << QStringLiteral("shadowscope-no-such-aws");
    QTest::newRow("role with source_profile")
        << QStringLiteral("role") << QStringLiteral("/nonexistent/aws");
    QTest::newRow("role with credential_source")
        << QStringLiteral("instance") << QStringLiteral("/nonexistent/aws");
}

void TestCredentialProviders::awsCliMissing()
{
    QFETCH(QString, profile);
    QFETCH(QString, executable);
    QVERIFY(m_fixture->writeConfig(
        "[profile sso]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = r\n"
        "[profile legacy]\nsso_start_url = https://x.awsapps.com/start\n"
        "[profile role]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = default\n"
        "[profile instance]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = "
        "Ec2InstanceMetadata\n"));
    AwsCliCredentialsProvider provider(profile, executable);
    const Resolution resolution = resolveAndWait(provider);
    QCOMPARE(resolution.outcome, Outcome::Failed);
    QVERIFY2(
        resolution.errorString.startsWith(
            QLatin1String("the aws CLI is needed for profile %1 (SSO or assumed role); install it")
                .arg(profile)),
        qPrintable(resolution.errorString));
}

// The real CLI on an SSO profile without a cached token fails; the message says to log in.
void TestCredentialProviders::awsCliSsoWithoutToken()
{
    if (!QFileInfo(RealAws).isExecutable())
        QSKIP("Debian's aws CLI (/usr/bin/aws) is not installed");
    QVERIFY(m_fixture->writeConfig(
        "[profile work]\nsso_session = corp\nsso_account_id = 123456789012\n"
        "sso_role_name = Admin\nregion = us-east-1\n"
        "[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\n"
        "sso_region = us-east-1\n"));
    AwsCliCredentialsProvider provider(QStringLiteral("work"), RealAws);
    const Resolution resolution = resolveAndWait(provider, 120'000);
    QCOMPARE(resolution.outcome, Outcome::Failed);
    QVERIFY2(resolution.errorString.contains(QLatin1String("run `aws sso login --profile work`")),
             qPrintable(resolution.errorString));
    // The CLI's own words ("Error loading SSO Token: Token for corp does not exist").
    QVERIFY2(resolution.errorString.contains(QLatin1String("Token for corp does not exist")),
             qPrintable(resolution.errorString));
}

// An aws CLI without `configure export-credentials` (version 1, old version 2) answers with
// its usage; the message says to install a current one.
void TestCredentialProviders::awsCliTooOld()
{
    const QString oldAws = m_fixture->writeScript(
        QStringLiteral("aws"),
        "echo 'aws: error: argument subcommand: Invalid choice, valid choices are:' >&2\nexit 2\n");
    QVERIFY(m_fixture->writeConfig("[profile sso]\nsso_session = corp\n"));
    AwsCliCredentialsProvider provider(QStringLiteral("sso"), oldAws);
    const Resolution resolution = resolveAndWait(provider);
    QCOMPARE(resolution.outcome, Outcome::Failed);
    QVERIFY2(resolution.errorString.contains(QLatin1String("is too old")),
             qPrintable(resolution.errorString));
}

QTEST_GUILESS_MAIN(TestCredentialProviders)
#include "tst_credentialproviders.moc"
