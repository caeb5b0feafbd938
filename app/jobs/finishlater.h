// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaObject>
#include <QPointer>

namespace Jobs {

/**
 * How every job object of the services (ApiCall, CredentialsJob, SecretJob) finishes: emits
 * @p finished from the event loop (never inside the call that finished the job), then deletes
 * the job, unless a receiver deleted it (or its owner) in its slot. Posting a deferred delete
 * beside the signal instead would lose the signal where deferred deletes run first, as in
 * QTest::qWait.
 */
template<typename Job>
void finishLater(Job *job, void (Job::*finished)())
{
    QMetaObject::invokeMethod(
        job,
        [job, finished] {
            const QPointer<Job> alive(job);
            Q_EMIT(job->*finished)();
            if (alive)
                job->deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace Jobs
