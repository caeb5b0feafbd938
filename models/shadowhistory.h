// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <utility>

/**
 * Every version of each shadow fetched in this session (the local version timeline): the
 * documents per thing and shadow, one per version, sorted by version. Kept in memory only.
 */
class ShadowHistory final : public QObject
{
    Q_OBJECT
public:
    explicit ShadowHistory(QObject *parent = nullptr);
    ~ShadowHistory() override;

    /**
     * Records @p document for @p thingName's shadow @p shadowName (empty: classic), kept
     * sorted by version. A version already recorded keeps its first document (a version's
     * state never changes) and emits nothing.
     */
    void record(const QString &thingName, const QString &shadowName,
                const Iot::ShadowDocument &document);
    /** The recorded documents of that shadow, oldest version first; empty when none. */
    QList<Iot::ShadowDocument> versions(const QString &thingName, const QString &shadowName) const;
    /** Forgets every shadow's versions (e.g. on a connection switch). */
    void clear();

Q_SIGNALS:
    /** A version not seen before was recorded. */
    void recorded(const QString &thingName, const QString &shadowName, qint64 version);

private:
    QHash<std::pair<QString, QString>, QList<Iot::ShadowDocument>> m_versions;
};
