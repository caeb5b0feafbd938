// SPDX-License-Identifier: GPL-3.0-or-later
#include "thingspane.h"

#include "emptystate.h"
#include "pagesource.h"
#include "thingsfilterproxy.h"
#include "thingsmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Long enough to type a word without refiltering on every key, short enough to feel instant.
constexpr int FilterDelayMs = 150;

} // namespace

ThingsPane::ThingsPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new ThingsModel(this))
    , m_proxy(new ThingsFilterProxy(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(createEmptyState(tr("Connect to an account to list its things."), m_stack))
    , m_filter(new QLineEdit(this))
    , m_filterDelay(new QTimer(this))
    , m_view(new QTreeView(this))
    , m_status(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
{
    m_proxy->setSourceModel(m_model);

    m_emptyState->setObjectName(QStringLiteral("thingsEmptyState"));

    m_filter->setObjectName(QStringLiteral("thingsFilter"));
    m_filter->setPlaceholderText(tr("Filter things"));
    m_filter->setAccessibleName(tr("Filter things"));
    m_filter->setClearButtonEnabled(true);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    focusFilter->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(focusFilter);
    connect(focusFilter, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(FilterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, [this] {
        m_proxy->setFilterText(m_filter->text());
        updateStatus();
    });

    m_view->setObjectName(QStringLiteral("thingsView"));
    m_view->setAccessibleName(tr("Things"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setRootIsDecorated(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ThingsModel::Name, Qt::AscendingOrder);
    m_view->header()->setStretchLastSection(true);
    // Room for typical names and types; measuring every row would cost too much on big fleets.
    const int charWidth = fontMetrics().averageCharWidth();
    m_view->header()->resizeSection(ThingsModel::Name, 22 * charWidth);
    m_view->header()->resizeSection(ThingsModel::Type, 16 * charWidth);

    m_status->setObjectName(QStringLiteral("thingsStatus"));
    m_status->setAccessibleName(tr("Things status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("thingsRetry"));
    m_retry->setAccessibleName(tr("Retry loading things"));
    m_retry->setVisible(false);
    connect(m_retry, &QPushButton::clicked, m_model, &ThingsModel::retry);

    auto *content = new QWidget(m_stack);
    auto *statusLine = new QHBoxLayout;
    statusLine->addWidget(m_status, 1);
    statusLine->addWidget(m_retry);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addLayout(statusLine);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(m_model, &ThingsModel::loadingChanged, this, [this](bool loading) {
        updateStatus();
        if (!loading)
            Q_EMIT loadFinished();
    });
    connect(m_model, &ThingsModel::rowsInserted, this, &ThingsPane::updateStatus);
    connect(m_model, &ThingsModel::modelReset, this, &ThingsPane::updateStatus);
    updateStatus();
}

ThingsPane::~ThingsPane()
{
    // The model lets go of the source before the source goes.
    m_model->setPageSource(nullptr);
}

void ThingsPane::setPageSource(std::unique_ptr<ThingPageSource> source)
{
    m_model->setPageSource(source.get());
    m_source = std::move(source);
    m_stack->setCurrentIndex(m_source ? 1 : 0);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

QString ThingsPane::statusText() const
{
    return m_status->text();
}

void ThingsPane::updateStatus()
{
    const QString error = m_model->errorMessage();
    m_retry->setVisible(!error.isEmpty());
    if (!error.isEmpty()) {
        m_status->setText(tr("Things did not load: %1").arg(error));
        return;
    }
    if (m_model->isLoading() && m_model->rowCount() == 0) {
        m_status->setText(tr("Loading…"));
        return;
    }
    const int total = m_model->rowCount();
    QString text = m_proxy->filterText().isEmpty()
        ? tr("%n things", nullptr, total)
        : tr("%1 of %n things", nullptr, total).arg(m_proxy->rowCount());
    if (m_model->isLoading())
        text = tr("%1, loading more…").arg(text);
    else if (!m_model->isComplete())
        text = tr("%1, more as you scroll").arg(text);
    m_status->setText(text);
}
