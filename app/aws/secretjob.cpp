// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretjob.h"

#include <QPointer>

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
    // As CredentialsJob: delivered from the event loop, deleted only after delivery, and not
    // at all when a receiver deleted the job in its slot.
    QMetaObject::invokeMethod(
        this,
        [this] {
            const QPointer<SecretJob> alive(this);
            Q_EMIT finished();
            if (alive)
                deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace Aws
