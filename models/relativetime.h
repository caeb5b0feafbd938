// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

/**
 * How long ago something happened, as a short text for a table cell ("4 min ago"), with the
 * clock passed in so the text can be tested and every view can share one clock.
 */
namespace RelativeTime {

/** Where "now" comes from; the default is the system clock in UTC. */
using Clock = std::function<QDateTime()>;

/** QDateTime::currentDateTimeUtc(). */
QDateTime systemNow();

/**
 * The age of @p then at @p now, rounded down to the largest whole unit: "just now" (under
 * 5 s, or in the future, as a clock skew of a few seconds would give), "42 s ago",
 * "4 min ago", "3 h ago", "1 day ago", "2 days ago". Empty when @p then is not valid.
 */
QString ageText(const QDateTime &then, const QDateTime &now);

/** @p then in the local time zone with seconds, for a tooltip; empty when not valid. */
QString exactText(const QDateTime &then);

} // namespace RelativeTime
