// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

// A @p Source (ThingPageSource, RetainedPageSource) over canned pages, for the model and proxy
// tests: @p Items is the page's list member the canned items go in. Page i's nextToken is
// "p<i+1>" (none on the last). It answers inside fetchPage() (AtOnce), from the event loop
// (Queued), or when the test calls deliverAll() (Manual). The first request for the token in
// failOnceAt fails. leakyCancel keeps answering cancelled requests, as a late network reply would.
template<typename Source, auto Items> class FakePageSource final : public Source
{
public:
    using Page = typename Source::Page;
    using ItemList = std::remove_cvref_t<decltype(std::declval<Page>().*Items)>;

    enum class Mode { AtOnce, Queued, Manual };

    FakePageSource(const ItemList &items, qsizetype pageSize, Mode mode)
        : m_mode(mode)
    {
        for (qsizetype first = 0; first < items.size(); first += pageSize) {
            Page page;
            page.*Items = items.mid(first, pageSize);
            if (first + pageSize < items.size())
                page.nextToken = QStringLiteral("p%1").arg(m_pages.size() + 1);
            m_pages.append(page);
        }
        if (m_pages.isEmpty())
            m_pages.append(Page {});
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
                Q_EMIT this->pageFailed(generation, QStringLiteral("Service unavailable"));
            else
                Q_EMIT this->pageArrived(generation, m_pages.at(index));
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
    QList<Page> m_pages;
    QList<std::pair<int, std::function<void()>>> m_held;
    int m_ticket = 0;
};
