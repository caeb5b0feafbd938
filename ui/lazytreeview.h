// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeView>

class FetchBlockingProxy;

/**
 * A tree view over a lazily paged model that fetches only as the list is scrolled to its end
 * (or while its end is in sight), not after each layout of its top level, which QTreeView
 * otherwise follows with a fetch of its own (QTreeViewPrivate::layout), loading page after
 * page unasked. Uniform row heights, so 100,000 rows stay fast.
 * @see FetchBlockingProxy
 */
class LazyTreeView final : public QTreeView
{
    Q_OBJECT
public:
    /**
     * @p proxy is the model the caller gives the view with setModel() (when its own
     * connections to the proxy must come first, after making them).
     */
    explicit LazyTreeView(FetchBlockingProxy *proxy, QWidget *parent = nullptr);

    void doItemsLayout() override;

private:
    FetchBlockingProxy *m_proxy;
};
