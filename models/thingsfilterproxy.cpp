// SPDX-License-Identifier: GPL-3.0-or-later
#include "thingsfilterproxy.h"

#include "thingsmodel.h"

#include <QVariantMap>

ThingsFilterProxy::ThingsFilterProxy(QObject *parent)
    : FetchBlockingProxy(parent)
{
    setSortRole(ThingsModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ThingsFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    invalidateFilter();
}

bool ThingsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto matches
        = [this](const QString &text) { return text.contains(m_filterText, Qt::CaseInsensitive); };
    if (matches(index.data(ThingsModel::ThingNameRole).toString())
        || matches(index.data(ThingsModel::TypeNameRole).toString()))
        return true;
    const QVariantMap attributes = index.data(ThingsModel::AttributesRole).toMap();
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        if (matches(it.key() % u'=' % it.value().toString()))
            return true;
    }
    return false;
}
