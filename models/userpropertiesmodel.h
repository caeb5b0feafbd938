// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"

#include <QAbstractTableModel>
#include <QList>

/**
 * An editable key/value table of MQTT 5 user properties, in the order they are sent (repeated
 * keys allowed, as MQTT 5 allows them). Rows are added empty and edited in place.
 */
class UserPropertiesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    /** The table's columns. */
    enum Columns { Key, Value, ColumnCount };
    Q_ENUM(Columns)

    explicit UserPropertiesModel(QObject *parent = nullptr);

    /** Replaces every row with @p properties (one reset). */
    void setProperties(const QList<Iot::UserProperty> &properties);
    /** The rows as they stand, in order. */
    const QList<Iot::UserProperty> &properties() const { return m_properties; }
    /** Appends an empty row; returns its index in the Key column. */
    QModelIndex appendRow();
    /** Removes @p count rows from @p row (rows out of range are ignored). */
    void removeRowsAt(int row, int count = 1);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** Any row was added, removed, edited or replaced. */
    void propertiesChanged();

private:
    QList<Iot::UserProperty> m_properties;
};
