// SPDX-License-Identifier: GPL-3.0-or-later
#include "retainedpane.h"

#include "emptystate.h"
#include "lazytreeview.h"
#include "iot/retainedtopicspagesource.h"
#include "iot/retainedundo.h"
#include "messagebar.h"
#include "retainedtopicsfilterproxy.h"
#include "retainedtopicsmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <vector>

namespace {

// Long enough to type a word without refiltering on every key, short enough to feel instant.
constexpr int FilterDelayMs = 150;
// A filtered tree opens every level when this few topics match; more would only be slow.
constexpr qsizetype ExpandMatchesLimit = 500;
// Topics the Delete subtree confirmation names in its text; Details lists them all.
constexpr qsizetype ListedTopicsLimit = 15;

} // namespace

RetainedPane::RetainedPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new RetainedTopicsModel(this))
    , m_proxy(new RetainedTopicsFilterProxy(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(createEmptyState(tr("Connect to an account to list its retained topics."),
                                    m_stack))
    , m_filter(new QLineEdit(this))
    , m_filterError(new MessageBar(QStringLiteral("retainedFilter"), {},
                                   { .status = tr("Topic filter error") }, this))
    , m_flat(new QCheckBox(tr("F&lat list"), this))
    , m_filterDelay(new QTimer(this))
    , m_view(new LazyTreeView(m_proxy, this))
    , m_messageBar(new MessageBar(
          QStringLiteral("retained"),
          MessageBar::Part::Progress | MessageBar::Part::Cancel | MessageBar::Part::Retry,
          { .status = tr("Retained topics status"),
            .progress = tr("Loading retained topics"),
            .cancel = tr("Stop loading retained topics"),
            .retry = tr("Retry loading retained topics") },
          this))
    , m_deleteSubtree(new QAction(tr("&Delete subtree…"), this))
    , m_undoBar(new QWidget(this))
    , m_deleteStatus(new QLabel(m_undoBar))
    , m_undoButton(new QPushButton(tr("&Undo"), m_undoBar))
{
    m_proxy->setSourceModel(m_model);

    m_emptyState->setObjectName(QStringLiteral("retainedEmptyState"));

    m_filter->setObjectName(QStringLiteral("retainedFilter"));
    m_filter->setPlaceholderText(tr("Filter topics (text, or an MQTT filter such as a/+/c or a/#)"));
    m_filter->setAccessibleName(tr("Filter retained topics"));
    m_filter->setAccessibleDescription(
        tr("Text found anywhere in the topic, or an MQTT topic filter when it contains + or #"));
    m_filter->setClearButtonEnabled(true);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    focusFilter->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(focusFilter);
    connect(focusFilter, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    m_filterError->setStatusObjectName(QStringLiteral("retainedFilterError"));

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(FilterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, &RetainedPane::applyFilter);

    m_flat->setObjectName(QStringLiteral("retainedFlat"));
    m_flat->setAccessibleName(tr("Show retained topics as a flat list"));
    m_flat->setToolTip(tr("Whole topics in one list instead of a tree of levels (Alt+L)"));
    connect(m_flat, &QCheckBox::toggled, this, &RetainedPane::setFlat);

    m_view->setObjectName(QStringLiteral("retainedView"));
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Retained topics"));
    m_view->setAllColumnsShowFocus(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RetainedTopicsModel::Topic, Qt::AscendingOrder);
    m_view->header()->setStretchLastSection(true);
    const int charWidth = fontMetrics().averageCharWidth();
    m_view->header()->resizeSection(RetainedTopicsModel::Topic, 30 * charWidth);
    m_view->header()->resizeSection(RetainedTopicsModel::Size, 12 * charWidth);
    m_view->header()->resizeSection(RetainedTopicsModel::Qos, 5 * charWidth);
    connect(m_view, &QTreeView::activated, this, &RetainedPane::openIfTopic);
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        // A click opens a leaf; where the style activates on a single click, activated()
        // already did.
        if (!m_view->style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr,
                                        m_view)
            && !m_proxy->hasChildren(index.siblingAtColumn(0)))
            openIfTopic(index);
    });

    m_deleteSubtree->setObjectName(QStringLiteral("retainedDeleteSubtree"));
    m_deleteSubtree->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_deleteSubtree->setShortcutContext(Qt::WidgetShortcut);
    m_deleteSubtree->setToolTip(
        tr("Delete the retained messages at and under this level, each saved first for Undo "
           "(Shift+Delete)"));
    m_deleteSubtree->setEnabled(false);
    m_view->addAction(m_deleteSubtree);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_deleteSubtree, &QAction::triggered, this, &RetainedPane::confirmAndDeleteSubtree);

    m_undoBar->setObjectName(QStringLiteral("retainedDeleteBar"));
    m_undoBar->hide();
    m_deleteStatus->setObjectName(QStringLiteral("retainedDeleteStatus"));
    m_deleteStatus->setAccessibleName(tr("Retained delete status"));
    m_deleteStatus->setWordWrap(true);
    m_deleteStatus->setTextFormat(Qt::PlainText);
    m_undoButton->setObjectName(QStringLiteral("retainedDeleteUndo"));
    m_undoButton->setAccessibleName(tr("Undo the last retained delete"));
    m_undoButton->setAccessibleDescription(
        tr("Publishes the retained messages deleted last again, as they were saved"));
    connect(m_undoButton, &QPushButton::clicked, this, &RetainedPane::undoDelete);
    auto *undoAction = new QAction(this);
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undoAction);
    connect(undoAction, &QAction::triggered, this, &RetainedPane::undoDelete);
    auto *undoLine = new QHBoxLayout(m_undoBar);
    undoLine->setContentsMargins(0, 0, 0, 0);
    undoLine->addWidget(m_deleteStatus, 1);
    undoLine->addWidget(m_undoButton);

    connect(m_messageBar, &MessageBar::cancelRequested, m_model,
            &RetainedTopicsModel::stopLoading);
    connect(m_messageBar, &MessageBar::retryRequested, m_model, &RetainedTopicsModel::retry);

    auto *filterLine = new QHBoxLayout;
    filterLine->addWidget(m_filter, 1);
    filterLine->addWidget(m_flat);
    QVBoxLayout *layout = addEmptyStatePages(this, m_stack, m_emptyState);
    layout->addLayout(filterLine);
    layout->addWidget(m_filterError);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_undoBar);

    // After a reload, the topic that was current is selected again once it is back.
    connect(this, &RetainedPane::loadFinished, this, [this] {
        if (!m_reloading)
            return;
        m_reloading = false;
        if (!m_reselect.isEmpty())
            selectTopic(m_reselect);
        m_reselect.clear();
    });
    followPaging(this, m_model, m_messageBar, &RetainedPane::updateStatus, &RetainedPane::loadFinished);
}

RetainedPane::~RetainedPane()
{
    // The model lets go of the source before the source goes.
    m_model->setPageSource(nullptr);
}

void RetainedPane::setDataClient(Iot::IotDataClient *client)
{
    m_model->setPageSource(nullptr);
    m_source.reset();
    if (client)
        m_source = std::make_unique<Iot::RetainedTopicsPageSource>(client, m_pageSize);
    m_model->setPageSource(m_source.get());
    m_stack->setCurrentIndex(m_source ? 1 : 0);
    m_reloading = false;
    updateUndo();
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void RetainedPane::setPageSize(int pageSize)
{
    m_pageSize = pageSize;
}

QString RetainedPane::statusText() const
{
    return m_messageBar->text();
}

bool RetainedPane::selectTopic(const QString &topic)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForTopic(topic));
    if (!index.isValid())
        return false;
    m_view->scrollTo(index);
    m_view->setCurrentIndex(index);
    return true;
}

void RetainedPane::applyFilter()
{
    // Clearing the filter folds back the levels it unfolded, keeping the current topic in
    // sight: every level shown again under them (thousands at 100,000 topics) would be laid
    // out at once otherwise.
    const bool clearing = m_filter->text().trimmed().isEmpty() && m_expandedByFilter;
    if (clearing) {
        m_view->collapseAll();
        m_expandedByFilter = false;
    }
    m_proxy->setFilterText(m_filter->text());
    const QString error = m_proxy->filterError();
    if (error.isEmpty())
        m_filterError->clear();
    else
        m_filterError->showError(tr("Not a valid topic filter: %1").arg(error));
    if (!m_proxy->filterText().isEmpty() && m_model->layout() == RetainedTopicsModel::Layout::Tree
        && m_proxy->matchingTopicCount() <= ExpandMatchesLimit) {
        m_view->expandAll();
        m_expandedByFilter = true;
    }
    if (clearing && m_view->currentIndex().isValid())
        m_view->scrollTo(m_view->currentIndex());
    updateStatus();
}

void RetainedPane::setFlat(bool flat)
{
    const QString current = m_view->currentIndex().data(RetainedTopicsModel::TopicRole).toString();
    m_model->setLayout(flat ? RetainedTopicsModel::Layout::Flat : RetainedTopicsModel::Layout::Tree);
    if (!current.isEmpty())
        selectTopic(current);
}

void RetainedPane::openIfTopic(const QModelIndex &index)
{
    if (index.data(RetainedTopicsModel::IsTopicRole).toBool())
        Q_EMIT topicActivated(index.data(RetainedTopicsModel::TopicRole).toString());
}

void RetainedPane::updateStatus()
{
    const QString error = m_model->errorMessage();
    if (!error.isEmpty()) {
        m_messageBar->showError(tr("Retained topics did not load: %1").arg(error));
        return;
    }
    const MessageBar::Offer offer
        = m_model->isStopped() ? MessageBar::Offer::Retry : MessageBar::Offer::Nothing;
    if (m_model->isLoading() && m_model->topicCount() == 0) {
        m_messageBar->showInfo(tr("Loading…"), offer);
        return;
    }
    const int total = int(m_model->topicCount());
    QString text = m_proxy->filterText().isEmpty()
        ? tr("%n topics", nullptr, total)
        : tr("%1 of %n topics", nullptr, total).arg(m_proxy->matchingTopicCount());
    if (m_model->isLoading())
        text = tr("%1, loading more…").arg(text);
    else if (m_model->isStopped())
        text = tr("%1, loading stopped").arg(text);
    else if (!m_model->isComplete())
        text = tr("%1, more as you scroll").arg(text);
    m_messageBar->showInfo(text, offer);
}

void RetainedPane::setRetainedUndo(Iot::RetainedUndo *undo)
{
    if (m_retainedUndo)
        disconnect(m_retainedUndo, nullptr, this, nullptr);
    m_retainedUndo = undo;
    m_undoBar->hide();
    if (undo) {
        connect(undo, &Iot::RetainedUndo::stateChanged, this, &RetainedPane::updateUndo);
        connect(undo, &Iot::RetainedUndo::removed, this,
                [this](int deleted, const QStringList &failed) {
                    showDeleteResult(deleted, failed, false);
                });
        connect(undo, &Iot::RetainedUndo::undone, this,
                [this](int restored, const QStringList &failed) {
                    showDeleteResult(restored, failed, true);
                });
        connect(undo, &Iot::RetainedUndo::progress, this, [this](int done, int total) {
            m_undoBar->show();
            m_deleteStatus->setText(tr("Working… %1 of %n topics", nullptr, total).arg(done));
        });
    }
    updateUndo();
}

void RetainedPane::refreshTopic(const QString &)
{
    // The model takes topics a page at a time only, so the whole list reloads.
    reload();
}

QStringList RetainedPane::topicsUnder(const QModelIndex &index) const
{
    QStringList topics;
    const QModelIndex source = m_proxy->mapToSource(index.siblingAtColumn(0));
    if (!source.isValid())
        return topics;
    std::vector<RetainedTopicsModel::NodeId> pending { RetainedTopicsModel::nodeId(source) };
    while (!pending.empty()) {
        const RetainedTopicsModel::NodeId node = pending.back();
        pending.pop_back();
        if (m_model->isTopic(node))
            topics.append(m_model->topicPath(node));
        for (int i = 0; i < m_model->childCount(node); ++i)
            pending.push_back(m_model->childNode(node, i));
    }
    topics.sort();
    return topics;
}

QString RetainedPane::deleteStatusText() const
{
    return m_undoBar->isHidden() ? QString() : m_deleteStatus->text();
}

void RetainedPane::confirmAndDeleteSubtree()
{
    if (!m_retainedUndo || !m_source)
        return;
    const QModelIndex current = m_view->currentIndex();
    const QStringList topics = topicsUnder(current);
    if (topics.isEmpty())
        return;
    const QString level = current.data(RetainedTopicsModel::TopicRole).toString();
    QStringList listed = topics.mid(0, ListedTopicsLimit);
    if (topics.size() > ListedTopicsLimit)
        listed.append(tr("…and %n more (see Details)", nullptr,
                         int(topics.size() - ListedTopicsLimit)));
    QString details = tr("Each message is saved first (payload, QoS and user properties), and "
                         "only then deleted; Undo (Ctrl+Z) publishes them again as they were.");
    if (!m_model->isComplete())
        details = tr("%1\n\nMore topics may exist under it in pages not loaded yet; only the "
                     "loaded ones listed here are deleted.")
                      .arg(details);
    QMessageBox confirm(QMessageBox::Warning, tr("Delete Retained Subtree"),
                        tr("Delete the %n retained messages at and under “%1”?", nullptr,
                           int(topics.size()))
                            .arg(level),
                        QMessageBox::Cancel, this);
    confirm.setObjectName(QStringLiteral("retainedDeleteSubtreeConfirm"));
    confirm.setInformativeText(listed.join(u'\n') + QStringLiteral("\n\n") + details);
    confirm.setDetailedText(topics.join(u'\n'));
    QPushButton *remove = confirm.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("retainedDeleteSubtreeConfirmButton"));
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() != remove || !m_retainedUndo)
        return;
    m_undoBar->show();
    m_deleteStatus->setText(tr("Deleting %n retained messages…", nullptr, int(topics.size())));
    m_retainedUndo->remove(topics);
}

void RetainedPane::undoDelete()
{
    if (m_retainedUndo && m_retainedUndo->canUndo() && !m_retainedUndo->isBusy())
        m_retainedUndo->undo();
}

void RetainedPane::reload()
{
    if (!m_source)
        return;
    const QString current = m_view->currentIndex().data(RetainedTopicsModel::TopicRole).toString();
    if (!current.isEmpty() || !m_reloading)
        m_reselect = current;
    m_reloading = true;
    m_model->reset();
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void RetainedPane::showDeleteResult(int count, const QStringList &failed, bool undo)
{
    QString text = undo ? tr("Restored %n retained messages.", nullptr, count)
                        : tr("Deleted %n retained messages.", nullptr, count);
    if (!failed.isEmpty()) {
        const QList<Iot::RetainedUndo::Failure> &failures = m_retainedUndo->lastFailures();
        const QString first = failures.isEmpty()
            ? failed.first()
            : tr("%1: %2").arg(failures.first().topic, failures.first().message);
        text = undo ? tr("%1 %n not restored (still saved for Undo); %2", nullptr,
                         int(failed.size()))
                          .arg(text, first)
                    : tr("%1 %n not deleted; %2", nullptr, int(failed.size())).arg(text, first);
    }
    m_undoBar->show();
    m_deleteStatus->setText(text);
    updateUndo();
    if (count > 0)
        reload();
}

void RetainedPane::updateUndo()
{
    const bool ready = m_retainedUndo && !m_retainedUndo->isBusy();
    m_deleteSubtree->setEnabled(ready && m_source);
    const int count = m_retainedUndo ? int(m_retainedUndo->undoTopics().size()) : 0;
    m_undoButton->setVisible(count > 0);
    m_undoButton->setEnabled(ready);
    m_undoButton->setToolTip(
        tr("Publish the %n retained messages deleted last again (Ctrl+Z)", nullptr, count));
}
