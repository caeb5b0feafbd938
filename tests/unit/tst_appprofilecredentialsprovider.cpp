// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/appprofilecredentialsprovider.h"
#include "aws/memorysecretstore.h"
#include "aws/secretjob.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using Aws::AppProfileCredentialsProvider;
using Aws::CredentialsJob;
using Aws::MemorySecretStore;
using Aws::SecretJob;

namespace {

// What a CredentialsJob said when it finished: read in the slot, because the job deletes
// itself afterwards.
struct Finished
{
    int emissions = 0;
    CredentialsJob::Outcome outcome = CredentialsJob::Outcome::Pending;
    std::optional<Aws::Credentials> credentials;
    QString errorString;
};

std::shared_ptr<Finished> record(CredentialsJob *job)
{
    auto finished = std::make_shared<Finished>();
    QObject::connect(job, &CredentialsJob::finished, job, [job, finished] {
        ++finished->emissions;
        finished->outcome = job->outcome();
        finished->credentials = job->credentials();
        finished->errorString = job->errorString();
    });
    return finished;
}

SecretJob::Outcome runToEnd(SecretJob *job)
{
    auto outcome = std::make_shared<SecretJob::Outcome>(SecretJob::Outcome::Pending);
    QObject::connect(job, &SecretJob::finished, job, [job, outcome] { *outcome = job->outcome(); });
    QSignalSpy spy(job, &SecretJob::finished);
    spy.wait(5000);
    return *outcome;
}

} // namespace

class TestAppProfileCredentialsProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The secret is read under "profile/<name>/secret-access-key" and combined with the key id
    // the caller gave; the source names the profile and the keychain; region is passed through.
    void foundWhenSecretStored()
    {
        MemorySecretStore store;
        QCOMPARE(runToEnd(AppProfileCredentialsProvider::saveSecret(
                     &store, QStringLiteral("dev"),
                     QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), this)),
                 SecretJob::Outcome::Ok);
        QCOMPARE(store.secrets().value(QStringLiteral("profile/dev/secret-access-key")),
                 QByteArrayLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

        AppProfileCredentialsProvider provider(&store, QStringLiteral("dev"),
                                               QStringLiteral("AKIDEXAMPLE"),
                                               QStringLiteral("eu-central-1"));
        QCOMPARE(provider.region(), QStringLiteral("eu-central-1"));
        const auto finished = record(provider.resolve(this));
        QTRY_COMPARE(finished->emissions, 1);
        QCOMPARE(finished->outcome, CredentialsJob::Outcome::Found);
        QVERIFY(finished->credentials);
        QCOMPARE(finished->credentials->keys.accessKeyId, QStringLiteral("AKIDEXAMPLE"));
        QCOMPARE(finished->credentials->keys.secretAccessKey,
                 QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        QVERIFY(finished->credentials->keys.sessionToken.isEmpty());
        QVERIFY(!finished->credentials->expiration);
        QCOMPARE(finished->credentials->source,
                 QStringLiteral("Shadowscope profile dev (secret in the system keychain)"));
    }

    // Profiles do not see each other's secrets: the key contains the profile name.
    void secretsAreKeyedByProfile()
    {
        MemorySecretStore store;
        QCOMPARE(runToEnd(AppProfileCredentialsProvider::saveSecret(
                     &store, QStringLiteral("prod"), QStringLiteral("prod-secret"), this)),
                 SecretJob::Outcome::Ok);
        AppProfileCredentialsProvider dev(&store, QStringLiteral("dev"), QStringLiteral("AKIDDEV"));
        const auto finished = record(dev.resolve(this));
        QTRY_COMPARE(finished->emissions, 1);
        QCOMPARE(finished->outcome, CredentialsJob::Outcome::Failed);
    }

    void notConfigured_data()
    {
        QTest::addColumn<QString>("accessKeyId");
        QTest::addColumn<bool>("secretStored");
        QTest::addColumn<QString>("why");
        QTest::addColumn<CredentialsJob::Outcome>("outcome");
        QTest::newRow("no secret stored")
            << QStringLiteral("AKIDEXAMPLE") << false
            << QStringLiteral("No secret access key is stored for Shadowscope profile dev.")
            << CredentialsJob::Outcome::Failed;
        QTest::newRow("no access key id")
            << QString() << true << QStringLiteral("Shadowscope profile dev has no access key id.")
            << CredentialsJob::Outcome::NotConfigured;
    }

    // Without a key id the profile is not configured and the chain asks the next provider; with
    // a key id but no stored secret it fails, rather than fall through to another account's
    // keys. The reason names the profile.
    void notConfigured()
    {
        QFETCH(QString, accessKeyId);
        QFETCH(bool, secretStored);
        QFETCH(QString, why);
        QFETCH(CredentialsJob::Outcome, outcome);
        MemorySecretStore store;
        if (secretStored)
            QCOMPARE(runToEnd(AppProfileCredentialsProvider::saveSecret(
                         &store, QStringLiteral("dev"), QStringLiteral("s3cr3t"), this)),
                     SecretJob::Outcome::Ok);
        AppProfileCredentialsProvider provider(&store, QStringLiteral("dev"), accessKeyId);
        const auto finished = record(provider.resolve(this));
        QTRY_COMPARE(finished->emissions, 1);
        QCOMPARE(finished->outcome, outcome);
        QVERIFY(!finished->credentials);
        QCOMPARE(finished->errorString, why);
    }

    // A failing keychain stops the chain: Failed, with the store's own message.
    void failedWithStoreMessage()
    {
        MemorySecretStore store;
        QCOMPARE(runToEnd(AppProfileCredentialsProvider::saveSecret(
                     &store, QStringLiteral("dev"), QStringLiteral("s3cr3t"), this)),
                 SecretJob::Outcome::Ok);
        const QString message = QStringLiteral("The system keychain is not available: no D-Bus");
        store.setFailure(message);
        AppProfileCredentialsProvider provider(&store, QStringLiteral("dev"),
                                               QStringLiteral("AKIDEXAMPLE"));
        const auto finished = record(provider.resolve(this));
        QTRY_COMPARE(finished->emissions, 1);
        QCOMPARE(finished->outcome, CredentialsJob::Outcome::Failed);
        QVERIFY(!finished->credentials);
        QCOMPARE(finished->errorString, message);
    }

    // resolve() never answers synchronously: finished() comes once, from the event loop.
    void finishesFromEventLoop()
    {
        MemorySecretStore store;
        QCOMPARE(runToEnd(AppProfileCredentialsProvider::saveSecret(
                     &store, QStringLiteral("dev"), QStringLiteral("s3cr3t"), this)),
                 SecretJob::Outcome::Ok);
        AppProfileCredentialsProvider provider(&store, QStringLiteral("dev"),
                                               QStringLiteral("AKIDEXAMPLE"));
        CredentialsJob *job = provider.resolve(this);
        const auto finished = record(job);
        QCOMPARE(job->outcome(), CredentialsJob::Outcome::Pending);
        QCOMPARE(finished->emissions, 0);
        QTRY_COMPARE(finished->emissions, 1);
        QCOMPARE(finished->outcome, CredentialsJob::Outcome::Found);
    }

    // Removing a profile's secret makes it unconfigured; removing it again is still Ok.
    void removeSecret()
    {
        MemorySecretStore store;
        QCOMPARE(runToEnd(AppProfileCredentialsProvider::saveSecret(
                     &store, QStringLiteral("dev"), QStringLiteral("s3cr3t"), this)),
                 SecretJob::Outcome::Ok);
        QCOMPARE(runToEnd(AppProfileCredentialsProvider::removeSecret(&store, QStringLiteral("dev"),
                                                                      this)),
                 SecretJob::Outcome::Ok);
        QVERIFY(store.secrets().isEmpty());
        QCOMPARE(runToEnd(AppProfileCredentialsProvider::removeSecret(&store, QStringLiteral("dev"),
                                                                      this)),
                 SecretJob::Outcome::Ok);

        AppProfileCredentialsProvider provider(&store, QStringLiteral("dev"),
                                               QStringLiteral("AKIDEXAMPLE"));
        const auto finished = record(provider.resolve(this));
        QTRY_COMPARE(finished->emissions, 1);
        QCOMPARE(finished->outcome, CredentialsJob::Outcome::Failed);
    }

    // A caller that deletes the lookup before the store answers takes the secret read with it
    // and hears nothing afterwards.
    void deletedBeforeTheStoreAnswers()
    {
        MemorySecretStore store;
        AppProfileCredentialsProvider provider(&store, QStringLiteral("dev"),
                                               QStringLiteral("AKIDEXAMPLE"));
        CredentialsJob *job = provider.resolve(this);
        const QPointer<SecretJob> read = job->findChild<SecretJob *>();
        QVERIFY(read);
        const auto finished = record(job);
        delete job;
        QVERIFY(!read);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(finished->emissions, 0);
    }
};

QTEST_GUILESS_MAIN(TestAppProfileCredentialsProvider)
#include "tst_appprofilecredentialsprovider.moc"
