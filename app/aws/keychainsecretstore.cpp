// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include "aws/secretjob.h"

#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#include <QDBusConnection>
#endif

namespace Aws {

namespace {

bool sessionBusMissing()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    return !QDBusConnection::sessionBus().isConnected();
#else
    return false;
#endif
}

// QtKeychain's own messages are terse ("Entry not found", "Unknown error") or raw D-Bus text;
// the user gets one sentence that says what happened to which secret.
QString plainMessage(const QKeychain::Job *keychainJob, const QString &key)
{
    const QString detail = keychainJob->errorString();
    switch (keychainJob->error()) {
    case QKeychain::EntryNotFound:
        return KeychainSecretStore::tr("No secret stored for %1 in the system keychain.").arg(key);
    case QKeychain::AccessDeniedByUser:
        return KeychainSecretStore::tr("Access to the secret %1 was denied in the system keychain.")
            .arg(key);
    case QKeychain::AccessDenied:
        return KeychainSecretStore::tr(
                   "The system keychain refused access to the secret %1 (is it locked?): %2")
            .arg(key, detail);
    case QKeychain::CouldNotDeleteEntry:
        return KeychainSecretStore::tr(
                   "The secret %1 could not be removed from the system keychain: %2")
            .arg(key, detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainSecretStore::tr("The system keychain is not available: %1").arg(detail);
    case QKeychain::OtherError:
    case QKeychain::NoError:
        break;
    }
    if (sessionBusMissing())
        return KeychainSecretStore::tr(
                   "The system keychain is not available: there is no D-Bus session to reach the "
                   "Secret Service (%1).")
            .arg(detail);
    return KeychainSecretStore::tr("The system keychain failed on the secret %1: %2")
        .arg(key, detail);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{
}

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("Shadowscope");
}

SecretJob *KeychainSecretStore::read(const QString &key, QObject *parent)
{
    auto *job = new SecretJob(key, parent);
    auto *keychainJob = new QKeychain::ReadPasswordJob(serviceName());
    keychainJob->setKey(key);
    run(keychainJob, job);
    return job;
}

SecretJob *KeychainSecretStore::write(const QString &key, const QByteArray &secret, QObject *parent)
{
    auto *job = new SecretJob(key, parent);
    auto *keychainJob = new QKeychain::WritePasswordJob(serviceName());
    keychainJob->setKey(key);
    keychainJob->setBinaryData(secret);
    run(keychainJob, job);
    return job;
}

SecretJob *KeychainSecretStore::remove(const QString &key, QObject *parent)
{
    auto *job = new SecretJob(key, parent);
    auto *keychainJob = new QKeychain::DeletePasswordJob(serviceName());
    keychainJob->setKey(key);
    run(keychainJob, job);
    return job;
}

void KeychainSecretStore::run(QKeychain::Job *keychainJob, SecretJob *job)
{
    // Never QSettings in plain text, whatever the platform offers.
    keychainJob->setInsecureFallback(false);
    // The keychain job has no parent and deletes itself when done: its backend (libsecret)
    // calls back into it, so it must outlive both this store and the SecretJob. The SecretJob
    // is the connection's context, so a job deleted early simply hears nothing.
    keychainJob->setAutoDelete(true);
    QObject::connect(keychainJob, &QKeychain::Job::finished, job, [job](QKeychain::Job *done) {
        const QString key = job->key();
        if (done->error() == QKeychain::NoError) {
            if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                job->finishOk(read->binaryData());
            else
                job->finishOk();
        } else if (done->error() == QKeychain::EntryNotFound) {
            // Removing what is not there leaves the keychain as asked: not an error.
            if (qobject_cast<QKeychain::DeletePasswordJob *>(done))
                job->finishOk();
            else
                job->finishNotFound(plainMessage(done, key));
        } else {
            job->finishFailed(plainMessage(done, key));
        }
    });
    keychainJob->start();
}

} // namespace Aws
