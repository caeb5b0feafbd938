// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

class QSettings;

namespace Settings {

/**
 * Which account the window talks to, as the user chose it (connection dialog or command
 * line): the built-in sandbox, a profile of ~/.aws, or one of Shadowscope's own profiles,
 * with an optional region and endpoint that override the profile's. The last choice that
 * connected is kept in the settings and restored on start. Holds no secret.
 */
struct ConnectionChoice
{
    enum class Kind { Sandbox, AwsProfile, AppProfile };

    Kind kind = Kind::AwsProfile;
    QString profile;     ///< AwsProfile: empty for AWS_PROFILE, else "default"; AppProfile: its name
    QString region;      ///< empty: the profile's (or the environment's)
    QString endpointUrl; ///< the data endpoint; empty: configured or discovered
    QString caFile;      ///< PEM authorities to trust instead of the system's; empty: the profile's

    /** A stable name for per-connection settings such as recent things: "sandbox", "aws/dev". */
    QString key() const;
    /** For people: "Sandbox (local)", "AWS profile dev", "Shadowscope profile lab". */
    QString displayName() const;

    /** The choice saved by save(), if any. */
    static std::optional<ConnectionChoice> load(QSettings &settings);
    void save(QSettings &settings) const;

    friend bool operator==(const ConnectionChoice &, const ConnectionChoice &) = default;
};

} // namespace Settings
