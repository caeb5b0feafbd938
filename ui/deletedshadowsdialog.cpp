// SPDX-License-Identifier: GPL-3.0-or-later
#include "deletedshadowsdialog.h"

#include "deletedshadowsmodel.h"
#include "emptystate.h"
#include "jsonhighlighter.h"
#include "messagebar.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace {

DeletedShadowsModel::Entry toEntry(const Settings::DeletedShadow &deleted)
{
    return { deleted.thingName, deleted.shadowName, deleted.state, deleted.version,
             deleted.deletedAt };
}

} // namespace

DeletedShadowsDialog::DeletedShadowsDialog(Settings::DeletedShadows *store,
                                           const QString &connectionKey, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_connectionKey(connectionKey)
    , m_model(new DeletedShadowsModel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_preview(new QPlainTextEdit(this))
    , m_highlighter(new JsonHighlighter(m_preview->document()))
    , m_recreate(new QPushButton(tr("&Re-create"), this))
    , m_forget(new QPushButton(tr("&Forget"), this))
    , m_messageBar(new MessageBar(
          QStringLiteral("deletedShadows"), MessageBar::Part::Progress | MessageBar::Part::Details,
          { .status = tr("Re-create status"), .progress = tr("Re-creating the shadow") }, this))
{
    setWindowTitle(tr("Recently Deleted Shadows"));
    resize(720, 480);

    auto *intro = new QLabel(tr("Local copies of the shadows deleted on this connection, newest "
                                "first (at most %1). Re-create sends the copy's state as a new "
                                "update.")
                                 .arg(Settings::DeletedShadows::MaxEntries),
                             this);
    intro->setWordWrap(true);

    QLabel *empty = createEmptyState(tr("No deleted shadows. Shadows you delete are kept here "
                                        "so you can re-create them."),
                                     m_stack);
    empty->setObjectName(QStringLiteral("deletedShadowsEmpty"));

    m_view->setObjectName(QStringLiteral("deletedShadowsView"));
    m_view->setAccessibleName(tr("Recently deleted shadows"));
    m_view->setAccessibleDescription(
        tr("Thing, shadow, version and when each shadow was deleted, newest first"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setSectionResizeMode(DeletedShadowsModel::Thing, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);

    m_preview->setObjectName(QStringLiteral("deletedShadowPreview"));
    m_preview->setAccessibleName(tr("Deleted shadow state"));
    m_preview->setAccessibleDescription(
        tr("The desired and reported state of the selected shadow when it was deleted, as JSON"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *splitter = new QSplitter(Qt::Vertical, m_stack);
    splitter->addWidget(m_view);
    splitter->addWidget(m_preview);
    splitter->setChildrenCollapsible(false);
    m_stack->addWidget(empty);
    m_stack->addWidget(splitter);

    m_recreate->setObjectName(QStringLiteral("deletedShadowRecreate"));
    m_recreate->setAccessibleName(tr("Re-create shadow"));
    m_recreate->setAccessibleDescription(
        tr("Creates the selected shadow again with the state it had when deleted (Ctrl+R)"));
    m_recreate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_recreate->setToolTip(tr("Re-create the selected shadow (%1)")
                               .arg(m_recreate->shortcut().toString(QKeySequence::NativeText)));
    m_recreate->setAutoDefault(false);

    m_forget->setObjectName(QStringLiteral("deletedShadowForget"));
    m_forget->setAccessibleName(tr("Forget copy"));
    m_forget->setAccessibleDescription(
        tr("Removes the selected local copy after asking; the shadow stays deleted (Delete)"));
    m_forget->setShortcut(QKeySequence(QKeySequence::Delete));
    m_forget->setToolTip(tr("Forget the selected copy (%1)")
                             .arg(m_forget->shortcut().toString(QKeySequence::NativeText)));
    m_forget->setAutoDefault(false);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_recreate, QDialogButtonBox::ActionRole);
    buttons->addButton(m_forget, QDialogButtonBox::ActionRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("deletedShadowsClose"));
    close->setAccessibleName(tr("Close"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_messageBar);
    layout->addWidget(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeletedShadowsDialog::showSelected);
    connect(m_recreate, &QPushButton::clicked, this, &DeletedShadowsDialog::recreate);
    connect(m_forget, &QPushButton::clicked, this, &DeletedShadowsDialog::forget);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_store, &Settings::DeletedShadows::changed, this, &DeletedShadowsDialog::reload);
    reload();
    m_view->setFocus();
}

DeletedShadowsDialog::~DeletedShadowsDialog() = default;

std::optional<Settings::DeletedShadow> DeletedShadowsDialog::selectedEntry() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const DeletedShadowsModel::Entry &entry = m_model->entry(current.row());
    return Settings::DeletedShadow { m_connectionKey, entry.thingName, entry.shadowName,
                                     entry.state,     entry.version,   entry.deletedAt };
}

void DeletedShadowsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette());
}

void DeletedShadowsDialog::reload()
{
    const std::optional<Settings::DeletedShadow> selected = selectedEntry();
    const int selectedRow = m_view->selectionModel()->currentIndex().row();
    const QList<Settings::DeletedShadow> entries = m_store->entries(m_connectionKey);
    std::vector<DeletedShadowsModel::Entry> rows;
    rows.reserve(size_t(entries.size()));
    std::transform(entries.cbegin(), entries.cend(), std::back_inserter(rows), toEntry);
    m_model->setEntries(std::move(rows));
    m_view->resizeColumnToContents(DeletedShadowsModel::Shadow);
    m_view->resizeColumnToContents(DeletedShadowsModel::Version);
    m_view->resizeColumnToContents(DeletedShadowsModel::Deleted);

    // The same entry if it is still there, else the one that took its place.
    int row = selected ? m_model->rowOf(toEntry(*selected)) : 0;
    if (row < 0)
        row = std::min(selectedRow, m_model->rowCount() - 1);
    if (row >= 0)
        m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                  QItemSelectionModel::ClearAndSelect
                                                      | QItemSelectionModel::Rows);
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
    showSelected();
}

void DeletedShadowsDialog::showSelected()
{
    const std::optional<Settings::DeletedShadow> entry = selectedEntry();
    m_preview->setPlainText(
        entry ? QString::fromUtf8(QJsonDocument(entry->state).toJson(QJsonDocument::Indented))
              : QString());
    m_recreate->setEnabled(entry.has_value());
    m_forget->setEnabled(entry.has_value());
}

void DeletedShadowsDialog::recreate()
{
    if (const std::optional<Settings::DeletedShadow> entry = selectedEntry())
        Q_EMIT recreateRequested(*entry);
}

void DeletedShadowsDialog::forget()
{
    const std::optional<Settings::DeletedShadow> entry = selectedEntry();
    if (!entry)
        return;
    const QString what = entry->shadowName.isEmpty()
        ? tr("the classic shadow of “%1”").arg(entry->thingName)
        : tr("the shadow “%1” of “%2”").arg(entry->shadowName, entry->thingName);
    QMessageBox confirm(QMessageBox::Warning, tr("Forget Deleted Shadow"),
                        tr("Forget the local copy of %1 (version %2)? It can then no longer be "
                           "re-created from here.")
                            .arg(what)
                            .arg(entry->version),
                        QMessageBox::Cancel, this);
    confirm.setObjectName(QStringLiteral("deletedShadowForgetConfirm"));
    QPushButton *forget = confirm.addButton(tr("&Forget"), QMessageBox::DestructiveRole);
    forget->setObjectName(QStringLiteral("deletedShadowForgetConfirmButton"));
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() == forget)
        m_store->remove(*entry);
}
