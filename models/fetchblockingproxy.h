// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

/**
 * A filter proxy over a lazily paged model whose fetching a view can hold back. QTreeView
 * asks for more whenever it lays out its top level again, which it does after every
 * top-level insertion, so a page would follow a page without end; LazyTreeView blocks
 * fetching during those layouts, so pages are asked for only as the list is scrolled (or
 * while its end is in sight). While blocked, canFetchMore() is false and fetchMore() does
 * nothing.
 */
class FetchBlockingProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setFetchMoreBlocked(bool blocked) { m_fetchMoreBlocked = blocked; }
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    bool m_fetchMoreBlocked = false;
};
