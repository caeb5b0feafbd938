// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagesource.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>
#include <utility>

// A ThingPageSource over canned pages, for the model and proxy tests. Page i's nextToken is
// "p<i+1>" (none on the last). It answers inside fetchPage() (AtOnce), from the event loop
// (Queued), or when the test calls deliverAll() (Manual). The first request for the token in
// failOnceAt fails. leakyCancel keeps answering cancelled requests, as a late network reply would.
class FakeThingPageSource final : public ThingPageSource
{
public:
    enum class Mode { AtOnce, Queued, Manual };

    FakeThingPageSource(const QList<Iot::ThingSummary> &things, qsizetype pageSize, Mode mode)
        : m_mode(mode)
    {
        for (qsizetype first = 0; first < things.size(); first += pageSize) {
            Iot::ThingPage page;
            page.things = things.mid(first, pageSize);
            if (first + pageSize < things.size())
                page.nextToken = QStringLiteral("p%1").arg(m_pages.size() + 1);
            m_pages.append(page);
        }
        if (m_pages.isEmpty())
            m_pages.append(Iot::ThingPage {});
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
        switch (m_mode) {
        case Mode::AtOnce:
            answer();
            break;
        case Mode::Queued:
            QTimer::singleShot(0, this, [this, ticket, answer] {
                if (ticket == m_ticket || leakyCancel)
                    answer();
            });
            break;
        case Mode::Manual:
            m_held.append({ ticket, answer });
            break;
        }
    }

    void cancel() override
    {
        ++cancels;
        ++m_ticket;
    }

    // Answers every held request in the order asked, cancelled ones too with leakyCancel.
    void deliverAll()
    {
        const QList<std::pair<int, std::function<void()>>> held = std::exchange(m_held, {});
        for (const auto &[ticket, answer] : held) {
            if (ticket == m_ticket || leakyCancel)
                answer();
        }
    }

    QStringList requests;
    int cancels = 0;
    std::optional<QString> failOnceAt;
    bool leakyCancel = false;

private:
    Mode m_mode;
    QList<Iot::ThingPage> m_pages;
    QList<std::pair<int, std::function<void()>>> m_held;
    int m_ticket = 0;
};

// Five things in no particular order; two things a page makes three pages.
inline QList<Iot::ThingSummary> fixtureThings()
{
    const auto thing = [](const char *name, const char *type, QMap<QString, QString> attributes) {
        Iot::ThingSummary summary;
        summary.name = QString::fromUtf8(name);
        summary.typeName = QString::fromUtf8(type);
        summary.arn = QStringLiteral("arn:aws:iot:us-east-1:123456789012:thing/") + summary.name;
        summary.attributes = std::move(attributes);
        summary.version = 1;
        return summary;
    };
    return {
        thing("lamp-02", "SmartLamp", { { QStringLiteral("site"), QStringLiteral("paris-2") } }),
        thing("hvac-b2-floor3-01", "Thermostat",
              { { QStringLiteral("site"), QStringLiteral("berlin-1") },
                { QStringLiteral("floor"), QStringLiteral("3") } }),
        thing("door-main", "", {}),
        thing("Lamp-01", "SmartLamp",
              { { QStringLiteral("site"), QStringLiteral("Berlin-1") },
                { QStringLiteral("floor"), QStringLiteral("1") } }),
        thing("sensor-a7", "AirQualitySensor",
              { { QStringLiteral("room"), QStringLiteral("lab") } }),
    };
}

// One line per row: the display text of each column, separated by " | ".
inline QStringList dumpRows(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells.append(model.index(row, column).data().toString());
        lines.append(cells.join(QStringLiteral(" | ")));
    }
    return lines;
}
