// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"
#include "shadow/shadowstate.h"
#include "relativetime.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>
#include <QString>

#include <deque>
#include <optional>
#include <vector>

class ShadowSource;

/**
 * The shadows of one thing, one row each: the classic shadow ("Classic", first) and its named
 * shadows in name order, with each document's version, last update, out-of-sync key count and
 * size. openThing() lists the names through a ShadowSource page by page (every page, at once:
 * a thing has at most a few hundred shadows) and fetches the documents in parallel, at most
 * maxInFlight() at a time, the classic one first. A thing without a classic shadow (404) has
 * no classic row; hasClassic() tells. Answers to an earlier openThing(), reload() or cancel()
 * are dropped (a generation counter, STYLE.md rule 8).
 * @see ShadowSource
 */
class NamedShadowsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { Name, Version, Updated, OutOfSync, Size, ColumnCount };
    Q_ENUM(Columns)

    enum Roles {
        SortRole = Qt::UserRole, ///< the column's typed sort key
        ShadowNameRole,          ///< QString, empty for the classic shadow
        StatusRole,              ///< Status
        VersionRole,             ///< qint64 (0: not fetched)
        LastUpdatedRole,         ///< QDateTime (UTC) of the newest leaf; invalid when none
        OutOfSyncRole,           ///< int, the leaves of the delta
        SizeRole,                ///< qint64 bytes counted against the 8 KB limit
        ErrorRole,               ///< QString, why the document did not load
    };
    Q_ENUM(Roles)

    enum class Status { Loading, Loaded, Failed };
    Q_ENUM(Status)

    /** The service's default limit on a stored document (IOT-DATA-PLANE.md section 4). */
    static constexpr qint64 DocumentLimitBytes = Shadow::Limits{}.maxStateBytes;

    explicit NamedShadowsModel(QObject *parent = nullptr);
    ~NamedShadowsModel() override;

    /** Asks @p source (not owned; nullptr: none) from now on; clears the rows. */
    void setSource(ShadowSource *source);
    ShadowSource *source() const;

    /** How many documents may be asked for at once (4 by default, at least 1). */
    void setMaxInFlight(int maxInFlight);
    int maxInFlight() const { return m_maxInFlight; }

    /** The clock the Updated column's ages are measured with. */
    void setClock(RelativeTime::Clock clock);

    /** Lists @p thingName's shadows and fetches their documents, replacing the previous thing. */
    void openThing(const QString &thingName);
    /** openThing() again for the same thing. */
    void reload();
    /** Abandons every request in flight; the rows loaded so far stay. */
    void cancel();
    /** After a failure: asks again for the failed page of names and the failed documents. */
    void retry();
    /** Re-renders the ages (the Updated column) against the clock. */
    void updateAges();

    QString thingName() const { return m_thingName; }
    bool isLoading() const { return m_loading; }
    bool isCancelled() const { return m_cancelled; }
    /** False once GetThingShadow answered 404 for the classic shadow. */
    bool hasClassic() const { return !m_classicMissing; }
    /** True once the last page of names has arrived. */
    bool namesComplete() const { return m_namesComplete; }
    /** Rows whose document has arrived. */
    int loadedCount() const { return m_loadedCount; }
    /** True when a page of names did not load (retry() asks for it again). */
    bool namesFailed() const { return !m_namesError.isEmpty(); }
    /** Rows whose document did not load. */
    int failedCount() const;
    /** Why the names or the first failed document did not load; empty when nothing failed. */
    QString errorMessage() const;
    /** Everything the error behind errorMessage() held, for a Details view. */
    QString errorDetails() const;

    /** The row of @p shadowName (empty: classic), or -1. */
    int rowOf(const QString &shadowName) const;
    /** The fetched document of @p shadowName (empty: classic). */
    std::optional<Iot::ShadowDocument> document(const QString &shadowName) const;
    /**
     * Takes @p document, fetched elsewhere (a view's refresh, an editor's save), as the
     * listed row of @p shadowName's, if that row is loaded and the document is newer.
     */
    void updateDocument(const QString &shadowName, const Iot::ShadowDocument &document);

    /** Compact UTF-8 size of {"desired":…,"reported":…}: what counts against the limit. */
    static qint64 documentBytes(const Iot::ShadowDocument &document);
    /** The leaves of the delta: how many keys are out of sync. */
    static int outOfSyncCount(const Iot::ShadowDocument &document);
    /** The newest metadata timestamp of any leaf (not the response's timestamp). */
    static QDateTime lastUpdated(const Iot::ShadowDocument &document);
    /** "512 B", "2.1 KB". */
    static QString sizeText(qint64 bytes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /** Names or a document arrived or failed: counts and errors may have changed. */
    void progressChanged();

private:
    struct Row
    {
        QString name; ///< empty for the classic shadow
        Status status = Status::Loading;
        std::optional<Iot::ShadowDocument> document;
        QDateTime updated;
        qint64 bytes = 0;
        int outOfSync = 0;
        QString error;
        QString errorDetails;
    };

    void onNamesArrived(quint64 generation, const Iot::NamedShadowPage &page);
    void onNamesFailed(quint64 generation, const QString &message, const QString &details);
    void onDocumentArrived(quint64 generation, const QString &shadowName,
                           const Iot::ShadowDocument &document);
    void onDocumentMissing(quint64 generation, const QString &shadowName);
    void onDocumentFailed(quint64 generation, const QString &shadowName, const QString &message,
                          const QString &details);
    /** Drops every row and every outcome, for @p thingName (empty: none). */
    void clearRows(const QString &thingName);
    void start();
    void abandon();
    void requestNames();
    void pump();
    void settle();
    /** The row of @p shadowName, inserted in order (Loading) if it is not there. */
    int ensureRow(const QString &shadowName);
    void emitRowChanged(int row);
    /** Takes @p document into @p row with what the columns derive from it. */
    static void setDocument(Row &row, const Iot::ShadowDocument &document);

    QPointer<ShadowSource> m_source;
    RelativeTime::Clock m_clock = RelativeTime::systemNow;
    std::vector<Row> m_rows;
    std::deque<QString> m_queue; ///< shadows whose document is still to be asked for
    QString m_thingName;
    QString m_nextToken;
    QString m_namesError;
    QString m_namesErrorDetails;
    quint64 m_generation = 0;
    int m_maxInFlight = 4;
    int m_inFlight = 0;
    int m_loadedCount = 0;
    bool m_listing = false;
    bool m_namesComplete = false;
    bool m_classicMissing = false;
    bool m_loading = false;
    bool m_cancelled = false;
};
