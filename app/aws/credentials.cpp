// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials.h"

#include "jobs/finishlater.h"

namespace Aws {

bool Credentials::expiresWithin(const QDateTime &now, qint64 seconds) const
{
    return expiration && now.secsTo(*expiration) <= seconds;
}

CredentialsJob::CredentialsJob(QObject *parent)
    : QObject(parent)
{
}

void CredentialsJob::finishFound(const Credentials &credentials)
{
    m_credentials = credentials;
    finish(Outcome::Found);
}

void CredentialsJob::finishNotConfigured(const QString &why)
{
    m_errorString = why;
    finish(Outcome::NotConfigured);
}

void CredentialsJob::finishFailed(const QString &errorString)
{
    m_errorString = errorString;
    finish(Outcome::Failed);
}

void CredentialsJob::finish(Outcome outcome)
{
    if (m_outcome != Outcome::Pending)
        return;
    m_outcome = outcome;
    Jobs::finishLater(this, &CredentialsJob::finished);
}

StaticCredentialsProvider::StaticCredentialsProvider(Credentials credentials)
    : m_credentials(std::move(credentials))
{
}

CredentialsJob *StaticCredentialsProvider::resolve(QObject *parent)
{
    auto *job = new CredentialsJob(parent);
    job->finishFound(m_credentials);
    return job;
}

} // namespace Aws
