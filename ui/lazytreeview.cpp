// SPDX-License-Identifier: GPL-3.0-or-later
#include "lazytreeview.h"

#include "fetchblockingproxy.h"

LazyTreeView::LazyTreeView(FetchBlockingProxy *proxy, QWidget *parent)
    : QTreeView(parent)
    , m_proxy(proxy)
{
    setUniformRowHeights(true);
}

void LazyTreeView::doItemsLayout()
{
    m_proxy->setFetchMoreBlocked(true);
    QTreeView::doItemsLayout();
    m_proxy->setFetchMoreBlocked(false);
}
