// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakepagesource.h"
#include "retainedpagesource.h"

#include <QDateTime>
#include <QList>

// A RetainedPageSource over canned pages, as FakeThingPageSource is for things.
using FakeRetainedPageSource = FakePageSource<RetainedPageSource, &Iot::RetainedPage::topics>;

inline Iot::RetainedMessageSummary retainedSummary(const QString &topic, qint64 size, int qos,
                                                   qint64 secondsSinceEpoch)
{
    return { topic, size, qos, QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC) };
}

// Topics of every shape: a topic that is also a level ("fleet"), an empty first level
// ("/leading"), an empty middle level ("a//b"), a '$' topic and non-ASCII levels; not sorted.
inline QList<Iot::RetainedMessageSummary> fixtureTopics()
{
    const qint64 t = 1767225600; // 2026-01-01 00:00:00 UTC
    return {
        retainedSummary(QStringLiteral("fleet/berlin/dev-1/temperature"), 27, 0, t),
        retainedSummary(QStringLiteral("fleet/berlin/dev-1/humidity"), 21, 1, t + 60),
        retainedSummary(QStringLiteral("fleet/paris/dev-3/temperature"), 28, 0, t + 3600),
        retainedSummary(QStringLiteral("fleet"), 6, 1, t + 86400),
        retainedSummary(QStringLiteral("fleet/berlin/dev-2/temperature"), 26, 0, t + 7200),
        retainedSummary(QStringLiteral("/leading"), 3, 0, t + 1),
        retainedSummary(QStringLiteral("a//b"), 1, 1, t + 2),
        retainedSummary(QStringLiteral("$SYS/broker/uptime"), 4, 0, t + 3),
        retainedSummary(QStringLiteral("Température/salle"), 5, 0, t + 4),
    };
}
