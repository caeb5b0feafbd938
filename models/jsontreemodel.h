// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "relativetime.h"

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <vector>

/**
 * A tree over one section of a shadow (desired, reported or delta): a row per key or array
 * element, with its value and the age of its metadata timestamp. A leaf whose path is in the
 * delta is out of sync; after a second setContent() a node whose value differs from the one
 * shown before (or is new) is changed, so an object is changed when anything below it was
 * changed, added or removed. Nodes are
 * kept in one vector in breadth-first order, so each node's children are contiguous.
 */
class JsonTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns { Key, Value, Updated, ColumnCount };
    Q_ENUM(Columns)

    enum Roles {
        SortRole = Qt::UserRole, ///< the column's typed sort key
        OutOfSyncRole,           ///< bool: the path is in the delta
        ChangedRole,             ///< bool: the value differs from the previous content's
        PointerRole,             ///< QString, the JSON pointer (RFC 6901) from the section
        RawValueRole,            ///< QJsonValue
        PreviousValueRole,       ///< QJsonValue shown before a change; undefined when new
        TimestampRole,           ///< QDateTime (UTC) of the leaf, or of a container's newest leaf
    };
    Q_ENUM(Roles)

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    /** The clock the Updated column's ages are measured with. */
    void setClock(RelativeTime::Clock clock);

    /**
     * Shows @p object, with leaf timestamps from @p metadata (the section's metadata) and the
     * paths of @p delta out of sync. Values are compared with the previous content, if any,
     * to mark what changed.
     */
    void setContent(const QJsonObject &object, const QJsonObject &metadata,
                    const QJsonObject &delta);
    /** Shows nothing and forgets the previous content. */
    void clear();
    /** Re-renders the ages (the Updated column) against the clock. */
    void updateAges();

    /** The index (column Key) of @p pointer, or an invalid index. */
    QModelIndex indexOfPointer(const QString &pointer) const;
    /** Leaves (and empty containers) out of sync, and changed since the previous content. */
    int outOfSyncLeaves() const;
    int changedLeaves() const;

    /** A value as JSON text: "heat" quoted, 20.5, true, null; containers compact. */
    static QString jsonText(const QJsonValue &value);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString key;
        QJsonValue value;
        QJsonValue previous { QJsonValue::Undefined }; ///< undefined: unchanged or new
        qint64 timestamp = 0; ///< epoch seconds; 0: none
        int parent = -1;
        int firstChild = 0;
        int childCount = 0;
        int row = 0;
        bool arrayElement = false;
        bool outOfSync = false;
        bool changed = false;
    };

    QString pointerOf(int node) const;

    RelativeTime::Clock m_clock = RelativeTime::systemNow;
    std::vector<Node> m_nodes; ///< [0] is the section itself (the invisible root); empty: none
};
