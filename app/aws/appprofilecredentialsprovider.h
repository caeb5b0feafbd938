// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/credentials.h"

#include <QCoreApplication>
#include <QString>

namespace Aws {

class SecretJob;
class SecretStore;

/**
 * Credentials of a profile Shadowscope owns: the caller (the settings) gives the profile name,
 * the access key id and optionally the region, none of them secret; the secret access key
 * lives only in the SecretStore, under secretKey(name). resolve() finds credentials when a
 * secret is stored, is NotConfigured when none is, and Failed with the store's message when
 * the keychain fails. First in the credentials chain.
 * @see SecretStore, CredentialsProvider
 */
class AppProfileCredentialsProvider final : public CredentialsProvider
{
    Q_DECLARE_TR_FUNCTIONS(Aws::AppProfileCredentialsProvider)
public:
    /** @p store must outlive this provider and the lookups it starts. */
    AppProfileCredentialsProvider(SecretStore *store, QString profileName, QString accessKeyId,
                                  QString region = {});

    CredentialsJob *resolve(QObject *parent) override;

    const QString &profileName() const { return m_profileName; }
    const QString &accessKeyId() const { return m_accessKeyId; }
    /** The profile's region; empty when the profile names none. */
    const QString &region() const { return m_region; }

    /** The SecretStore key of a profile's secret access key: "profile/<name>/secret-access-key". */
    static QString secretKey(const QString &profileName);

    /** Stores (or replaces) the secret access key of @p profileName in @p store. */
    static SecretJob *saveSecret(SecretStore *store, const QString &profileName,
                                 const QString &secretAccessKey, QObject *parent);
    /** Removes the secret access key of @p profileName from @p store (Ok if there was none). */
    static SecretJob *removeSecret(SecretStore *store, const QString &profileName, QObject *parent);

private:
    SecretStore *m_store;
    QString m_profileName;
    QString m_accessKeyId;
    QString m_region;
};

} // namespace Aws
