// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/secretstore.h"

namespace QKeychain {
class Job;
}

namespace Aws {

/**
 * The SecretStore of the running application: the operating system's keychain through
 * QtKeychain (the Secret Service on Linux, Keychain on macOS, Credential Manager on Windows),
 * under the service name "Shadowscope". There is never an insecure fallback: when no keychain
 * is reachable the jobs fail and say so, and nothing is written anywhere else.
 */
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    SecretJob *read(const QString &key, QObject *parent) override;
    SecretJob *write(const QString &key, const QByteArray &secret, QObject *parent) override;
    SecretJob *remove(const QString &key, QObject *parent) override;

    /** The keychain's service name every secret is stored under. */
    static QString serviceName();

private:
    /** Configures and starts @p keychainJob; its outcome finishes @p job. */
    static void run(QKeychain::Job *keychainJob, SecretJob *job);
};

} // namespace Aws
