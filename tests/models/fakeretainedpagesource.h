// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "retainedpagesource.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QFile>
#include <QList>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

// A RetainedPageSource over canned pages, as FakeThingPageSource is for things: page i's
// nextToken is "p<i+1>" (none on the last); it answers inside fetchPage() (AtOnce) or from
// the event loop (Queued); the first request for the token in failOnceAt fails.
class FakeRetainedPageSource final : public RetainedPageSource
{
public:
    enum class Mode { AtOnce, Queued };

    FakeRetainedPageSource(const QList<Iot::RetainedMessageSummary> &topics, qsizetype pageSize,
                           Mode mode)
        : m_mode(mode)
    {
        for (qsizetype first = 0; first < topics.size(); first += pageSize) {
            Iot::RetainedPage page;
            page.topics = topics.mid(first, pageSize);
            if (first + pageSize < topics.size())
                page.nextToken = QStringLiteral("p%1").arg(m_pages.size() + 1);
            m_pages.append(page);
        }
        if (m_pages.isEmpty())
            m_pages.append(Iot::RetainedPage {});
    }

    void fetchPage(const QString &nextToken, quint64 generation) override
    {
        requests.append(nextToken);
        const int index = nextToken.isEmpty() ? 0 : nextToken.mid(1).toInt();
        const bool fail = failOnceAt && *failOnceAt == nextToken;
        if (fail)
            failOnceAt.reset();
        const int ticket = ++m_ticket;
        std::function<void()> answer = [this, index, generation, fail] {
            if (fail)
                Q_EMIT pageFailed(generation, QStringLiteral("Service unavailable"));
            else
                Q_EMIT pageArrived(generation, m_pages.at(index));
        };
        if (m_mode == Mode::AtOnce) {
            answer();
            return;
        }
        QTimer::singleShot(0, this, [this, ticket, answer] {
            if (ticket == m_ticket)
                answer();
        });
    }

    void cancel() override
    {
        ++cancels;
        ++m_ticket;
    }

    QStringList requests;
    int cancels = 0;
    std::optional<QString> failOnceAt;

private:
    Mode m_mode;
    QList<Iot::RetainedPage> m_pages;
    int m_ticket = 0;
};

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

// One line per row, depth-first, indented two spaces a level: each column's display text
// separated by " | ".
inline void dumpTree(const QAbstractItemModel &model, const QModelIndex &parent, int depth,
                     QStringList &lines)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(parent); ++column)
            cells.append(model.index(row, column, parent).data().toString());
        lines.append(QString(depth * 2, u' ') + cells.join(QStringLiteral(" | ")));
        dumpTree(model, model.index(row, 0, parent), depth + 1, lines);
    }
}

inline QStringList dumpTree(const QAbstractItemModel &model)
{
    QStringList lines;
    dumpTree(model, {}, 0, lines);
    return lines;
}

// The golden dump in tests/data/<name>, one line per row. With SHADOWSCOPE_UPDATE_GOLDEN set
// in the environment, @p actual is written there first (review the diff before committing).
inline QStringList goldenDump(const QString &name, const QStringList &actual)
{
    QFile file(QStringLiteral(SHADOWSCOPE_GOLDEN_DIR "/") + name);
    if (qEnvironmentVariableIsSet("SHADOWSCOPE_UPDATE_GOLDEN") && file.open(QIODevice::WriteOnly))
        file.write((actual.join(u'\n') + u'\n').toUtf8());
    file.close();
    if (!file.open(QIODevice::ReadOnly))
        return { QStringLiteral("cannot read ") + file.fileName() };
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}
