// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionchoice.h"

#include <QCoreApplication>
#include <QSettings>

namespace Settings {

namespace {

const QString Group = QStringLiteral("connection");

QString kindName(ConnectionChoice::Kind kind)
{
    switch (kind) {
    case ConnectionChoice::Kind::Sandbox:
        return QStringLiteral("sandbox");
    case ConnectionChoice::Kind::AwsProfile:
        return QStringLiteral("aws");
    case ConnectionChoice::Kind::AppProfile:
        return QStringLiteral("app");
    }
    return {};
}

} // namespace

QString ConnectionChoice::key() const
{
    if (kind == Kind::Sandbox)
        return kindName(kind);
    return kindName(kind) + QLatin1Char('/') + (profile.isEmpty() ? QStringLiteral("default") : profile);
}

QString ConnectionChoice::displayName() const
{
    switch (kind) {
    case Kind::Sandbox:
        return QCoreApplication::translate("Settings::ConnectionChoice", "Sandbox (local)");
    case Kind::AwsProfile:
        return QCoreApplication::translate("Settings::ConnectionChoice", "AWS profile %1")
            .arg(profile.isEmpty() ? QStringLiteral("default") : profile);
    case Kind::AppProfile:
        return QCoreApplication::translate("Settings::ConnectionChoice", "Shadowscope profile %1")
            .arg(profile);
    }
    return {};
}

std::optional<ConnectionChoice> ConnectionChoice::load(QSettings &settings)
{
    settings.beginGroup(Group);
    const QString kind = settings.value(QStringLiteral("kind")).toString();
    ConnectionChoice choice;
    choice.profile = settings.value(QStringLiteral("profile")).toString();
    choice.region = settings.value(QStringLiteral("region")).toString();
    choice.endpointUrl = settings.value(QStringLiteral("endpointUrl")).toString();
    choice.caFile = settings.value(QStringLiteral("caFile")).toString();
    settings.endGroup();
    for (Kind candidate : {Kind::Sandbox, Kind::AwsProfile, Kind::AppProfile}) {
        if (kind == kindName(candidate)) {
            choice.kind = candidate;
            return choice;
        }
    }
    return std::nullopt;
}

void ConnectionChoice::save(QSettings &settings) const
{
    settings.beginGroup(Group);
    settings.setValue(QStringLiteral("kind"), kindName(kind));
    settings.setValue(QStringLiteral("profile"), profile);
    settings.setValue(QStringLiteral("region"), region);
    settings.setValue(QStringLiteral("endpointUrl"), endpointUrl);
    settings.setValue(QStringLiteral("caFile"), caFile);
    settings.endGroup();
}

} // namespace Settings
