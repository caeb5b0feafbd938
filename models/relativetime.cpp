// SPDX-License-Identifier: GPL-3.0-or-later
#include "relativetime.h"

#include <QCoreApplication>
#include <QLocale>

namespace RelativeTime {

namespace {

constexpr qint64 JustNowSeconds = 5;
constexpr qint64 Minute = 60;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

QString tr(const char *text, qint64 n)
{
    return QCoreApplication::translate("RelativeTime", text, nullptr, int(n));
}

} // namespace

QDateTime systemNow()
{
    return QDateTime::currentDateTimeUtc();
}

QString ageText(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return {};
    const qint64 seconds = then.secsTo(now);
    if (seconds < JustNowSeconds)
        return QCoreApplication::translate("RelativeTime", "just now");
    if (seconds < Minute)
        return tr("%n s ago", seconds);
    if (seconds < Hour)
        return tr("%n min ago", seconds / Minute);
    if (seconds < Day)
        return tr("%n h ago", seconds / Hour);
    const qint64 days = seconds / Day;
    // Spelled out: English has no numerus form without a translation loaded.
    if (days == 1)
        return QCoreApplication::translate("RelativeTime", "1 day ago");
    return tr("%n days ago", days);
}

QString exactText(const QDateTime &then)
{
    if (!then.isValid())
        return {};
    return QLocale().toString(then.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

} // namespace RelativeTime
