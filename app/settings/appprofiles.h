// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace Settings {

/**
 * One of Shadowscope's own profiles: what the settings keep of it. Its secret access key is
 * never here; it lives in the keychain (Aws::AppProfileCredentialsProvider::saveSecret).
 */
struct AppProfile
{
    QString name;
    QString accessKeyId;
    QString region;      ///< empty: none (the connection must then give one)
    QString endpointUrl; ///< empty: discovered with DescribeEndpoint

    friend bool operator==(const AppProfile &, const AppProfile &) = default;
};

/** Shadowscope's own profiles in the settings (group "profiles"), sorted by name. */
class AppProfiles
{
    Q_DECLARE_TR_FUNCTIONS(Settings::AppProfiles)
public:
    static QStringList names(QSettings &settings);
    static std::optional<AppProfile> load(QSettings &settings, const QString &name);
    static void save(QSettings &settings, const AppProfile &profile);
    static void remove(QSettings &settings, const QString &name);

    /** Why @p name cannot name a profile (empty: it can): 1–64 of A–Z a–z 0–9 . _ - */
    static QString checkName(const QString &name);
    /** Why @p accessKeyId is not an access key id (empty: it is): 16–128 of A–Z 0–9. */
    static QString checkAccessKeyId(const QString &accessKeyId);
};

} // namespace Settings
