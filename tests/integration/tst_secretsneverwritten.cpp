// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/appprofilecredentialsprovider.h"
#include "aws/keychainsecretstore.h"
#include "aws/secretjob.h"
#include "settings/applicationidentity.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include <memory>

using Aws::AppProfileCredentialsProvider;
using Aws::CredentialsJob;
using Aws::KeychainSecretStore;
using Aws::SecretJob;

namespace {

// Where a leak is planted, to prove the scan catches it.
enum class Leak { None, SecretInDataFile, Base64InSettings };

SecretJob::Outcome runToEnd(SecretJob *job, QString *errorString)
{
    auto outcome = std::make_shared<SecretJob::Outcome>(SecretJob::Outcome::Pending);
    QObject::connect(job, &SecretJob::finished, job, [job, outcome, errorString] {
        *outcome = job->outcome();
        *errorString = job->errorString();
    });
    QSignalSpy spy(job, &SecretJob::finished);
    spy.wait(10000);
    return *outcome;
}

// A secret no file could hold by chance: 30 random bytes as 40 base64 characters.
QString randomSecret()
{
    QByteArray bytes;
    for (int i = 0; i < 30; ++i)
        bytes.append(char(QRandomGenerator::system()->bounded(256)));
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

class TestSecretsNeverWritten : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The scan covers the test's private HOME; the XDG locations are pointed into it so that
    // everything the application writes per user lands where the scan looks.
    void initTestCase()
    {
        m_home = QDir::cleanPath(qEnvironmentVariable("HOME"));
        QVERIFY2(QFileInfo(m_home).fileName() == QStringLiteral("tst_secretsneverwritten"),
                 "Run through ctest (inside dbus-run-session with gnome-keyring unlocked, as "
                 "installer/setup.sh test does): it gives this test a private HOME to scan.");
        QVERIFY(QDir().mkpath(m_home));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home + QStringLiteral("/.config")));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home + QStringLiteral("/.local/share")));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_home + QStringLiteral("/.cache")));
        qputenv("XDG_STATE_HOME", QFile::encodeName(m_home + QStringLiteral("/.local/state")));
        Settings::applyApplicationIdentity();
    }

    void secretNeverOnDisk_data()
    {
        QTest::addColumn<Leak>("leak");
        QTest::newRow("the application's path") << Leak::None;
        QTest::newRow("planted: the secret in a data file") << Leak::SecretInDataFile;
        QTest::newRow("planted: its base64 in the settings") << Leak::Base64InSettings;
    }

    // A profile's secret goes through the keychain and back into credentials, the profile's
    // other fields into the settings file, and no file under HOME holds the secret or its
    // base64. The planted rows prove the scan finds a leak where one is.
    void secretNeverOnDisk()
    {
        QFETCH(Leak, leak);
        const QString profile
            = QStringLiteral("never-written-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString secret = randomSecret();
        const QString accessKeyId = QStringLiteral("AKID")
            + QUuid::createUuid().toString(QUuid::Id128).left(16).toUpper();

        KeychainSecretStore store;
        QString error;
        QVERIFY2(runToEnd(AppProfileCredentialsProvider::saveSecret(&store, profile, secret, this),
                          &error)
                     == SecretJob::Outcome::Ok,
                 qPrintable(error));
        const auto removeSecret = qScopeGuard([&] {
            QString ignored;
            runToEnd(AppProfileCredentialsProvider::removeSecret(&store, profile, this), &ignored);
        });

        AppProfileCredentialsProvider provider(&store, profile, accessKeyId,
                                               QStringLiteral("eu-west-1"));
        auto found = std::make_shared<std::optional<Aws::Credentials>>();
        CredentialsJob *job = provider.resolve(this);
        QObject::connect(job, &CredentialsJob::finished, job,
                         [job, found] { *found = job->credentials(); });
        QTRY_VERIFY_WITH_TIMEOUT(found->has_value(), 10000);
        QCOMPARE((*found)->keys.secretAccessKey, secret);

        const std::unique_ptr<QSettings> settings = Settings::openUserSettings();
        const QString group = QStringLiteral("profiles/") + profile;
        settings->setValue(group + QStringLiteral("/accessKeyId"), provider.accessKeyId());
        settings->setValue(group + QStringLiteral("/region"), provider.region());
        QString plantedFile;
        switch (leak) {
        case Leak::None:
            break;
        case Leak::SecretInDataFile: {
            const QString dir
                = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
            QVERIFY(QDir().mkpath(dir));
            plantedFile = dir + QStringLiteral("/planted-") + profile;
            QFile file(plantedFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("aws_secret_access_key = " + secret.toUtf8() + '\n');
            break;
        }
        case Leak::Base64InSettings:
            settings->setValue(group + QStringLiteral("/planted"),
                               QString::fromLatin1(secret.toUtf8().toBase64()));
            plantedFile = settings->fileName();
            break;
        }
        settings->sync();
        const auto tidy = qScopeGuard([&] {
            settings->remove(group);
            settings->sync();
            if (leak == Leak::SecretInDataFile)
                QFile::remove(plantedFile);
        });
        QCOMPARE(settings->status(), QSettings::NoError);
        QVERIFY2(settings->fileName().startsWith(m_home + QLatin1Char('/')),
                 qPrintable(settings->fileName()));

        // The scan reads the settings file: the access key id (not secret) is found in it.
        QCOMPARE(filesContaining({ accessKeyId.toUtf8() }), QStringList { settings->fileName() });

        const QStringList leaks = filesContaining({ secret.toUtf8(), secret.toUtf8().toBase64() });
        if (leak == Leak::None)
            QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        else
            QCOMPARE(leaks, QStringList { plantedFile });
    }

private:
    /** Every regular file under HOME that contains one of @p needles (hidden ones included). */
    QStringList filesContaining(const QList<QByteArray> &needles)
    {
        QStringList hits;
        QDirIterator it(m_home, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                hits.append(path + QStringLiteral(" (unreadable: ") + file.errorString()
                            + QLatin1Char(')'));
                continue;
            }
            const QByteArray content = file.readAll();
            for (const QByteArray &needle : needles) {
                if (content.contains(needle)) {
                    hits.append(path);
                    break;
                }
            }
        }
        hits.sort();
        return hits;
    }

    QString m_home;
};

QTEST_GUILESS_MAIN(TestSecretsNeverWritten)
#include "tst_secretsneverwritten.moc"
