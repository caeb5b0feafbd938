// SPDX-License-Identifier: GPL-3.0-or-later
#include "memorysecretstore.h"

#include "aws/secretjob.h"

namespace Aws {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{
}

SecretJob *MemorySecretStore::read(const QString &key, QObject *parent)
{
    auto *job = new SecretJob(key, parent);
    if (!m_failure.isEmpty())
        job->finishFailed(m_failure);
    else if (const auto it = m_secrets.constFind(key); it != m_secrets.cend())
        job->finishOk(*it);
    else
        job->finishNotFound(tr("No secret stored for %1.").arg(key));
    return job;
}

SecretJob *MemorySecretStore::write(const QString &key, const QByteArray &secret, QObject *parent)
{
    auto *job = new SecretJob(key, parent);
    if (!m_failure.isEmpty()) {
        job->finishFailed(m_failure);
    } else {
        m_secrets.insert(key, secret);
        job->finishOk();
    }
    return job;
}

SecretJob *MemorySecretStore::remove(const QString &key, QObject *parent)
{
    auto *job = new SecretJob(key, parent);
    if (!m_failure.isEmpty()) {
        job->finishFailed(m_failure);
    } else {
        m_secrets.remove(key);
        job->finishOk();
    }
    return job;
}

void MemorySecretStore::setFailure(const QString &errorString)
{
    m_failure = errorString;
}

} // namespace Aws
