// SPDX-License-Identifier: GPL-3.0-or-later
#include "retainedpane.h"

#include "emptystate.h"
#include "lazytreeview.h"
#include "iot/retainedtopicspagesource.h"
#include "messagebar.h"
#include "retainedtopicsfilterproxy.h"
#include "retainedtopicsmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Long enough to type a word without refiltering on every key, short enough to feel instant.
constexpr int FilterDelayMs = 150;
// A filtered tree opens every level when this few topics match; more would only be slow.
constexpr qsizetype ExpandMatchesLimit = 500;

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
    m_proxy->setFilterText(m_filter->text());
    const QString error = m_proxy->filterError();
    if (error.isEmpty())
        m_filterError->clear();
    else
        m_filterError->showError(tr("Not a valid topic filter: %1").arg(error));
    if (!m_proxy->filterText().isEmpty() && m_model->layout() == RetainedTopicsModel::Layout::Tree
        && m_proxy->matchingTopicCount() <= ExpandMatchesLimit)
        m_view->expandAll();
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
