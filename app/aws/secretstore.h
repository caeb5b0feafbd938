// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QByteArray;
class QString;

namespace Aws {

class SecretJob;

/**
 * Where Shadowscope keeps secrets (secret access keys), by key, e.g.
 * "profile/dev/secret-access-key". Every operation is asynchronous and returns a SecretJob
 * parented to @p parent that finishes from the event loop. Nothing else in the application
 * ever holds a secret on disk.
 * @see KeychainSecretStore, MemorySecretStore
 */
class SecretStore : public QObject
{
    Q_OBJECT
public:
    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    /** Ok with the secret, NotFound when nothing is stored under @p key, or Failed. */
    virtual SecretJob *read(const QString &key, QObject *parent) = 0;
    /** Stores @p secret under @p key, replacing what was there: Ok or Failed. */
    virtual SecretJob *write(const QString &key, const QByteArray &secret, QObject *parent) = 0;
    /** Removes the secret under @p key: Ok (also when there was none) or Failed. */
    virtual SecretJob *remove(const QString &key, QObject *parent) = 0;
};

} // namespace Aws
