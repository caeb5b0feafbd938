// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStackedWidget>

#include <functional>

class QTabWidget;

/**
 * The window's centre: one tab per opened shadow or retained message, and a placeholder page
 * (what to do next) while no tab is open. Selecting an item in a pane shows it in the
 * preview tab, which the next selection replaces; opening it (Enter, double-click, or
 * double-clicking the tab) keeps the tab. Ctrl+W closes the current tab. A page with unsaved
 * changes (setPageModified()) is kept, marked in its tab, and asked before it closes: closing
 * sends the page a QCloseEvent, which it may ignore.
 */
class Workspace final : public QStackedWidget
{
    Q_OBJECT
public:
    enum class Mode { Preview, Keep };

    explicit Workspace(QWidget *parent = nullptr);

    /** What the workspace shows while no tab is open (owned by the workspace). */
    void setPlaceholder(QWidget *placeholder);
    QWidget *placeholder() const { return m_placeholder; }

    /**
     * Shows the page for @p key (such as "shadow:thing/name"), made by @p create when there is
     * none. Preview: it replaces the previous preview page; Keep: the page stays open.
     */
    QWidget *showPage(const QString &key, const QString &title, const QString &toolTip,
                      const std::function<QWidget *()> &create, Mode mode);
    /** The page of the current tab (nullptr: none). */
    QWidget *currentPage() const;
    QWidget *page(const QString &key) const;
    QTabWidget *tabs() const { return m_tabs; }
    /** Closes the page at @p index unless it ignores its QCloseEvent; false if it stays. */
    bool closePage(int index);
    /** Closes every page; false (and the rest stay) as soon as one refuses. */
    bool closeAll();
    /** Closes @p page without asking (what it holds must be kept elsewhere, e.g. as a draft). */
    void discardPage(QWidget *page);
    /** discardPage() for every page. */
    void discardAll();
    /**
     * Marks @p page's tab as holding unsaved changes (a bullet before its title) or not. A
     * modified page is kept: the next preview does not replace it.
     */
    void setPageModified(QWidget *page, bool modified);
    /** The pages, in tab order. */
    QList<QWidget *> pages() const;

Q_SIGNALS:
    void currentPageChanged(QWidget *page);

private:
    void keep(int index);
    void updateCurrent();

    QTabWidget *m_tabs;
    QWidget *m_placeholder = nullptr;
    QWidget *m_preview = nullptr;
};
