// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontreemodel.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {

// What the build walks alongside each node: its metadata and its part of the delta.
struct Companion
{
    QJsonValue metadata;
    QJsonValue delta;
};

QJsonValue member(const QJsonValue &container, const QString &key, int row, bool arrayElement)
{
    if (arrayElement)
        return container.isArray() ? container.toArray().at(row) : QJsonValue(QJsonValue::Undefined);
    return container.isObject() ? container.toObject().value(key) : QJsonValue(QJsonValue::Undefined);
}

// A leaf's metadata is {"timestamp": <number>}.
qint64 leafTimestamp(const QJsonValue &metadata)
{
    const QJsonObject object = metadata.toObject();
    const QJsonValue timestamp = object.value(QLatin1String("timestamp"));
    return object.size() == 1 && timestamp.isDouble() ? qint64(timestamp.toDouble()) : 0;
}

QString escapePointerToken(QString token)
{
    return token.replace(u'~', QLatin1String("~0")).replace(u'/', QLatin1String("~1"));
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setClock(RelativeTime::Clock clock)
{
    m_clock = std::move(clock);
    updateAges();
}

void JsonTreeModel::setContent(const QJsonObject &object, const QJsonObject &metadata,
                               const QJsonObject &delta)
{
    const bool hasPrevious = !m_nodes.empty();
    QHash<QString, QJsonValue> previousValues;
    for (int node = 1; node < int(m_nodes.size()); ++node)
        previousValues.insert(pointerOf(node), m_nodes[size_t(node)].value);

    beginResetModel();
    m_nodes.clear();
    std::vector<Companion> companions;
    Node root;
    root.value = object;
    m_nodes.push_back(root);
    companions.push_back({ metadata, delta });
    // Breadth first, so that the children of each node are contiguous.
    for (size_t index = 0; index < m_nodes.size(); ++index) {
        const QJsonValue value = m_nodes[index].value;
        const Companion companion = companions[index];
        const int first = int(m_nodes.size());
        int row = 0;
        const auto addChild = [&](const QString &key, const QJsonValue &childValue, bool element) {
            Node child;
            child.key = key;
            child.value = childValue;
            child.parent = int(index);
            child.row = row;
            child.arrayElement = element;
            const QJsonValue childDelta = member(companion.delta, key, row, element);
            child.outOfSync = !childDelta.isUndefined();
            const QJsonValue childMetadata = member(companion.metadata, key, row, element);
            if (!childValue.isObject() && !childValue.isArray())
                child.timestamp = leafTimestamp(childMetadata);
            m_nodes.push_back(child);
            companions.push_back({ childMetadata, childDelta });
            ++row;
        };
        if (value.isObject()) {
            const QJsonObject members = value.toObject();
            for (auto it = members.constBegin(); it != members.constEnd(); ++it)
                addChild(it.key(), *it, false);
        } else if (value.isArray()) {
            const QJsonArray elements = value.toArray();
            for (const QJsonValue &element : elements)
                addChild(QString::number(row), element, true);
        }
        m_nodes[index].firstChild = first;
        m_nodes[index].childCount = row;
    }
    // A container's value differs when anything below it changed, was added or was removed.
    if (hasPrevious) {
        for (int node = 1; node < int(m_nodes.size()); ++node) {
            Node &entry = m_nodes[size_t(node)];
            const auto previous = previousValues.constFind(pointerOf(node));
            if (previous == previousValues.cend()) {
                entry.changed = true;
            } else if (*previous != entry.value) {
                entry.changed = true;
                entry.previous = *previous;
            }
        }
    }
    // Children come after their parents: one backward pass carries the newest timestamp up.
    for (size_t node = m_nodes.size() - 1; node > 0; --node) {
        Node &parentNode = m_nodes[size_t(m_nodes[node].parent)];
        parentNode.timestamp = std::max(parentNode.timestamp, m_nodes[node].timestamp);
    }
    endResetModel();
}

void JsonTreeModel::clear()
{
    beginResetModel();
    m_nodes.clear();
    endResetModel();
}

void JsonTreeModel::updateAges()
{
    // One dataChanged for the Updated column of each node's children.
    for (int node = 0; node < int(m_nodes.size()); ++node) {
        const Node &entry = m_nodes[size_t(node)];
        if (entry.childCount == 0)
            continue;
        Q_EMIT dataChanged(createIndex(0, Updated, quintptr(entry.firstChild)),
                           createIndex(entry.childCount - 1, Updated,
                                       quintptr(entry.firstChild + entry.childCount - 1)),
                           { Qt::DisplayRole, Qt::ToolTipRole });
    }
}

QModelIndex JsonTreeModel::indexOfPointer(const QString &pointer) const
{
    for (int node = 1; node < int(m_nodes.size()); ++node) {
        if (pointerOf(node) == pointer)
            return createIndex(m_nodes[size_t(node)].row, Key, quintptr(node));
    }
    return {};
}

int JsonTreeModel::outOfSyncLeaves() const
{
    return int(std::count_if(m_nodes.cbegin(), m_nodes.cend(), [](const Node &node) {
        return node.parent >= 0 && node.childCount == 0 && node.outOfSync;
    }));
}

int JsonTreeModel::changedLeaves() const
{
    return int(std::count_if(m_nodes.cbegin(), m_nodes.cend(), [](const Node &node) {
        return node.parent >= 0 && node.childCount == 0 && node.changed;
    }));
}

QString JsonTreeModel::jsonText(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    // QJsonDocument writes only arrays and objects: wrap the value and take the brackets off.
    const QByteArray text = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int parentNode = parent.isValid() ? int(parent.internalId()) : 0;
    return createIndex(row, column, quintptr(m_nodes[size_t(parentNode)].firstChild + row));
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = m_nodes[size_t(child.internalId())].parent;
    if (parentNode <= 0)
        return {};
    return createIndex(m_nodes[size_t(parentNode)].row, Key, quintptr(parentNode));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (m_nodes.empty() || parent.column() > 0)
        return 0;
    const int node = parent.isValid() ? int(parent.internalId()) : 0;
    return m_nodes[size_t(node)].childCount;
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int id = int(index.internalId());
    const Node &node = m_nodes[size_t(id)];
    const QDateTime timestamp
        = node.timestamp > 0 ? QDateTime::fromSecsSinceEpoch(node.timestamp, Qt::UTC) : QDateTime();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Key:
            return node.arrayElement ? QStringLiteral("[%1]").arg(node.key) : node.key;
        case Value:
            if (node.childCount == 0 || (!node.value.isObject() && !node.value.isArray()))
                return jsonText(node.value);
            if (node.value.isObject())
                return node.childCount == 1 ? tr("{1 key}") : tr("{%1 keys}").arg(node.childCount);
            return node.childCount == 1 ? tr("[1 item]") : tr("[%1 items]").arg(node.childCount);
        case Updated:
            return RelativeTime::ageText(timestamp, m_clock());
        }
        return {};
    case Qt::ToolTipRole: {
        switch (index.column()) {
        case Key: {
            QStringList lines { pointerOf(id) };
            if (node.outOfSync)
                lines.append(tr("Out of sync: desired differs from reported"));
            if (node.changed)
                lines.append(tr("Changed since the previous refresh"));
            return lines.join(u'\n');
        }
        case Value:
            if (!node.previous.isUndefined())
                return tr("%1\n(was %2)").arg(jsonText(node.value), jsonText(node.previous));
            return jsonText(node.value);
        case Updated:
            return RelativeTime::exactText(timestamp);
        }
        return {};
    }
    case SortRole:
        switch (index.column()) {
        case Key:
            return node.arrayElement ? QVariant(node.row) : QVariant(node.key);
        case Value:
            return node.value.toVariant();
        case Updated:
            return node.timestamp;
        }
        return {};
    case OutOfSyncRole:
        return node.outOfSync;
    case ChangedRole:
        return node.changed;
    case PointerRole:
        return pointerOf(id);
    case RawValueRole:
        return QVariant::fromValue(node.value);
    case PreviousValueRole:
        return QVariant::fromValue(node.previous);
    case TimestampRole:
        return timestamp;
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key:
        return tr("Key");
    case Value:
        return tr("Value");
    case Updated:
        return tr("Updated");
    }
    return {};
}

QString JsonTreeModel::pointerOf(int node) const
{
    QStringList tokens;
    for (int current = node; current > 0; current = m_nodes[size_t(current)].parent)
        tokens.prepend(escapePointerToken(m_nodes[size_t(current)].key));
    return tokens.isEmpty() ? QString() : QString(QLatin1Char('/') + tokens.join(u'/'));
}
