// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"
#include "pagedloader.h"

#include <QAbstractItemModel>
#include <QString>
#include <QStringView>

#include <vector>

class RetainedPageSource;

/**
 * The account's retained topics, loaded lazily a page at a time through a RetainedPageSource
 * by a PagedLoader (STYLE.md rule 11) as ThingsModel loads things: canFetchMore() on the root
 * is true while a next page exists, no page is in flight, loading was not stopped and the
 * last request did not fail; an answer given inside fetchMore() is applied from the event
 * loop.
 *
 * Shown as a tree split on '/' (an empty level is a real level: "a//b" and "/a" are valid
 * topics, and a topic may also have topics below it, "a" and "a/b") or as a flat list of
 * whole topics. Storage is compact: one node per level in one vector, with its parent's and
 * children's indices, and each distinct level name stored once in a shared pool (interned
 * through an open-addressing table of name ids). A node's children are kept ordered by name
 * id, so finding a child and a node's own row are binary searches; sort the view through a
 * proxy (SortRole). Proxies read the storage directly (nodeId(), childCount(), levelName(),
 * …) rather than calling data() per row.
 * @see RetainedTopicsFilterProxy
 */
class RetainedTopicsModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns { Topic, Size, Qos, LastModified, ColumnCount };
    Q_ENUM(Columns)

    enum Roles {
        SortRole = Qt::UserRole, ///< the column's typed sort key
        TopicRole,               ///< QString: the whole topic (a level's path for inner nodes)
        IsTopicRole,             ///< bool: a retained message exists for TopicRole
        TopicsBelowRole,         ///< int: retained topics strictly below this level
        PayloadSizeRole,         ///< qint64 (topics only)
        QosRole,                 ///< int (topics only)
        LastModifiedRole,        ///< QDateTime in UTC (topics only)
    };
    Q_ENUM(Roles)

    enum class Layout { Tree, Flat };
    Q_ENUM(Layout)

    /** Index of a node in the storage; the invisible root is RootNode. */
    using NodeId = quint32;
    static constexpr NodeId RootNode = 0;

    explicit RetainedTopicsModel(QObject *parent = nullptr);

    /** Loads from @p source (not owned; nullptr: none) from the first page on; see reset(). */
    void setPageSource(RetainedPageSource *source);
    RetainedPageSource *pageSource() const;

    /** Drops every topic, abandons the page in flight and starts over from the first page. */
    void reset();
    /** After a failure or stopLoading(): asks for the next page again. */
    void retry();
    /** Abandons the page in flight and asks for no more until retry(). */
    void stopLoading();

    /** Tree (the default) or flat list; switching resets the view's rows, not the data. */
    void setLayout(Layout layout);
    Layout layout() const { return m_layout; }

    bool isLoading() const { return m_loader.isLoading(); }
    /** True after stopLoading() until retry() or reset(). */
    bool isStopped() const { return m_loader.isStopped(); }
    /** The last request's failure for the user; empty when it did not fail. */
    QString errorMessage() const { return m_loader.errorMessage(); }
    /** True once the last page has arrived. */
    bool isComplete() const;
    /** Retained topics loaded so far. */
    qsizetype topicCount() const { return qsizetype(m_topics.size()); }
    /** The @p i-th topic loaded (0 ≤ i < topicCount()), in the order they arrived. */
    QString topicAt(qsizetype i) const { return topicPath(m_topics[size_t(i)]); }

    /** The row of @p topic in column @p column, or an invalid index when it is not loaded. */
    QModelIndex indexForTopic(const QString &topic, int column = Topic) const;

    // Read-only access to the storage, for proxies and tests.
    static NodeId nodeId(const QModelIndex &index);
    qsizetype nodeCount() const { return qsizetype(m_nodes.size()); }
    NodeId parentNode(NodeId node) const { return m_nodes[node].parent; }
    int childCount(NodeId node) const { return int(m_nodes[node].children.size()); }
    NodeId childNode(NodeId node, int i) const { return m_nodes[node].children[size_t(i)]; }
    QStringView levelName(NodeId node) const;
    /** The id of @p node's level name: nodes with the same name share it (0 ≤ id < nameCount()). */
    quint32 nameId(NodeId node) const { return m_nodes[node].nameId; }
    /** Distinct level names stored. */
    qsizetype nameCount() const { return qsizetype(m_nameStart.size()) - 1; }
    bool isTopic(NodeId node) const { return m_nodes[node].qos >= 0; }
    /** The level names from the root down to @p node joined with '/'. */
    QString topicPath(NodeId node) const;
    /** Bytes held by the storage (nodes, child lists, name pool and table), an estimate. */
    qsizetype storageBytes() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /** "yyyy-MM-dd HH:mm:ss" in local time. */
    static QString formatTime(qint64 msecsSinceEpoch);

Q_SIGNALS:
    void loadingChanged(bool loading);
    /** A page request failed; @p message is for the user. */
    void failed(const QString &message);

private:
    struct Node
    {
        std::vector<NodeId> children; ///< ordered by nameId
        qint64 lastModifiedMs = 0;
        NodeId parent = RootNode;
        quint32 nameId = 0;
        quint32 topicsBelow = 0;
        quint32 payloadSize = 0;
        qint8 qos = -1; ///< -1: no retained message on this level
    };

    void addPage(const Iot::RetainedPage &page);
    void clearStorage();
    /**
     * Adds or updates one topic, with the tree layout's insert signals; collects the new
     * topics, the nodes whose data changed and the levels whose count of topics below grew.
     */
    void addTopic(const Iot::RetainedMessageSummary &summary, std::vector<NodeId> &newTopics,
                  std::vector<NodeId> &changed, std::vector<NodeId> &counted);
    void setSummary(NodeId node, const Iot::RetainedMessageSummary &summary);
    QModelIndex indexOfNode(NodeId node, int column) const;
    int rowInParent(NodeId node) const;
    /** The position of the child named @p nameId in @p parent's children (lower bound). */
    size_t childPosition(NodeId parent, quint32 nameId) const;
    quint32 internName(QStringView name);
    /** The name's id, or UINT32_MAX when no level has that name. */
    quint32 findName(QStringView name) const;
    QStringView nameText(quint32 nameId) const;
    void growNameTable();

    std::vector<Node> m_nodes;
    std::vector<NodeId> m_topics; ///< topic nodes in arrival order (the flat layout's rows)
    QString m_namePool;
    std::vector<quint32> m_nameStart; ///< nameId -> start in m_namePool, plus an end sentinel
    std::vector<quint32> m_nameTable; ///< open addressing: 0 empty, else nameId + 1
    Layout m_layout = Layout::Tree;
    PagedLoader m_loader;
};
