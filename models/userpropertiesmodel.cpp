// SPDX-License-Identifier: GPL-3.0-or-later
#include "userpropertiesmodel.h"

UserPropertiesModel::UserPropertiesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void UserPropertiesModel::setProperties(const QList<Iot::UserProperty> &properties)
{
    beginResetModel();
    m_properties = properties;
    endResetModel();
    Q_EMIT propertiesChanged();
}

QModelIndex UserPropertiesModel::appendRow()
{
    const int row = int(m_properties.size());
    beginInsertRows({}, row, row);
    m_properties.append(Iot::UserProperty());
    endInsertRows();
    Q_EMIT propertiesChanged();
    return index(row, Key);
}

void UserPropertiesModel::removeRowsAt(int row, int count)
{
    const int last = std::min(row + count, int(m_properties.size())) - 1;
    if (row < 0 || last < row)
        return;
    beginRemoveRows({}, row, last);
    m_properties.remove(row, last - row + 1);
    endRemoveRows();
    Q_EMIT propertiesChanged();
}

int UserPropertiesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_properties.size());
}

int UserPropertiesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserPropertiesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const Iot::UserProperty &property = m_properties.at(index.row());
    return index.column() == Key ? property.key : property.value;
}

bool UserPropertiesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || role != Qt::EditRole)
        return false;
    Iot::UserProperty &property = m_properties[index.row()];
    QString &field = index.column() == Key ? property.key : property.value;
    if (field == value.toString())
        return true;
    field = value.toString();
    Q_EMIT dataChanged(index, index, { Qt::DisplayRole, Qt::EditRole });
    Q_EMIT propertiesChanged();
    return true;
}

Qt::ItemFlags UserPropertiesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

QVariant UserPropertiesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key:
        return tr("Name");
    case Value:
        return tr("Value");
    default:
        return {};
    }
}
