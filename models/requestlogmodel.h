// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestlogentry.h"

#include <QAbstractTableModel>

#include <cstddef>
#include <vector>

/**
 * The request log: one row per attempt of an AWS call, oldest first, newest at the bottom.
 * Holds at most capacity() entries (DefaultCapacity unless given); appending to a full log
 * drops the oldest row first.
 * Failures are flagged by IsErrorRole (the view picks the colour from its palette).
 * @see RequestLogFilterProxy, Iot::RequestExecutor::attemptFinished()
 */
class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        Time,
        Operation,
        Target,
        Status,
        Duration,
        Attempt,
        RequestId,
        Error,
        ColumnCount
    };
    Q_ENUM(Columns)

    enum Roles {
        /** Typed sort key: msecs since epoch, QString, int status, qint64 duration, int attempt. */
        SortRole = Qt::UserRole,
        /** The whole Iot::RequestLogEntry of the row. */
        EntryRole,
        /** bool: the attempt failed (an error code or message, or no 2xx answer). */
        IsErrorRole,
    };
    Q_ENUM(Roles)

    /** The most entries the log keeps by default. */
    static constexpr std::size_t DefaultCapacity = 10000;

    explicit RequestLogModel(QObject *parent = nullptr);
    /** A log of at most @p capacity (at least 1) entries. */
    RequestLogModel(std::size_t capacity, QObject *parent);
    ~RequestLogModel() override;

    /** Appends @p entry as the last row, first dropping the oldest row when the log is full. */
    void append(const Iot::RequestLogEntry &entry);
    std::size_t capacity() const { return m_capacity; }
    /** Removes every entry. */
    void clear();

    /** The entry of @p row; @p row must be valid. */
    const Iot::RequestLogEntry &entry(int row) const;

    /** Whether @p entry is a failure, as IsErrorRole reports it. */
    static bool isError(const Iot::RequestLogEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Iot::RequestLogEntry &entry, int column) const;
    static QVariant sortKey(const Iot::RequestLogEntry &entry, int column);

    std::size_t m_capacity = DefaultCapacity;
    std::vector<Iot::RequestLogEntry> m_entries;
};
