// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/keychainsecretstore.h"
#include "aws/secretjob.h"

#include <QDBusConnection>
#include <QMetaEnum>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>

#include <memory>

using Aws::KeychainSecretStore;
using Aws::SecretJob;

namespace {

// The child mode of unavailableWithoutDBus(): read the key named by this variable and print
// the outcome and the message, one per line.
constexpr char probeVariable[] = "SHADOWSCOPE_KEYCHAIN_PROBE_KEY";

QString howToRun()
{
    return QStringLiteral(
        "This test needs a D-Bus session with an unlocked Secret Service (gnome-keyring), as CI "
        "provides. Run it as: dbus-run-session -- bash -c 'export XDG_RUNTIME_DIR=$(mktemp -d); "
        "eval \"$(printf pw | XDG_DATA_HOME=$XDG_RUNTIME_DIR/data gnome-keyring-daemon "
        "--unlock --components=secrets)\"; "
        "QT_QPA_PLATFORM=offscreen ./tests/integration/tst_keychainsecretstore' "
        "(or installer/setup.sh test).");
}

QString outcomeName(SecretJob::Outcome outcome)
{
    return QString::fromLatin1(
        QMetaEnum::fromType<SecretJob::Outcome>().valueToKey(static_cast<int>(outcome)));
}

// What a SecretJob said when it finished: read in the slot, because the job deletes itself.
struct Finished
{
    int emissions = 0;
    SecretJob::Outcome outcome = SecretJob::Outcome::Pending;
    QByteArray secret;
    QString errorString;
};

std::shared_ptr<Finished> record(SecretJob *job)
{
    auto finished = std::make_shared<Finished>();
    QObject::connect(job, &SecretJob::finished, job, [job, finished] {
        ++finished->emissions;
        finished->outcome = job->outcome();
        finished->secret = job->secret();
        finished->errorString = job->errorString();
    });
    return finished;
}

int probe(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    KeychainSecretStore store;
    SecretJob *job = store.read(qEnvironmentVariable(probeVariable), &app);
    QObject::connect(job, &SecretJob::finished, &app, [job] {
        QTextStream(stdout) << outcomeName(job->outcome()) << '\n' << job->errorString() << '\n';
        QCoreApplication::exit(0);
    });
    return QCoreApplication::exec();
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // CI always provides a session bus; without one this test fails and says how to run it.
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), qPrintable(howToRun()));
    }

    // Everything this run wrote is removed again (also after a failed test).
    void cleanupTestCase()
    {
        KeychainSecretStore store;
        for (const QString &key : std::as_const(m_written)) {
            const auto finished = record(store.remove(key, this));
            QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
            QCOMPARE(finished->outcome, SecretJob::Outcome::Ok);
        }
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second");
        QTest::newRow("secret access keys")
            << QByteArrayLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
            << QByteArrayLiteral("je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");
        QTest::newRow("binary, NUL and non-UTF-8 bytes")
            << QByteArray("\x00\x01\xff\xfe secret", 11) << QByteArray("\xc3\x28\x00\x80", 4);
        QTest::newRow("UTF-8 text")
            << QStringLiteral("pässwörd ✓").toUtf8() << QStringLiteral("日本語の秘密").toUtf8();
    }

    // Against the real Secret Service: write, read back, overwrite, remove, then the key is
    // gone (NotFound, naming the key) and removing it again is still Ok.
    void roundTrip()
    {
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        KeychainSecretStore store;
        const QString key = uniqueKey();

        auto finished = record(store.write(key, first, this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QVERIFY2(finished->outcome == SecretJob::Outcome::Ok,
                 qPrintable(finished->errorString + QLatin1Char(' ') + howToRun()));

        finished = record(store.read(key, this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->outcome, SecretJob::Outcome::Ok);
        QCOMPARE(finished->secret, first);

        finished = record(store.write(key, second, this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->outcome, SecretJob::Outcome::Ok);

        finished = record(store.read(key, this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->outcome, SecretJob::Outcome::Ok);
        QCOMPARE(finished->secret, second);

        finished = record(store.remove(key, this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->outcome, SecretJob::Outcome::Ok);

        finished = record(store.read(key, this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->outcome, SecretJob::Outcome::NotFound);
        QVERIFY(finished->secret.isEmpty());
        QCOMPARE(finished->errorString,
                 QStringLiteral("No secret stored for %1 in the system keychain.").arg(key));

        finished = record(store.remove(key, this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->outcome, SecretJob::Outcome::Ok);
    }

    // Keys are separate entries: writing one leaves another untouched.
    void keysAreIndependent()
    {
        KeychainSecretStore store;
        const QString a = uniqueKey();
        const QString b = uniqueKey();
        auto finished = record(store.write(a, QByteArrayLiteral("alpha"), this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->outcome, SecretJob::Outcome::Ok);
        finished = record(store.write(b, QByteArrayLiteral("bravo"), this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->outcome, SecretJob::Outcome::Ok);

        finished = record(store.read(a, this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->secret, QByteArrayLiteral("alpha"));
        finished = record(store.read(b, this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->secret, QByteArrayLiteral("bravo"));
    }

    // A job deleted by its caller before the keychain answers is never heard from, and the
    // keychain's own job finishes safely without it.
    void deletedBeforeTheKeychainAnswers()
    {
        KeychainSecretStore store;
        const QString key = uniqueKey();
        auto *job = store.write(key, QByteArrayLiteral("abandoned"), this);
        const auto abandoned = record(job);
        delete job;

        // A later job on the same key still runs to its end (jobs run in order).
        const auto finished = record(store.read(key, this));
        QTRY_COMPARE_WITH_TIMEOUT(finished->emissions, 1, 10000);
        QCOMPARE(finished->outcome, SecretJob::Outcome::Ok);
        QCOMPARE(finished->secret, QByteArrayLiteral("abandoned"));
        QCOMPARE(abandoned->emissions, 0);
    }

    // Without a reachable session bus the store fails in plain words, never falls back.
    void unavailableWithoutDBus()
    {
        QTemporaryDir runtime;
        QVERIFY(runtime.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=")
                               + runtime.filePath(QStringLiteral("no-bus")));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.insert(QString::fromLatin1(probeVariable), uniqueKey());

        QProcess child;
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY2(child.waitForFinished(30000), qPrintable(child.errorString()));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        const QStringList lines
            = QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char('\n'));
        QVERIFY2(lines.size() >= 2, qPrintable(lines.join(QLatin1Char('|'))));
        QCOMPARE(lines.at(0), QStringLiteral("Failed"));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("The system keychain is not available: ")),
                 qPrintable(lines.at(1)));
    }

private:
    // Unique per run, so parallel runs sharing a keyring never clash; remembered for cleanup.
    QString uniqueKey()
    {
        const QString key = QStringLiteral("test/tst_keychainsecretstore/")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_written.append(key);
        return key;
    }

    QStringList m_written;
};

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(probeVariable))
        return probe(argc, argv);
    QCoreApplication app(argc, argv);
    TestKeychainSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainsecretstore.moc"
