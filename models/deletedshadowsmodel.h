// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "relativetime.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <vector>

/**
 * The "Recently deleted" list of one connection: one row per local copy of a deleted shadow
 * (thing, shadow, version and how long ago it was deleted), in the order given (the store
 * gives newest first). A snapshot: setEntries() replaces every row.
 * @see Settings::DeletedShadows
 */
class DeletedShadowsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { Thing, Shadow, Version, Deleted, ColumnCount };
    Q_ENUM(Columns)

    enum Roles {
        SortRole = Qt::UserRole, ///< the column's typed sort key
        ShadowNameRole, ///< QString, empty for the classic shadow
        StateRole, ///< QJsonObject {"desired":…,"reported":…} when deleted
        DeletedAtRole, ///< QDateTime (UTC)
    };
    Q_ENUM(Roles)

    /** One row: what the store keeps of a deleted shadow, less the connection. */
    struct Entry
    {
        QString thingName;
        QString shadowName; ///< empty: classic
        QJsonObject state;
        qint64 version = 0;
        QDateTime deletedAt;
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    explicit DeletedShadowsModel(QObject *parent = nullptr);
    ~DeletedShadowsModel() override;

    /** Replaces the rows with @p entries, in their order. */
    void setEntries(std::vector<Entry> entries);
    /** The entry of @p row; @p row must be valid. */
    const Entry &entry(int row) const;
    /** The row of @p entry, or -1. */
    int rowOf(const Entry &entry) const;

    /** The clock the Deleted column's ages are measured with. */
    void setClock(RelativeTime::Clock clock);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    RelativeTime::Clock m_clock = RelativeTime::systemNow;
    std::vector<Entry> m_entries;
};
