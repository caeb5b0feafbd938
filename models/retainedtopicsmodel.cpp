// SPDX-License-Identifier: GPL-3.0-or-later
#include "retainedtopicsmodel.h"

#include "retainedpagesource.h"

#include <QDateTime>
#include <QHashFunctions>
#include <QVarLengthArray>

#include <algorithm>
#include <limits>

namespace {

constexpr quint32 NoName = std::numeric_limits<quint32>::max();

} // namespace

RetainedTopicsModel::RetainedTopicsModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_loader(
          this, [this](bool loading) { Q_EMIT loadingChanged(loading); },
          [this](const QString &message) { Q_EMIT failed(message); })
{
    clearStorage();
}

void RetainedTopicsModel::setPageSource(RetainedPageSource *source)
{
    m_loader.setSource<RetainedPageSource>(
        source, [this](const Iot::RetainedPage &page) { addPage(page); });
    reset();
}

RetainedPageSource *RetainedTopicsModel::pageSource() const
{
    return static_cast<RetainedPageSource *>(m_loader.source());
}

void RetainedTopicsModel::reset()
{
    m_loader.abandon();
    beginResetModel();
    clearStorage();
    m_loader.restart();
    endResetModel();
}

void RetainedTopicsModel::retry()
{
    m_loader.retry();
}

void RetainedTopicsModel::stopLoading()
{
    m_loader.stop();
}

void RetainedTopicsModel::setLayout(Layout layout)
{
    if (layout == m_layout)
        return;
    beginResetModel();
    m_layout = layout;
    endResetModel();
}

bool RetainedTopicsModel::isComplete() const
{
    return m_loader.isComplete();
}

QModelIndex RetainedTopicsModel::indexForTopic(const QString &topic, int column) const
{
    NodeId node = RootNode;
    for (const QStringView level : QStringView(topic).split(u'/')) {
        const quint32 nameId = findName(level);
        if (nameId == NoName)
            return {};
        const auto &children = m_nodes[node].children;
        const size_t position = childPosition(node, nameId);
        if (position == children.size() || m_nodes[children[position]].nameId != nameId)
            return {};
        node = children[position];
    }
    if (!isTopic(node))
        return {};
    if (m_layout == Layout::Tree)
        return indexOfNode(node, column);
    const auto it = std::find(m_topics.cbegin(), m_topics.cend(), node);
    return createIndex(int(it - m_topics.cbegin()), column, node);
}

RetainedTopicsModel::NodeId RetainedTopicsModel::nodeId(const QModelIndex &index)
{
    return index.isValid() ? NodeId(index.internalId()) : RootNode;
}

QStringView RetainedTopicsModel::levelName(NodeId node) const
{
    return nameText(m_nodes[node].nameId);
}

QString RetainedTopicsModel::topicPath(NodeId node) const
{
    if (node == RootNode)
        return {};
    // Levels are collected leaf first, then joined root first.
    QVarLengthArray<NodeId, 16> chain;
    qsizetype length = -1;
    for (NodeId at = node; at != RootNode; at = m_nodes[at].parent) {
        chain.append(at);
        length += levelName(at).size() + 1;
    }
    QString path;
    path.reserve(length);
    for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
        if (it != chain.crbegin())
            path += u'/';
        path += levelName(*it);
    }
    return path;
}

qsizetype RetainedTopicsModel::storageBytes() const
{
    qsizetype bytes = qsizetype(m_nodes.capacity() * sizeof(Node));
    for (const Node &node : m_nodes)
        bytes += qsizetype(node.children.capacity() * sizeof(NodeId));
    bytes += qsizetype(m_topics.capacity() * sizeof(NodeId));
    bytes += m_namePool.capacity() * qsizetype(sizeof(QChar));
    bytes += qsizetype((m_nameStart.capacity() + m_nameTable.capacity()) * sizeof(quint32));
    return bytes;
}

QModelIndex RetainedTopicsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (m_layout == Layout::Flat)
        return createIndex(row, column, m_topics[size_t(row)]);
    return createIndex(row, column, childNode(nodeId(parent), row));
}

QModelIndex RetainedTopicsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || m_layout == Layout::Flat)
        return {};
    const NodeId parentId = m_nodes[nodeId(child)].parent;
    return parentId == RootNode ? QModelIndex() : indexOfNode(parentId, 0);
}

int RetainedTopicsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    if (m_layout == Layout::Flat)
        return parent.isValid() ? 0 : int(m_topics.size());
    return childCount(nodeId(parent));
}

int RetainedTopicsModel::columnCount(const QModelIndex &parent) const
{
    return parent.column() > 0 ? 0 : ColumnCount;
}

bool RetainedTopicsModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString RetainedTopicsModel::formatTime(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::LocalTime)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QVariant RetainedTopicsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const NodeId id = nodeId(index);
    const Node &node = m_nodes[id];
    const bool topic = node.qos >= 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Topic: {
            if (m_layout == Layout::Flat)
                return topicPath(id);
            const QStringView name = levelName(id);
            return name.isEmpty() ? tr("(empty level)") : name.toString();
        }
        case Size:
            if (!topic)
                return tr("%n topics", nullptr, int(node.topicsBelow));
            if (node.topicsBelow > 0 && m_layout == Layout::Tree)
                return tr("%1 B, %n topics below", nullptr, int(node.topicsBelow))
                    .arg(node.payloadSize);
            return tr("%1 B").arg(node.payloadSize);
        case Qos:
            return topic ? QVariant(int(node.qos)) : QVariant();
        case LastModified:
            return topic ? formatTime(node.lastModifiedMs) : QString();
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == Topic ? topicPath(id) : data(index, Qt::DisplayRole);
    case SortRole:
        switch (index.column()) {
        case Topic:
            return m_layout == Layout::Flat ? topicPath(id) : levelName(id).toString();
        case Size:
            return topic ? qint64(node.payloadSize) : qint64(-1);
        case Qos:
            return int(node.qos);
        case LastModified:
            return topic ? node.lastModifiedMs : qint64(-1);
        }
        return {};
    case TopicRole:
        return topicPath(id);
    case IsTopicRole:
        return topic;
    case TopicsBelowRole:
        return int(node.topicsBelow);
    case PayloadSizeRole:
        return topic ? QVariant(qint64(node.payloadSize)) : QVariant();
    case QosRole:
        return topic ? QVariant(int(node.qos)) : QVariant();
    case LastModifiedRole:
        return topic ? QVariant(QDateTime::fromMSecsSinceEpoch(node.lastModifiedMs, Qt::UTC))
                     : QVariant();
    }
    return {};
}

QVariant RetainedTopicsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Topic:
        return tr("Topic");
    case Size:
        return tr("Size");
    case Qos:
        return tr("QoS");
    case LastModified:
        return tr("Last modified");
    }
    return {};
}

bool RetainedTopicsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loader.canFetchMore();
}

void RetainedTopicsModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        m_loader.fetchMore();
}

void RetainedTopicsModel::addPage(const Iot::RetainedPage &page)
{
    std::vector<NodeId> newTopics;
    std::vector<NodeId> changed;
    std::vector<NodeId> counted;
    for (const Iot::RetainedMessageSummary &summary : page.topics)
        addTopic(summary, newTopics, changed, counted);
    if (!newTopics.empty()) {
        if (m_layout == Layout::Flat) {
            const int first = int(m_topics.size());
            beginInsertRows({}, first, first + int(newTopics.size()) - 1);
            m_topics.insert(m_topics.end(), newTopics.cbegin(), newTopics.cend());
            endInsertRows();
        } else {
            m_topics.insert(m_topics.end(), newTopics.cbegin(), newTopics.cend());
        }
    }
    const auto notify = [this](std::vector<NodeId> &nodes, int firstColumn, int lastColumn) {
        std::sort(nodes.begin(), nodes.end());
        nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
        for (const NodeId node : nodes) {
            const QModelIndex first = m_layout == Layout::Tree
                ? indexOfNode(node, firstColumn)
                : indexForTopic(topicPath(node), firstColumn);
            if (first.isValid())
                Q_EMIT dataChanged(first, first.siblingAtColumn(lastColumn));
        }
    };
    notify(changed, 0, ColumnCount - 1);
    // Levels above new topics changed only their count (the Size column), so a proxy sorted
    // by another column has nothing to re-sort.
    notify(counted, Size, Size);
}

void RetainedTopicsModel::clearStorage()
{
    m_nodes.clear();
    m_nodes.shrink_to_fit();
    m_nodes.emplace_back(); // the invisible root
    m_topics.clear();
    m_topics.shrink_to_fit();
    m_namePool.clear();
    m_namePool.squeeze();
    m_nameStart.assign(1, 0);
    m_nameTable.assign(64, 0);
    internName({}); // id 0: the empty level, also the root's name
}

void RetainedTopicsModel::addTopic(const Iot::RetainedMessageSummary &summary,
                                   std::vector<NodeId> &newTopics, std::vector<NodeId> &changed,
                                   std::vector<NodeId> &counted)
{
    const QList<QStringView> levels = QStringView(summary.topic).split(u'/');
    const bool tree = m_layout == Layout::Tree;
    NodeId node = RootNode;
    qsizetype level = 0;
    for (; level < levels.size(); ++level) {
        const quint32 nameId = internName(levels.at(level));
        const size_t position = childPosition(node, nameId);
        const auto &children = m_nodes[node].children;
        if (position < children.size() && m_nodes[children[position]].nameId == nameId) {
            node = children[position];
            continue;
        }
        // The rest of the path is new: one row inserted under the last existing level, with
        // its own levels below it.
        if (tree)
            beginInsertRows(indexOfNode(node, 0), int(position), int(position));
        NodeId parent = node;
        for (qsizetype rest = level; rest < levels.size(); ++rest) {
            const NodeId child = NodeId(m_nodes.size());
            Node created;
            created.parent = parent;
            created.nameId = rest == level ? nameId : internName(levels.at(rest));
            m_nodes.push_back(std::move(created));
            auto &siblings = m_nodes[parent].children;
            siblings.insert(rest == level ? siblings.begin() + qsizetype(position)
                                          : siblings.end(),
                            child);
            if (rest + 1 < levels.size())
                ++m_nodes[child].topicsBelow;
            parent = child;
        }
        setSummary(parent, summary);
        newTopics.push_back(parent);
        if (tree)
            endInsertRows();
        break;
    }
    NodeId countFrom = node; // the last level that existed, which now has one more below
    if (level == levels.size()) {
        // Every level exists: an update of a topic, or a level that now is a topic too.
        const bool wasTopic = isTopic(node);
        setSummary(node, summary);
        changed.push_back(node);
        if (wasTopic)
            return;
        newTopics.push_back(node);
        countFrom = m_nodes[node].parent;
    }
    for (NodeId at = countFrom; at != RootNode; at = m_nodes[at].parent) {
        ++m_nodes[at].topicsBelow;
        if (tree)
            counted.push_back(at);
    }
}

void RetainedTopicsModel::setSummary(NodeId node, const Iot::RetainedMessageSummary &summary)
{
    Node &target = m_nodes[node];
    target.qos = qint8(std::clamp(summary.qos, 0, 2));
    target.payloadSize = quint32(std::clamp<qint64>(summary.payloadSize, 0,
                                                    std::numeric_limits<quint32>::max()));
    target.lastModifiedMs = summary.lastModified.toMSecsSinceEpoch();
}

QModelIndex RetainedTopicsModel::indexOfNode(NodeId node, int column) const
{
    if (node == RootNode)
        return {};
    return createIndex(rowInParent(node), column, node);
}

int RetainedTopicsModel::rowInParent(NodeId node) const
{
    return int(childPosition(m_nodes[node].parent, m_nodes[node].nameId));
}

size_t RetainedTopicsModel::childPosition(NodeId parent, quint32 nameId) const
{
    const auto &children = m_nodes[parent].children;
    const auto it = std::lower_bound(
        children.cbegin(), children.cend(), nameId,
        [this](NodeId child, quint32 name) { return m_nodes[child].nameId < name; });
    return size_t(it - children.cbegin());
}

QStringView RetainedTopicsModel::nameText(quint32 nameId) const
{
    const quint32 start = m_nameStart[nameId];
    return QStringView(m_namePool).sliced(start, m_nameStart[nameId + 1] - start);
}

quint32 RetainedTopicsModel::findName(QStringView name) const
{
    const size_t mask = m_nameTable.size() - 1;
    for (size_t slot = qHash(name) & mask;; slot = (slot + 1) & mask) {
        const quint32 entry = m_nameTable[slot];
        if (entry == 0)
            return NoName;
        if (nameText(entry - 1) == name)
            return entry - 1;
    }
}

quint32 RetainedTopicsModel::internName(QStringView name)
{
    const size_t mask = m_nameTable.size() - 1;
    size_t slot = qHash(name) & mask;
    for (;; slot = (slot + 1) & mask) {
        const quint32 entry = m_nameTable[slot];
        if (entry == 0)
            break;
        if (nameText(entry - 1) == name)
            return entry - 1;
    }
    const auto nameId = quint32(m_nameStart.size() - 1);
    m_namePool += name;
    m_nameStart.push_back(quint32(m_namePool.size()));
    m_nameTable[slot] = nameId + 1;
    // Kept at most half full, so probes stay short.
    if ((m_nameStart.size() - 1) * 2 > m_nameTable.size())
        growNameTable();
    return nameId;
}

void RetainedTopicsModel::growNameTable()
{
    std::vector<quint32> table(m_nameTable.size() * 2, 0);
    const size_t mask = table.size() - 1;
    for (quint32 nameId = 0; nameId + 1 < quint32(m_nameStart.size()); ++nameId) {
        size_t slot = qHash(nameText(nameId)) & mask;
        while (table[slot] != 0)
            slot = (slot + 1) & mask;
        table[slot] = nameId + 1;
    }
    m_nameTable = std::move(table);
}
