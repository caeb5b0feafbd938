// SPDX-License-Identifier: GPL-3.0-or-later
#include "fetchblockingproxy.h"

bool FetchBlockingProxy::canFetchMore(const QModelIndex &parent) const
{
    return !m_fetchMoreBlocked && QSortFilterProxyModel::canFetchMore(parent);
}

void FetchBlockingProxy::fetchMore(const QModelIndex &parent)
{
    if (!m_fetchMoreBlocked)
        QSortFilterProxyModel::fetchMore(parent);
}
