// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadowspane.h"

#include "emptystate.h"
#include "iot/datashadowsource.h"
#include "messagebar.h"
#include "namedshadowsmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Ages in the table are minutes apart at their finest; half a minute keeps them right.
constexpr int AgeRefreshMs = 30 * 1000;

QString shadowCount(int count)
{
    return count == 1 ? ShadowsPane::tr("1 shadow") : ShadowsPane::tr("%1 shadows").arg(count);
}

} // namespace

ShadowsPane::ShadowsPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new NamedShadowsModel(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(createEmptyState(QString(), m_stack))
    , m_thing(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_messageBar(new MessageBar(QStringLiteral("shadows"),
                                  MessageBar::Part::Progress | MessageBar::Part::Cancel
                                      | MessageBar::Part::Retry | MessageBar::Part::Details,
                                  { .status = tr("Shadows status"),
                                    .progress = tr("Shadows loaded"),
                                    .cancel = tr("Cancel loading shadows"),
                                    .retry = tr("Retry loading shadows") },
                                  this))
{
    m_emptyState->setObjectName(QStringLiteral("shadowsEmptyState"));

    m_thing->setObjectName(QStringLiteral("shadowsThing"));
    m_thing->setAccessibleName(tr("Thing"));
    m_thing->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_thing->font();
    bold.setBold(true);
    m_thing->setFont(bold);

    m_view->setObjectName(QStringLiteral("shadowsView"));
    m_view->setAccessibleName(tr("Shadows"));
    m_view->setAccessibleDescription(
        tr("The thing's classic and named shadows with version, last update, keys out of sync "
           "and size"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setRootIsDecorated(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(NamedShadowsModel::Name, QHeaderView::Stretch);
    // A thing has at most a few hundred shadows: the short columns can fit their contents.
    for (const int column : { NamedShadowsModel::Version, NamedShadowsModel::Updated,
                              NamedShadowsModel::OutOfSync, NamedShadowsModel::Size })
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT shadowSelected(
                        m_model->thingName(),
                        current.data(NamedShadowsModel::ShadowNameRole).toString());
            });

    auto *reloadAction = new QAction(tr("Reload shadows"), this);
    reloadAction->setShortcut(QKeySequence::Refresh);
    reloadAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(reloadAction);
    connect(reloadAction, &QAction::triggered, this, &ShadowsPane::reload);

    connect(m_messageBar, &MessageBar::cancelRequested, m_model, &NamedShadowsModel::cancel);
    connect(m_messageBar, &MessageBar::retryRequested, m_model, &NamedShadowsModel::retry);

    QVBoxLayout *layout = addEmptyStatePages(this, m_stack, m_emptyState);
    layout->addWidget(m_thing);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_messageBar);

    connect(m_model, &NamedShadowsModel::loadingChanged, this, [this](bool loading) {
        updateState();
        if (!loading)
            Q_EMIT loadFinished();
    });
    connect(m_model, &NamedShadowsModel::progressChanged, this, &ShadowsPane::updateState);
    auto *ageTimer = new QTimer(this);
    ageTimer->setInterval(AgeRefreshMs);
    connect(ageTimer, &QTimer::timeout, m_model, &NamedShadowsModel::updateAges);
    ageTimer->start();
    updateState();
}

ShadowsPane::~ShadowsPane()
{
    // The model lets go of the source before the source goes.
    m_model->setSource(nullptr);
}

void ShadowsPane::setDataClient(Iot::IotDataClient *client)
{
    m_model->setSource(nullptr);
    m_source.reset();
    if (client) {
        m_source = std::make_unique<Iot::DataShadowSource>(client);
        m_model->setSource(m_source.get());
    }
    updateState();
}

void ShadowsPane::openThing(const QString &thingName)
{
    if (!m_source)
        return;
    m_model->openThing(thingName);
    updateState();
}

void ShadowsPane::reload()
{
    m_model->reload();
}

QString ShadowsPane::thingName() const
{
    return m_model->thingName();
}

QString ShadowsPane::statusText() const
{
    return m_messageBar->text();
}

bool ShadowsPane::selectShadow(const QString &shadowName)
{
    const int row = m_model->rowOf(shadowName);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, NamedShadowsModel::Name));
    return true;
}

std::optional<Iot::ShadowDocument> ShadowsPane::document(const QString &shadowName) const
{
    return m_model->document(shadowName);
}

void ShadowsPane::updateState()
{
    if (!m_source || m_model->thingName().isEmpty()) {
        m_emptyState->setText(m_source ? tr("Select a thing to see its shadows.")
                                       : tr("Connect to an account to see shadows."));
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    m_thing->setText(m_model->thingName());
    const bool loading = m_model->isLoading();
    const int rows = m_model->rowCount();
    const int loaded = m_model->loadedCount();
    m_messageBar->setBusy(loading);
    // Busy until every name is known, then documents loaded of rows listed.
    m_messageBar->setProgress(loaded, m_model->namesComplete() ? std::max(rows, 1) : 0);
    const QString error = m_model->errorMessage();
    if (loading) {
        m_messageBar->showInfo(rows == 0 ? tr("Loading shadows…")
                                         : tr("Loading shadows… %1 of %2").arg(loaded).arg(rows));
    } else if (m_model->isCancelled()) {
        m_messageBar->showInfo(tr("Cancelled: %1 of %2 loaded.").arg(loaded).arg(shadowCount(rows)),
                               MessageBar::Offer::Retry);
    } else if (!error.isEmpty()) {
        m_messageBar->showError(m_model->namesFailed()
                                    ? tr("Shadows did not load: %1").arg(error)
                                    : tr("%1 of %2 did not load: %3")
                                          .arg(m_model->failedCount())
                                          .arg(shadowCount(rows), error),
                                m_model->errorDetails());
    } else {
        m_messageBar->showInfo(m_model->hasClassic()
                                   ? shadowCount(rows)
                                   : tr("%1 (no classic shadow)").arg(shadowCount(rows)));
    }
}
