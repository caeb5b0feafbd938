// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Aws {

/**
 * One read, write or removal of a secret in flight (a job object, as CredentialsJob):
 * finished() fires exactly once, from the event loop, after which outcome() says whether it
 * succeeded (Ok), found nothing under the key (NotFound, reads only) or failed (Failed, with
 * errorString() in plain words). secret() holds what a successful read found. Deletes itself
 * after finished() was delivered; a receiver may also delete it in its slot.
 * @see SecretStore
 */
class SecretJob final : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Pending, Ok, NotFound, Failed };
    Q_ENUM(Outcome)

    explicit SecretJob(QString key, QObject *parent = nullptr);

    const QString &key() const { return m_key; }
    Outcome outcome() const { return m_outcome; }
    /** The secret a successful read found; empty otherwise. */
    const QByteArray &secret() const { return m_secret; }
    /** Why the job did not succeed, in plain words; empty for Ok. */
    const QString &errorString() const { return m_errorString; }

    /** Store side: each finishes the job (once) from the event loop. */
    void finishOk(const QByteArray &secret = {});
    void finishNotFound(const QString &errorString);
    void finishFailed(const QString &errorString);

Q_SIGNALS:
    void finished();

private:
    void finish(Outcome outcome);

    QString m_key;
    Outcome m_outcome = Outcome::Pending;
    QByteArray m_secret;
    QString m_errorString;
};

} // namespace Aws
