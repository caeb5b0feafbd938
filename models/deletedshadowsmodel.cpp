// SPDX-License-Identifier: GPL-3.0-or-later
#include "deletedshadowsmodel.h"

#include <algorithm>

DeletedShadowsModel::DeletedShadowsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

DeletedShadowsModel::~DeletedShadowsModel() = default;

void DeletedShadowsModel::setEntries(std::vector<Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

const DeletedShadowsModel::Entry &DeletedShadowsModel::entry(int row) const
{
    return m_entries.at(size_t(row));
}

int DeletedShadowsModel::rowOf(const Entry &entry) const
{
    const auto at = std::find(m_entries.cbegin(), m_entries.cend(), entry);
    return at == m_entries.cend() ? -1 : int(at - m_entries.cbegin());
}

void DeletedShadowsModel::setClock(RelativeTime::Clock clock)
{
    m_clock = std::move(clock);
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0, Deleted), index(rowCount() - 1, Deleted), { Qt::DisplayRole });
}

int DeletedShadowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int DeletedShadowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeletedShadowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &row = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Thing:
            return row.thingName;
        case Shadow:
            return row.shadowName.isEmpty() ? tr("Classic") : row.shadowName;
        case Version:
            return QString::number(row.version);
        case Deleted:
            return RelativeTime::ageText(row.deletedAt, m_clock());
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Shadow:
            return row.shadowName.isEmpty() ? tr("The classic (unnamed) shadow") : row.shadowName;
        case Version:
            return tr("The version the shadow had when it was deleted");
        case Deleted:
            return RelativeTime::exactText(row.deletedAt);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Version)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case Thing:
            return row.thingName;
        case Shadow:
            return row.shadowName;
        case Version:
            return row.version;
        case Deleted:
            return row.deletedAt;
        }
        return {};
    case ShadowNameRole:
        return row.shadowName;
    case StateRole:
        return row.state;
    case DeletedAtRole:
        return row.deletedAt;
    }
    return {};
}

QVariant DeletedShadowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Thing:
        return tr("Thing");
    case Shadow:
        return tr("Shadow");
    case Version:
        return tr("Version");
    case Deleted:
        return tr("Deleted");
    }
    return {};
}
