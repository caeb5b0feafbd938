// SPDX-License-Identifier: GPL-3.0-or-later
#include "appprofilecredentialsprovider.h"

#include "aws/secretjob.h"
#include "aws/secretstore.h"

namespace Aws {

AppProfileCredentialsProvider::AppProfileCredentialsProvider(SecretStore *store,
                                                             QString profileName,
                                                             QString accessKeyId, QString region)
    : m_store(store)
    , m_profileName(std::move(profileName))
    , m_accessKeyId(std::move(accessKeyId))
    , m_region(std::move(region))
{
}

QString AppProfileCredentialsProvider::secretKey(const QString &profileName)
{
    return QStringLiteral("profile/") + profileName + QStringLiteral("/secret-access-key");
}

SecretJob *AppProfileCredentialsProvider::saveSecret(SecretStore *store, const QString &profileName,
                                                     const QString &secretAccessKey,
                                                     QObject *parent)
{
    return store->write(secretKey(profileName), secretAccessKey.toUtf8(), parent);
}

SecretJob *AppProfileCredentialsProvider::removeSecret(SecretStore *store,
                                                       const QString &profileName, QObject *parent)
{
    return store->remove(secretKey(profileName), parent);
}

CredentialsJob *AppProfileCredentialsProvider::resolve(QObject *parent)
{
    auto *job = new CredentialsJob(parent);
    if (m_accessKeyId.isEmpty()) {
        job->finishNotConfigured(
            tr("Shadowscope profile %1 has no access key id.").arg(m_profileName));
        return job;
    }
    SecretJob *read = m_store->read(secretKey(m_profileName), job);
    // Copies, not this: the provider may be replaced while the keychain answers.
    QObject::connect(
        read, &SecretJob::finished, job, [job, read, name = m_profileName, keyId = m_accessKeyId] {
            switch (read->outcome()) {
            case SecretJob::Outcome::Ok: {
                Credentials credentials;
                credentials.keys.accessKeyId = keyId;
                credentials.keys.secretAccessKey = QString::fromUtf8(read->secret());
                credentials.source
                    = tr("Shadowscope profile %1 (secret in the system keychain)").arg(name);
                job->finishFound(credentials);
                break;
            }
            case SecretJob::Outcome::NotFound:
                // The profile is chosen and has a key id: falling through to other sources
                // could sign with another account's keys. The user must enter the secret.
                job->finishFailed(
                    tr("No secret access key is stored for Shadowscope profile %1.").arg(name));
                break;
            case SecretJob::Outcome::Failed:
            case SecretJob::Outcome::Pending:
                job->finishFailed(read->errorString());
                break;
            }
        });
    return job;
}

} // namespace Aws
