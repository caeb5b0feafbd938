// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogfilterproxy.h"

#include "requestlogentry.h"
#include "requestlogmodel.h"

RequestLogFilterProxy::RequestLogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RequestLogModel::SortRole);
}

RequestLogFilterProxy::~RequestLogFilterProxy() = default;

void RequestLogFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    invalidateRowsFilter();
}

void RequestLogFilterProxy::setErrorsOnly(bool errorsOnly)
{
    if (errorsOnly == m_errorsOnly)
        return;
    m_errorsOnly = errorsOnly;
    invalidateRowsFilter();
}

bool RequestLogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_errorsOnly && !index.data(RequestLogModel::IsErrorRole).toBool())
        return false;
    if (m_filterText.isEmpty())
        return true;
    const auto entry = index.data(RequestLogModel::EntryRole).value<Iot::RequestLogEntry>();
    const auto matches = [this](const QString &field) {
        return field.contains(m_filterText, Qt::CaseInsensitive);
    };
    return matches(entry.operation) || matches(entry.target) || matches(entry.errorCode)
        || matches(entry.errorMessage) || matches(entry.requestId);
}
