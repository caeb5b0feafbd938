// SPDX-License-Identifier: GPL-3.0-or-later
#include "appprofiles.h"

#include <QRegularExpression>
#include <QSettings>

namespace Settings {

namespace {

const QString Group = QStringLiteral("profiles");

} // namespace

QStringList AppProfiles::names(QSettings &settings)
{
    settings.beginGroup(Group);
    QStringList names = settings.childGroups();
    settings.endGroup();
    names.sort();
    return names;
}

std::optional<AppProfile> AppProfiles::load(QSettings &settings, const QString &name)
{
    if (!names(settings).contains(name))
        return std::nullopt;
    settings.beginGroup(Group + QLatin1Char('/') + name);
    AppProfile profile{name, settings.value(QStringLiteral("accessKeyId")).toString(),
                       settings.value(QStringLiteral("region")).toString(),
                       settings.value(QStringLiteral("endpointUrl")).toString()};
    settings.endGroup();
    return profile;
}

void AppProfiles::save(QSettings &settings, const AppProfile &profile)
{
    settings.beginGroup(Group + QLatin1Char('/') + profile.name);
    settings.setValue(QStringLiteral("accessKeyId"), profile.accessKeyId);
    settings.setValue(QStringLiteral("region"), profile.region);
    settings.setValue(QStringLiteral("endpointUrl"), profile.endpointUrl);
    settings.endGroup();
}

void AppProfiles::remove(QSettings &settings, const QString &name)
{
    settings.remove(Group + QLatin1Char('/') + name);
}

QString AppProfiles::checkName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (name.isEmpty())
        return tr("Give the profile a name.");
    if (!valid.match(name).hasMatch())
        return tr("A profile name has 1 to 64 letters, digits, dots, underscores or hyphens.");
    return {};
}

QString AppProfiles::checkAccessKeyId(const QString &accessKeyId)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Z0-9]{16,128}$"));
    if (accessKeyId.isEmpty())
        return tr("Give the access key id (it starts with AKIA or ASIA).");
    if (!valid.match(accessKeyId).hasMatch())
        return tr("An access key id has 16 to 128 capital letters and digits, such as "
                  "AKIAIOSFODNN7EXAMPLE.");
    return {};
}

} // namespace Settings
