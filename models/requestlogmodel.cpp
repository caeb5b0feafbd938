// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogmodel.h"

#include <algorithm>

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RequestLogModel::RequestLogModel(std::size_t capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max<std::size_t>(capacity, 1))
{
}

RequestLogModel::~RequestLogModel() = default;

void RequestLogModel::append(const Iot::RequestLogEntry &entry)
{
    if (m_entries.size() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_entries.erase(m_entries.begin());
        endRemoveRows();
    }
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(entry);
    endInsertRows();
}

void RequestLogModel::clear()
{
    if (m_entries.empty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

const Iot::RequestLogEntry &RequestLogModel::entry(int row) const
{
    return m_entries.at(static_cast<std::size_t>(row));
}

bool RequestLogModel::isError(const Iot::RequestLogEntry &entry)
{
    return !entry.errorCode.isEmpty() || !entry.errorMessage.isEmpty() || entry.httpStatus < 200
        || entry.httpStatus >= 300;
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Iot::RequestLogEntry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole:
        return e.errorMessage.isEmpty() ? QVariant() : QVariant(e.errorMessage);
    case Qt::TextAlignmentRole:
        if (index.column() == Duration || index.column() == Attempt)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortKey(e, index.column());
    case EntryRole:
        return QVariant::fromValue(e);
    case IsErrorRole:
        return isError(e);
    default:
        return {};
    }
}

QVariant RequestLogModel::display(const Iot::RequestLogEntry &entry, int column) const
{
    switch (column) {
    case Time:
        return entry.time.toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz"));
    case Operation:
        return entry.operation;
    case Target:
        return QStringLiteral("%1 %2").arg(QString::fromLatin1(entry.method), entry.target);
    case Status:
        return entry.errorCode.isEmpty() ? QString::number(entry.httpStatus) : entry.errorCode;
    case Duration:
        return tr("%1 ms").arg(entry.durationMs);
    case Attempt:
        return QString::number(entry.attempt);
    case RequestId:
        return entry.requestId;
    case Error:
        // One line in the table; the tooltip and the view's details hold the whole message.
        return entry.errorMessage.section(QLatin1Char('\n'), 0, 0);
    default:
        return {};
    }
}

QVariant RequestLogModel::sortKey(const Iot::RequestLogEntry &entry, int column)
{
    switch (column) {
    case Time:
        return entry.time.toMSecsSinceEpoch();
    case Operation:
        return entry.operation;
    case Target:
        return entry.target;
    case Status:
        return entry.httpStatus;
    case Duration:
        return entry.durationMs;
    case Attempt:
        return entry.attempt;
    case RequestId:
        return entry.requestId;
    case Error:
        return entry.errorMessage;
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Operation:
        return tr("Operation");
    case Target:
        return tr("Target");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    case Attempt:
        return tr("Attempt");
    case RequestId:
        return tr("Request ID");
    case Error:
        return tr("Error");
    default:
        return {};
    }
}
