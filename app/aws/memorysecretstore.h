// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/secretstore.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Aws {

/**
 * A SecretStore in memory, for unit tests: same contract as the keychain (jobs finish from
 * the event loop), and setFailure() makes every operation fail as an unavailable keychain
 * would.
 */
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    SecretJob *read(const QString &key, QObject *parent) override;
    SecretJob *write(const QString &key, const QByteArray &secret, QObject *parent) override;
    SecretJob *remove(const QString &key, QObject *parent) override;

    /** From now on every operation fails with @p errorString; an empty one heals the store. */
    void setFailure(const QString &errorString);

    /** What is stored now, for assertions. */
    const QHash<QString, QByteArray> &secrets() const { return m_secrets; }

private:
    QHash<QString, QByteArray> m_secrets;
    QString m_failure;
};

} // namespace Aws
