// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mqtttopicfilter.h"
#include "retainedtopicsmodel.h"

#include "fetchblockingproxy.h"

#include <QString>

#include <optional>
#include <vector>

/**
 * RetainedTopicsModel filtered and sorted (by RetainedTopicsModel::SortRole). The filter
 * text is either a substring of the whole topic (ignoring case) or, when it contains '+' or
 * '#', an MQTT topic filter (Mqtt::TopicFilter); a malformed filter matches nothing and
 * filterError() says why. A topic is shown when it matches, an inner level when a topic below
 * it matches (recursive filtering).
 *
 * The filter runs over the model's storage, not its data(): setFilterText() decides every
 * node in one walk of the tree (building each path once, or for a substring without '/'
 * searching each distinct level name once; a whole subtree at once under a matching level
 * for substrings, a subtree pruned as soon as the topic filter cannot match),
 * and filterAcceptsRow() reads that answer. Topics of pages that arrive later are decided
 * as they come.
 */
class RetainedTopicsFilterProxy final : public FetchBlockingProxy
{
    Q_OBJECT
public:
    explicit RetainedTopicsFilterProxy(QObject *parent = nullptr);

    /** @p model must be a RetainedTopicsModel. */
    void setSourceModel(QAbstractItemModel *model) override;

    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    /** Why the filter text is not a valid MQTT topic filter (for the user), or empty. */
    QString filterError() const { return m_filterError; }
    /** Topics that match the filter (all topics without one). */
    qsizetype matchingTopicCount() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    /**
     * The tree's level names compared in the storage, as the base class would compare their
     * SortRole (case-insensitively) but without a QVariant and a QString each; other columns
     * and the flat list by the base class.
     */
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;

private:
    void decideAll() const;
    void decideTree(RetainedTopicsModel::NodeId node, QString &path, qsizetype filterLevel,
                    bool pathMatches) const;
    void decideByLevel(RetainedTopicsModel::NodeId node, bool pathMatches,
                       std::vector<qint8> &nameMatches) const;
    bool decide(RetainedTopicsModel::NodeId node) const;
    void redecide(RetainedTopicsModel::NodeId node);
    bool matches(const QString &topic) const;

    RetainedTopicsModel *m_model = nullptr;
    QString m_filterText;
    QString m_filterError;
    std::optional<Mqtt::TopicFilter> m_topicFilter;
    mutable std::vector<bool> m_matches; ///< by node: a topic that the filter accepts
    mutable bool m_decided = false; ///< m_matches holds the current topics' answers
};
