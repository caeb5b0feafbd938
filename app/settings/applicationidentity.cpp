// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationidentity.h"

#include <QCoreApplication>
#include <QSettings>

namespace Settings {

namespace {

QString applicationName()
{
    return QStringLiteral("shadowscope");
}

} // namespace

void applyApplicationIdentity()
{
    QCoreApplication::setApplicationName(applicationName());
}

std::unique_ptr<QSettings> openUserSettings()
{
    // The application name doubles as the organisation: an organisation name set on
    // QCoreApplication would move the data directory (the sandbox's default) under it.
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                       applicationName(), applicationName());
}

} // namespace Settings
