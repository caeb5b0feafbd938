// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Aws {

/**
 * The parsed text of ~/.aws/config or ~/.aws/credentials (pure: no file access).
 *
 * Sections: in the config file `[profile x]`, `[default]` and `[profile default]` are
 * profiles, `[sso-session x]` and `[services x]` are kept apart and any other section is
 * ignored; in the credentials file every section `[x]` is profile x. Properties are
 * `key = value`, trimmed, case as written; lines starting with `#` or `;` are comments, and
 * so is the rest of a line from a `#` or `;` that follows whitespace. An empty value
 * followed by indented `key = value` lines is a sub-section, kept as `parent.key`; any other
 * indented line continues the previous value (joined with a newline). A repeated section
 * adds to the first and a repeated key replaces the earlier value.
 * @see AwsProfiles, which loads and merges both files.
 */
class AwsConfigFile
{
public:
    enum class Kind { Config, Credentials };
    using Settings = QMap<QString, QString>;

    static AwsConfigFile parse(QStringView text, Kind kind);

    /** Profile names in sorted order. */
    QStringList profileNames() const { return m_profiles.keys(); }
    QStringList ssoSessionNames() const { return m_ssoSessions.keys(); }
    QStringList servicesNames() const { return m_services.keys(); }
    /** The profile's settings, or nullopt when the file has no section for it. */
    std::optional<Settings> profile(const QString &name) const;
    std::optional<Settings> ssoSession(const QString &name) const;
    std::optional<Settings> services(const QString &name) const;

private:
    QMap<QString, Settings> m_profiles;
    QMap<QString, Settings> m_ssoSessions;
    QMap<QString, Settings> m_services;
};

} // namespace Aws
