// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shadow/delta.h"
#include "shadow/metadata.h"
#include "shadowsource.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

// A ShadowSource over canned shadows of one or more things, for the model tests. Names are
// paged pageSize at a time (page i's nextToken is "p<i+1>"); a shadow not in documents
// answers documentMissing(). It answers inside the request (AtOnce), from the event loop
// (Queued), or when the test calls deliverAll() (Manual). Shadows in failOnce fail their
// next fetch; failNamesOnce fails the next page of names. It counts the document requests in
// flight and their peak. leakyCancel keeps answering cancelled requests, as a late network
// reply would.
class FakeShadowSource final : public ShadowSource
{
public:
    enum class Mode { AtOnce, Queued, Manual };

    struct Thing
    {
        QStringList names;                               ///< named shadows in service order
        QMap<QString, Iot::ShadowDocument> documents;    ///< "" for classic
    };

    explicit FakeShadowSource(Mode mode, int pageSize = 2)
        : m_mode(mode)
        , m_pageSize(pageSize)
    {
    }

    void listShadows(const QString &thingName, const QString &nextToken,
                     quint64 generation) override
    {
        listRequests.append(thingName + u'@' + nextToken);
        const int page = nextToken.isEmpty() ? 0 : nextToken.mid(1).toInt();
        const QStringList names = things.value(thingName).names;
        Iot::NamedShadowPage answer;
        answer.names = names.mid(page * m_pageSize, m_pageSize);
        if ((page + 1) * m_pageSize < names.size())
            answer.nextToken = QStringLiteral("p%1").arg(page + 1);
        const bool fail = std::exchange(failNamesOnce, false);
        respond(false, [this, generation, answer, fail] {
            if (fail)
                Q_EMIT namesFailed(generation, QStringLiteral("Service unavailable"),
                                   QStringLiteral("HTTP status: 503"));
            else
                Q_EMIT namesArrived(generation, answer);
        });
    }

    void fetchDocument(const QString &thingName, const QString &shadowName,
                       quint64 generation) override
    {
        documentRequests.append(shadowName);
        ++inFlight;
        peakInFlight = std::max(peakInFlight, inFlight);
        const std::optional<Iot::ShadowDocument> document
            = things.value(thingName).documents.contains(shadowName)
            ? std::optional(things.value(thingName).documents.value(shadowName))
            : std::nullopt;
        const bool fail = failOnce.remove(shadowName);
        respond(true, [this, generation, shadowName, document, fail] {
            if (fail)
                Q_EMIT documentFailed(generation, shadowName, QStringLiteral("Service unavailable"),
                                      QStringLiteral("HTTP status: 503"));
            else if (document)
                Q_EMIT documentArrived(generation, shadowName, *document);
            else
                Q_EMIT documentMissing(generation, shadowName);
        });
    }

    void cancelAll() override
    {
        ++cancels;
        ++m_ticket;
        inFlight = 0;
    }

    // Answers every held request in the order asked, cancelled ones too with leakyCancel.
    void deliverAll()
    {
        while (!m_held.isEmpty()) {
            const auto held = std::exchange(m_held, {});
            for (const Held &answer : held)
                deliver(answer);
        }
    }

    int heldCount() const { return int(m_held.size()); }

    QMap<QString, Thing> things;
    QStringList listRequests;
    QStringList documentRequests;
    QSet<QString> failOnce;
    bool failNamesOnce = false;
    bool leakyCancel = false;
    int inFlight = 0;
    int peakInFlight = 0;
    int cancels = 0;

private:
    struct Held
    {
        int ticket;
        bool document;
        std::function<void()> answer;
    };

    void respond(bool document, std::function<void()> answer)
    {
        const Held held { m_ticket, document, std::move(answer) };
        switch (m_mode) {
        case Mode::AtOnce:
            deliver(held);
            break;
        case Mode::Queued:
            QTimer::singleShot(0, this, [this, held] { deliver(held); });
            break;
        case Mode::Manual:
            m_held.append(held);
            break;
        }
    }

    void deliver(const Held &held)
    {
        const bool current = held.ticket == m_ticket;
        if (!current && !leakyCancel)
            return;
        if (held.document && current)
            --inFlight;
        held.answer();
    }

    Mode m_mode;
    int m_pageSize;
    QList<Held> m_held;
    int m_ticket = 0;
};

// A document with the given sections, every leaf's metadata stamped with the section's
// timestamp, and the delta computed as the service would.
inline Iot::ShadowDocument makeDocument(const QJsonObject &desired, const QJsonObject &reported,
                                        qint64 version, qint64 desiredAt, qint64 reportedAt)
{
    Iot::ShadowDocument document;
    document.desired = desired;
    document.reported = reported;
    document.delta = Shadow::computeDelta(desired, reported);
    document.desiredMetadata = Shadow::metadataFor(desired, desiredAt).toObject();
    document.reportedMetadata = Shadow::metadataFor(reported, reportedAt).toObject();
    document.version = version;
    document.timestamp = std::max(desiredAt, reportedAt) + 1000; // the answer's time, not an update
    return document;
}

// The fixed "now" of the shadow tests: 2026-01-01T12:00:00Z.
inline const QDateTime Now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
inline const qint64 NowSecs = Now.toSecsSinceEpoch();

inline QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}
