// SPDX-License-Identifier: GPL-3.0-or-later
#include "retainedtopicsfilterproxy.h"

#include "mqtttopicfilter.h"

#include <algorithm>

RetainedTopicsFilterProxy::RetainedTopicsFilterProxy(QObject *parent)
    : FetchBlockingProxy(parent)
{
    setSortRole(RetainedTopicsModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setRecursiveFilteringEnabled(true);
}

void RetainedTopicsFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    if (model == sourceModel())
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = qobject_cast<RetainedTopicsModel *>(model);
    Q_ASSERT(m_model || !model);
    if (m_model) {
        // New topics, or the same in another layout: decided again when first asked.
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
                [this] { m_decided = false; });
        // A level that becomes a topic itself is changed, not inserted: decided again before
        // the base class refilters it (connected first, so called first).
        connect(m_model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                        redecide(RetainedTopicsModel::nodeId(topLeft.siblingAtRow(row)));
                });
    }
    m_decided = false;
    QSortFilterProxyModel::setSourceModel(model);
}

void RetainedTopicsFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    m_filterError.clear();
    m_topicFilter.reset();
    if (Mqtt::looksLikeTopicFilter(m_filterText)) {
        if (const auto error = Mqtt::topicFilterError(m_filterText))
            m_filterError = *error;
        else
            m_topicFilter.emplace(m_filterText);
    }
    decideAll();
    invalidateFilter();
}

qsizetype RetainedTopicsFilterProxy::matchingTopicCount() const
{
    if (!m_model)
        return 0;
    if (m_filterText.isEmpty())
        return m_model->topicCount();
    qsizetype count = 0;
    for (RetainedTopicsModel::NodeId node = 1; node < m_model->nodeCount(); ++node)
        count += decide(node) ? 1 : 0;
    return count;
}

bool RetainedTopicsFilterProxy::filterAcceptsRow(int sourceRow,
                                                 const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty() || !m_model)
        return true;
    return decide(RetainedTopicsModel::nodeId(m_model->index(sourceRow, 0, sourceParent)));
}

bool RetainedTopicsFilterProxy::lessThan(const QModelIndex &sourceLeft,
                                         const QModelIndex &sourceRight) const
{
    if (!m_model || sourceLeft.column() != RetainedTopicsModel::Topic
        || m_model->layout() != RetainedTopicsModel::Layout::Tree
        || sortRole() != RetainedTopicsModel::SortRole || isSortLocaleAware())
        return QSortFilterProxyModel::lessThan(sourceLeft, sourceRight);
    return m_model->levelName(RetainedTopicsModel::nodeId(sourceLeft))
               .compare(m_model->levelName(RetainedTopicsModel::nodeId(sourceRight)),
                        sortCaseSensitivity())
        < 0;
}

bool RetainedTopicsFilterProxy::decide(RetainedTopicsModel::NodeId node) const
{
    if (!m_decided)
        decideAll();
    if (node < m_matches.size())
        return m_matches[node];
    // Nodes of pages that arrived after the last walk: decided one by one. Nodes are only
    // ever appended, so the ones not decided yet are those past the end.
    const auto decided = RetainedTopicsModel::NodeId(m_matches.size());
    m_matches.resize(size_t(m_model->nodeCount()), false);
    if (!m_filterError.isEmpty())
        return false;
    for (RetainedTopicsModel::NodeId added = decided; added < m_model->nodeCount(); ++added) {
        if (!m_model->isTopic(added))
            continue;
        m_matches[added] = matches(m_model->topicPath(added));
    }
    return m_matches[node];
}

void RetainedTopicsFilterProxy::redecide(RetainedTopicsModel::NodeId node)
{
    if (!m_decided || node >= m_matches.size() || m_filterText.isEmpty()
        || !m_filterError.isEmpty())
        return;
    m_matches[node] = m_model->isTopic(node) && matches(m_model->topicPath(node));
}

bool RetainedTopicsFilterProxy::matches(const QString &topic) const
{
    return m_topicFilter ? m_topicFilter->matches(topic)
                         : topic.contains(m_filterText, Qt::CaseInsensitive);
}

void RetainedTopicsFilterProxy::decideAll() const
{
    m_decided = true;
    m_matches.assign(m_model ? size_t(m_model->nodeCount()) : 0, false);
    if (!m_model || m_filterText.isEmpty() || !m_filterError.isEmpty())
        return;
    const int topLevels = m_model->childCount(RetainedTopicsModel::RootNode);
    if (!m_topicFilter && !m_filterText.contains(u'/')) {
        // A substring without '/' lies within one level name: each distinct name is searched
        // once, and no path is built.
        std::vector<qint8> nameMatches(size_t(m_model->nameCount()), -1);
        for (int i = 0; i < topLevels; ++i)
            decideByLevel(m_model->childNode(RetainedTopicsModel::RootNode, i), false, nameMatches);
        return;
    }
    QString path;
    path.reserve(256);
    for (int i = 0; i < topLevels; ++i)
        decideTree(m_model->childNode(RetainedTopicsModel::RootNode, i), path, 0, false);
}

void RetainedTopicsFilterProxy::decideByLevel(RetainedTopicsModel::NodeId node, bool pathMatches,
                                              std::vector<qint8> &nameMatches) const
{
    if (!pathMatches) {
        qint8 &named = nameMatches[m_model->nameId(node)];
        if (named < 0)
            named = m_model->levelName(node).contains(m_filterText, Qt::CaseInsensitive) ? 1 : 0;
        pathMatches = named == 1;
    }
    m_matches[node] = pathMatches && m_model->isTopic(node);
    for (int i = 0; i < m_model->childCount(node); ++i)
        decideByLevel(m_model->childNode(node, i), pathMatches, nameMatches);
}

void RetainedTopicsFilterProxy::decideTree(RetainedTopicsModel::NodeId node, QString &path,
                                           qsizetype filterLevel, bool pathMatches) const
{
    const qsizetype parentLength = path.size();
    if (m_model->parentNode(node) != RetainedTopicsModel::RootNode)
        path += u'/';
    path += m_model->levelName(node);
    bool accepted = false;
    bool descend = true;
    qsizetype nextLevel = filterLevel;
    if (m_topicFilter && !pathMatches) {
        const QStringList &levels = m_topicFilter->levels();
        const QString &pattern = levels.at(filterLevel);
        // A filter starting with a wildcard does not match topics starting with '$'.
        const bool reserved = filterLevel == 0 && path.startsWith(u'$');
        if (pattern == u"#" && !reserved) {
            pathMatches = true; // this level and everything below
            accepted = true;
        } else if ((pattern == u"+" && !reserved) || pattern == m_model->levelName(node)) {
            nextLevel = filterLevel + 1;
            // "a/#" also matches "a".
            accepted = nextLevel == levels.size()
                || (nextLevel == levels.size() - 1 && levels.at(nextLevel) == u"#");
            descend = nextLevel < levels.size();
        } else {
            descend = false;
        }
    } else if (m_topicFilter) {
        accepted = true;
    } else {
        // The parent's path did not match, so a match ends in this level: only the tail
        // from one filter length before it is searched.
        const qsizetype from = std::max<qsizetype>(0, parentLength - m_filterText.size() + 1);
        pathMatches = pathMatches
            || QStringView(path).sliced(from).contains(m_filterText, Qt::CaseInsensitive);
        accepted = pathMatches;
    }
    m_matches[node] = accepted && m_model->isTopic(node);
    if (descend) {
        for (int i = 0; i < m_model->childCount(node); ++i)
            decideTree(m_model->childNode(node, i), path, nextLevel, pathMatches);
    }
    path.truncate(parentLength);
}
