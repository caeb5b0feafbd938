// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include <QAction>
#include <QTabBar>
#include <QTabWidget>

namespace {

const char KeyProperty[] = "workspaceKey";
const char TitleProperty[] = "workspaceTitle";

} // namespace

Workspace::Workspace(QWidget *parent)
    : QStackedWidget(parent)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("workspace"));
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setAccessibleName(tr("Open shadows and messages"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->tabBar()->setAccessibleName(tr("Open shadows and messages"));
    addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &Workspace::closePage);
    connect(m_tabs, &QTabWidget::currentChanged, this, &Workspace::updateCurrent);
    connect(m_tabs, &QTabWidget::tabBarDoubleClicked, this, &Workspace::keep);

    auto *close = new QAction(tr("Close tab"), this);
    close->setShortcut(QKeySequence::Close);
    close->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(close, &QAction::triggered, this, [this] {
        if (m_tabs->count() > 0)
            closePage(m_tabs->currentIndex());
    });
    addAction(close);
}

void Workspace::setPlaceholder(QWidget *placeholder)
{
    if (m_placeholder) {
        removeWidget(m_placeholder);
        m_placeholder->deleteLater();
    }
    m_placeholder = placeholder;
    insertWidget(0, placeholder);
    updateCurrent();
}

QWidget *Workspace::showPage(const QString &key, const QString &title, const QString &toolTip,
                             const std::function<QWidget *()> &create, Mode mode)
{
    QWidget *page = this->page(key);
    if (!page) {
        page = create();
        page->setProperty(KeyProperty, key);
        page->setProperty(TitleProperty, title);
        int index = -1;
        if (mode == Mode::Preview && m_preview) {
            // The new preview takes the old one's place.
            index = m_tabs->indexOf(m_preview);
            discardPage(m_preview);
        }
        index = m_tabs->insertTab(index < 0 ? m_tabs->count() : index, page, title);
        m_tabs->setTabToolTip(index, toolTip);
        if (QWidget *close = m_tabs->tabBar()->tabButton(index, QTabBar::RightSide))
            close->setAccessibleName(tr("Close %1").arg(title));
        if (mode == Mode::Preview)
            m_preview = page;
    }
    const int index = m_tabs->indexOf(page);
    if (mode == Mode::Keep)
        keep(index);
    m_tabs->setCurrentIndex(index);
    updateCurrent();
    return page;
}

void Workspace::keep(int index)
{
    if (index >= 0 && m_tabs->widget(index) == m_preview)
        m_preview = nullptr;
}

QWidget *Workspace::currentPage() const
{
    return m_tabs->currentWidget();
}

QWidget *Workspace::page(const QString &key) const
{
    for (int index = 0; index < m_tabs->count(); ++index) {
        if (m_tabs->widget(index)->property(KeyProperty).toString() == key)
            return m_tabs->widget(index);
    }
    return nullptr;
}

bool Workspace::closePage(int index)
{
    QWidget *page = m_tabs->widget(index);
    if (!page)
        return true;
    if (!page->close())
        return false;
    discardPage(page);
    return true;
}

bool Workspace::closeAll()
{
    while (m_tabs->count() > 0) {
        if (!closePage(0))
            return false;
    }
    return true;
}

void Workspace::discardAll()
{
    while (m_tabs->count() > 0)
        discardPage(m_tabs->widget(0));
}

void Workspace::discardPage(QWidget *page)
{
    const int index = m_tabs->indexOf(page);
    if (index < 0)
        return;
    if (page == m_preview)
        m_preview = nullptr;
    m_tabs->removeTab(index);
    page->deleteLater();
    updateCurrent();
}

void Workspace::setPageModified(QWidget *page, bool modified)
{
    const int index = m_tabs->indexOf(page);
    if (index < 0)
        return;
    if (modified)
        keep(index);
    const QString title = page->property(TitleProperty).toString();
    m_tabs->setTabText(index, modified ? QStringLiteral("\u2022 ") + title : title);
}

QList<QWidget *> Workspace::pages() const
{
    QList<QWidget *> pages;
    for (int index = 0; index < m_tabs->count(); ++index)
        pages.append(m_tabs->widget(index));
    return pages;
}

void Workspace::updateCurrent()
{
    setCurrentWidget(m_tabs->count() > 0 || !m_placeholder ? static_cast<QWidget *>(m_tabs)
                                                           : m_placeholder);
    Q_EMIT currentPageChanged(currentPage());
}
