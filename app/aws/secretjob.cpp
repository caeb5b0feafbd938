// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretjob.h"

#include "jobs/finishlater.h"

namespace Aws {

SecretJob::SecretJob(QString key, QObject *parent)
    : QObject(parent)
    , m_key(std::move(key))
{
}

void SecretJob::finishOk(const QByteArray &secret)
{
    if (m_outcome != Outcome::Pending)
        return;
    m_secret = secret;
    finish(Outcome::Ok);
}

void SecretJob::finishNotFound(const QString &errorString)
{
    if (m_outcome != Outcome::Pending)
        return;
    m_errorString = errorString;
    finish(Outcome::NotFound);
}

void SecretJob::finishFailed(const QString &errorString)
{
    if (m_outcome != Outcome::Pending)
        return;
    m_errorString = errorString;
    finish(Outcome::Failed);
}

void SecretJob::finish(Outcome outcome)
{
    m_outcome = outcome;
    Jobs::finishLater(this, &SecretJob::finished);
}

} // namespace Aws
