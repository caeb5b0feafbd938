// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogview.h"

#include "emptystate.h"
#include "requestlogdelegate.h"
#include "requestlogentry.h"
#include "requestlogfilterproxy.h"
#include "requestlogmodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

RequestLogView::RequestLogView(RequestLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new RequestLogFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("requestLogFilter"));
    m_filter->setPlaceholderText(tr("Filter requests"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter requests"));
    m_filter->setAccessibleDescription(
        tr("Shows only the requests whose operation, target, error or request ID contain this "
           "text. Ctrl+Shift+F in the log moves here."));
    // Within the log only: elsewhere Ctrl+Shift+F formats the shadow editor's JSON.
    auto *focusFilter = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this);
    focusFilter->setContext(Qt::WidgetWithChildrenShortcut);
    connect(focusFilter, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RequestLogFilterProxy::setFilterText);

    m_errorsOnly = new QCheckBox(tr("Errors only"), this);
    m_errorsOnly->setObjectName(QStringLiteral("requestLogErrorsOnly"));
    m_errorsOnly->setAccessibleName(tr("Errors only"));
    m_errorsOnly->setAccessibleDescription(tr("Shows only the requests that failed."));
    connect(m_errorsOnly, &QCheckBox::toggled, m_proxy, &RequestLogFilterProxy::setErrorsOnly);

    m_clear = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-clear-history")), tr("Clear"),
                              this);
    m_clear->setObjectName(QStringLiteral("requestLogClear"));
    m_clear->setAccessibleName(tr("Clear the request log"));
    m_clear->setAccessibleDescription(tr("Removes every request from the log."));
    connect(m_clear, &QPushButton::clicked, m_model, &RequestLogModel::clear);

    m_emptyState = createEmptyState(tr("Every request and its outcome."), this);
    m_emptyState->setObjectName(QStringLiteral("requestLogEmptyState"));

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(createTable());

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filter, 1);
    toolbar->addWidget(m_errorsOnly);
    toolbar->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(m_pages, 1);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RequestLogView::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RequestLogView::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestLogView::updateEmptyState);
    updateEmptyState();
}

RequestLogView::~RequestLogView() = default;

QWidget *RequestLogView::createTable()
{
    auto *page = new QWidget(this);
    m_table = new QTreeView(page);
    m_table->setObjectName(QStringLiteral("requestLogTable"));
    m_table->setAccessibleName(tr("Requests"));
    m_table->setAccessibleDescription(
        tr("One row per attempt of every request: time, operation, target, status, duration, "
           "attempt, request ID and error."));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new RequestLogDelegate(m_table));
    m_table->setUniformRowHeights(true);
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RequestLogModel::Time, Qt::AscendingOrder);
    // Columns as wide as typical contents; the error takes the rest.
    const QFontMetrics metrics = fontMetrics();
    const int padding = metrics.horizontalAdvance(QLatin1Char('M')) * 2;
    const std::pair<int, QString> samples[] = {
        { RequestLogModel::Time, QStringLiteral("00:00:00.000") },
        { RequestLogModel::Operation, QStringLiteral("ListNamedShadowsForThing") },
        { RequestLogModel::Target, QStringLiteral("GET 127.0.0.1:10000/things/thing-name/shadow") },
        { RequestLogModel::Status, QStringLiteral("ThrottlingException") },
        { RequestLogModel::Duration, QStringLiteral("30000 ms") },
        { RequestLogModel::Attempt, tr("Attempt") },
        { RequestLogModel::RequestId, QStringLiteral("00000000-0000-0000-0000-000000000000") },
    };
    for (const auto &[column, sample] : samples)
        m_table->header()->resizeSection(column, metrics.horizontalAdvance(sample) + padding);

    // Follow the newest attempt while the user is at the bottom and the table is sorted
    // oldest first (the default). Sorted newest first, a new row at the top stays in view by
    // itself; sorted by another column, the newest row has no fixed place to follow.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_table->verticalScrollBar();
        m_followNewest = m_proxy->sortColumn() == RequestLogModel::Time
            && m_proxy->sortOrder() == Qt::AscendingOrder && bar->value() >= bar->maximum();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followNewest)
            m_table->scrollToBottom();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RequestLogView::updateDetails);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RequestLogView::updateDetails);

    m_details = new QLabel(page);
    m_details->setObjectName(QStringLiteral("requestLogDetails"));
    m_details->setAccessibleName(tr("Selected request"));
    m_details->setAccessibleDescription(
        tr("The request ID and full error message of the selected request, selectable to copy."));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->hide();

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    return page;
}

void RequestLogView::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_pages->setCurrentIndex(empty ? 0 : 1);
    m_clear->setEnabled(!empty);
}

void RequestLogView::updateDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        m_details->hide();
        return;
    }
    const auto entry = current.data(RequestLogModel::EntryRole).value<Iot::RequestLogEntry>();
    QStringList lines;
    lines << tr("Request ID: %1")
                 .arg(entry.requestId.isEmpty() ? tr("none (no answer carried one)")
                                                : entry.requestId);
    if (RequestLogModel::isError(entry)) {
        const QString code
            = entry.errorCode.isEmpty() ? QString::number(entry.httpStatus) : entry.errorCode;
        lines << tr("Error: %1: %2").arg(code, entry.errorMessage);
    }
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_details->show();
}
