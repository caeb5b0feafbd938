// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadowview.h"

#include "deleteshadowdialog.h"
#include "historydialog.h"
#include "iot/apicall.h"
#include "iot/datashadowsource.h"
#include "iot/iotdataclient.h"
#include "settings/deletedshadows.h"
#include "shadow/shadowedit.h"
#include "shadoweditor.h"
#include "jsonhighlighter.h"
#include "jsontextedit.h"
#include "jsontreemodel.h"
#include "messagebar.h"
#include "namedshadowsmodel.h"
#include "semanticcolors.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace {

// Ages in the trees are minutes apart at their finest; half a minute keeps them right.
constexpr int AgeRefreshMs = 30 * 1000;

// What a tree view shows on top of JsonTreeModel: out-of-sync rows in the failure colour on a
// faint failure background, changed rows on a faint highlight background, both bold (changed
// also italic) so the marks do not rely on colour alone.
class HighlightProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    void setColors(const QColor &outOfSyncText, const QColor &outOfSyncBackground,
                   const QColor &changedBackground)
    {
        m_outOfSyncText = outOfSyncText;
        m_outOfSyncBackground = outOfSyncBackground;
        m_changedBackground = changedBackground;
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        switch (role) {
        case Qt::ForegroundRole:
            if (index.data(JsonTreeModel::OutOfSyncRole).toBool())
                return m_outOfSyncText;
            break;
        case Qt::BackgroundRole:
            if (index.data(JsonTreeModel::ChangedRole).toBool())
                return m_changedBackground;
            if (index.data(JsonTreeModel::OutOfSyncRole).toBool())
                return m_outOfSyncBackground;
            break;
        case Qt::FontRole: {
            const bool outOfSync = index.data(JsonTreeModel::OutOfSyncRole).toBool();
            const bool changed = index.data(JsonTreeModel::ChangedRole).toBool();
            if (!outOfSync && !changed)
                break;
            QFont font;
            font.setBold(true);
            font.setItalic(changed);
            return font;
        }
        default:
            break;
        }
        return QIdentityProxyModel::data(index, role);
    }

private:
    QColor m_outOfSyncText;
    QColor m_outOfSyncBackground;
    QColor m_changedBackground;
};

// A JSON object with its members in the given order (QJsonObject would sort them), each
// value already rendered, nested members indented by four spaces as QJsonDocument does.
using Members = QList<std::pair<QString, QString>>;

QString objectText(const Members &members)
{
    if (members.isEmpty())
        return QStringLiteral("{}");
    QStringList lines;
    for (const auto &[key, value] : members) {
        QString text = value;
        text.replace(u'\n', QLatin1String("\n    "));
        lines.append(QStringLiteral("    \"%1\": %2").arg(key, text));
    }
    return QLatin1String("{\n") + lines.join(QLatin1String(",\n")) + QLatin1String("\n}");
}

QString valueText(const QJsonValue &value)
{
    if (!value.isObject())
        return JsonTreeModel::jsonText(value);
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented))
        .trimmed();
}

// The document as GetThingShadow gives it, in its order (state, metadata, version,
// timestamp), for the Raw JSON tab.
QString rawJson(const Iot::ShadowDocument &document)
{
    Members state;
    Members metadata;
    if (!document.desired.isEmpty())
        state.append({ QStringLiteral("desired"), valueText(document.desired) });
    if (!document.reported.isEmpty())
        state.append({ QStringLiteral("reported"), valueText(document.reported) });
    if (!document.delta.isEmpty())
        state.append({ QStringLiteral("delta"), valueText(document.delta) });
    if (!document.desiredMetadata.isEmpty())
        metadata.append({ QStringLiteral("desired"), valueText(document.desiredMetadata) });
    if (!document.reportedMetadata.isEmpty())
        metadata.append({ QStringLiteral("reported"), valueText(document.reportedMetadata) });
    Members members { { QStringLiteral("state"), objectText(state) },
                      { QStringLiteral("metadata"), objectText(metadata) },
                      { QStringLiteral("version"), QString::number(document.version) },
                      { QStringLiteral("timestamp"), QString::number(document.timestamp) } };
    if (!document.clientToken.isEmpty())
        members.append({ QStringLiteral("clientToken"), valueText(document.clientToken) });
    return objectText(members);
}

} // namespace

ShadowView::ShadowView(Iot::IotDataClient *client, const QString &thingName,
                       const QString &shadowName, const ShadowServices &services, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_services(services)
    , m_thingName(thingName)
    , m_shadowName(shadowName)
    , m_desired(new JsonTreeModel(this))
    , m_reported(new JsonTreeModel(this))
    , m_delta(new JsonTreeModel(this))
    , m_tabs(new QTabWidget(this))
    , m_raw(new QPlainTextEdit(this))
    , m_highlighter(new JsonHighlighter(m_raw->document()))
    , m_version(new QLabel(this))
    , m_size(new QLabel(this))
    , m_sizeBar(new QProgressBar(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_history(new QPushButton(tr("History…"), this))
    , m_editor(new ShadowEditor(client, thingName, shadowName, services, this))
    , m_messageBar(new MessageBar(QStringLiteral("shadow"),
                                  MessageBar::Part::Cancel | MessageBar::Part::Retry
                                      | MessageBar::Part::Details,
                                  { .status = tr("Shadow status"),
                                    .cancel = tr("Cancel loading the shadow"),
                                    .retry = tr("Retry loading the shadow") },
                                  this))
    , m_ageTimer(new QTimer(this))
{
    const QString shadowTitle = shadowName.isEmpty() ? tr("classic shadow")
                                                     : tr("shadow \"%1\"").arg(shadowName);
    setAccessibleName(tr("%1 of %2").arg(shadowTitle, thingName));

    if (client) {
        m_source = new Iot::DataShadowSource(client, 100, this);
        connect(m_source, &ShadowSource::documentArrived, this,
                [this](quint64 generation, const QString &, const Iot::ShadowDocument &document) {
                    if (generation != m_generation)
                        return;
                    setLoading(false);
                    showDocument(document);
                    Q_EMIT loadFinished();
                });
        connect(m_source, &ShadowSource::documentMissing, this, [this](quint64 generation) {
            if (generation != m_generation)
                return;
            setLoading(false);
            m_messageBar->showError(
                tr("This shadow does not exist (any more). Saving in the Edit tab creates it."));
            m_document.reset();
            m_delete->setEnabled(false);
            m_editor->setServerDocument(std::nullopt);
            Q_EMIT loadFinished();
        });
        connect(m_source, &ShadowSource::documentFailed, this,
                [this](quint64 generation, const QString &, const QString &message,
                       const QString &details) {
                    if (generation != m_generation)
                        return;
                    setLoading(false);
                    m_messageBar->showError(tr("The shadow did not load: %1").arg(message),
                                            details);
                    Q_EMIT loadFinished();
                });
    }

    // Header: the version and the size against the limit, and Refresh.
    m_version->setObjectName(QStringLiteral("shadowVersion"));
    m_version->setAccessibleName(tr("Version"));
    m_version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_size->setObjectName(QStringLiteral("shadowSize"));
    m_size->setAccessibleName(tr("Document size"));
    m_sizeBar->setObjectName(QStringLiteral("shadowSizeBar"));
    m_sizeBar->setAccessibleName(tr("Document size against the 8 KB limit"));
    m_sizeBar->setRange(0, int(NamedShadowsModel::DocumentLimitBytes));
    m_sizeBar->setTextVisible(false);
    m_sizeBar->setMaximumWidth(12 * fontMetrics().averageCharWidth());
    m_sizeBar->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_sizeBar->setValue(0);

    auto *refreshAction = new QAction(tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refreshAction);
    connect(refreshAction, &QAction::triggered, this, &ShadowView::refresh);
    m_refresh->setObjectName(QStringLiteral("shadowRefresh"));
    m_refresh->setAccessibleName(tr("Refresh the shadow"));
    m_refresh->setAccessibleDescription(
        tr("Fetches the document again and highlights the values that changed (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    m_refresh->setToolTip(m_refresh->accessibleDescription());
    connect(m_refresh, &QPushButton::clicked, this, &ShadowView::refresh);

    // Edit, Delete and History: each an action with a shortcut while the view has the focus.
    const auto addAction = [this](const QString &text, const QKeySequence &keys, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        this->addAction(action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    const QAction *editAction = addAction(tr("Edit"), QKeySequence(Qt::CTRL | Qt::Key_E), &ShadowView::edit);
    const QAction *deleteAction = addAction(tr("Delete…"), QKeySequence(Qt::SHIFT | Qt::Key_Delete),
                                            &ShadowView::deleteShadow);
    const QAction *historyAction = addAction(tr("History…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
                                             &ShadowView::showHistory);
    m_delete->setObjectName(QStringLiteral("shadowDelete"));
    m_delete->setAccessibleName(tr("Delete the shadow"));
    m_delete->setAccessibleDescription(
        tr("Asks for the shadow's name, keeps a copy in Recently deleted, then deletes it (%1)")
            .arg(deleteAction->shortcut().toString(QKeySequence::NativeText)));
    m_delete->setToolTip(m_delete->accessibleDescription());
    m_delete->setEnabled(false);
    connect(m_delete, &QPushButton::clicked, this, &ShadowView::deleteShadow);
    m_history->setObjectName(QStringLiteral("shadowHistory"));
    m_history->setAccessibleName(tr("Version history"));
    m_history->setAccessibleDescription(
        tr("Compares any two versions fetched this session (%1)")
            .arg(historyAction->shortcut().toString(QKeySequence::NativeText)));
    m_history->setToolTip(m_history->accessibleDescription());
    m_history->setEnabled(m_services.history != nullptr);
    connect(m_history, &QPushButton::clicked, this, &ShadowView::showHistory);

    auto *header = new QHBoxLayout;
    header->addWidget(m_version);
    header->addSpacing(fontMetrics().averageCharWidth() * 2);
    header->addWidget(m_size);
    header->addWidget(m_sizeBar);
    header->addStretch(1);
    header->addWidget(m_history);
    header->addWidget(m_delete);
    header->addWidget(m_refresh);

    // The three trees side by side.
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("shadowSections"));
    const struct
    {
        JsonTreeModel *model;
        const char *objectName;
        QString title;
        QString description;
    } sections[] = {
        { m_desired, "desiredView", tr("Desired"), tr("The state the device is asked to take") },
        { m_reported, "reportedView", tr("Reported"), tr("The state the device reports") },
        { m_delta, "deltaView", tr("Delta"),
          tr("The desired values the device has not reported yet") },
    };
    const int charWidth = fontMetrics().averageCharWidth();
    for (const auto &section : sections) {
        auto *pane = new QWidget(splitter);
        auto *title = new QLabel(section.title, pane);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        auto *view = new QTreeView(pane);
        view->setObjectName(QLatin1String(section.objectName));
        view->setAccessibleName(section.title);
        view->setAccessibleDescription(section.description);
        title->setBuddy(view);
        auto *proxy = new HighlightProxy(view);
        proxy->setSourceModel(section.model);
        view->setModel(proxy);
        view->setUniformRowHeights(true);
        view->setAllColumnsShowFocus(true);
        view->header()->setStretchLastSection(false);
        view->header()->resizeSection(JsonTreeModel::Key, 16 * charWidth);
        view->header()->setSectionResizeMode(JsonTreeModel::Value, QHeaderView::Stretch);
        view->header()->resizeSection(JsonTreeModel::Updated, 12 * charWidth);
        // The trees are small (8 KB at most): keep every level open after each refresh, and
        // give keys and ages the room they need.
        // Long keys are cut at 24 characters, so the values stay readable.
        connect(proxy, &QAbstractItemModel::modelReset, view, [view, charWidth] {
            view->expandAll();
            view->resizeColumnToContents(JsonTreeModel::Key);
            view->resizeColumnToContents(JsonTreeModel::Updated);
            view->setColumnWidth(JsonTreeModel::Key,
                                 std::min(view->columnWidth(JsonTreeModel::Key), 24 * charWidth));
        });
        auto *layout = new QVBoxLayout(pane);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(title);
        layout->addWidget(view, 1);
        m_views.append(view);
    }

    m_raw->setObjectName(QStringLiteral("shadowRawJson"));
    m_raw->setAccessibleName(tr("Raw JSON"));
    m_raw->setAccessibleDescription(tr("The shadow document as GetThingShadow returns it"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_tabs->setObjectName(QStringLiteral("shadowTabs"));
    m_tabs->setAccessibleName(tr("Shadow views"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(splitter, tr("&Tree"));
    m_tabs->addTab(m_raw, tr("Raw &JSON"));
    m_editor->setObjectName(QStringLiteral("shadowEditor"));
    m_tabs->addTab(m_editor, tr("E&dit"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_editor),
                          tr("Edit desired, reported or the update document (%1)")
                              .arg(editAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_editor, &ShadowEditor::modifiedChanged, this, &ShadowView::modifiedChanged);
    connect(m_editor, &ShadowEditor::saved, this, &ShadowView::refresh);
    connect(m_editor, &ShadowEditor::documentFetched, this, &ShadowView::showDocument);

    // Status line: what is loading, what is out of sync, or what failed with Retry and Details.
    connect(m_messageBar, &MessageBar::cancelRequested, this, &ShadowView::cancel);
    connect(m_messageBar, &MessageBar::retryRequested, this, &ShadowView::refresh);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_messageBar);

    m_ageTimer->setInterval(AgeRefreshMs);
    connect(m_ageTimer, &QTimer::timeout, this, [this] {
        m_desired->updateAges();
        m_reported->updateAges();
        m_delta->updateAges();
    });
    m_ageTimer->start();
    updateColors();

    if (!m_source) {
        m_messageBar->showInfo(tr("Not connected."));
        m_refresh->setEnabled(false);
        return;
    }
    m_messageBar->showInfo(tr("Loading…"));
    QTimer::singleShot(0, this, [this] {
        if (!m_document && !m_loading)
            refresh();
    });
}

ShadowView::~ShadowView() = default;

void ShadowView::setDocument(const Iot::ShadowDocument &document)
{
    cancel();
    showDocument(document);
}

void ShadowView::edit()
{
    m_tabs->setCurrentWidget(m_editor);
    m_editor->textEdit()->setFocus(Qt::ShortcutFocusReason);
}

void ShadowView::deleteShadow()
{
    if (!m_client || !m_document || m_services.readOnly)
        return;
    auto *dialog = new DeleteShadowDialog(m_thingName, m_shadowName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        if (!m_client)
            return;
        // The copy kept is the latest document, fetched now; if it cannot be fetched or kept,
        // nothing is deleted.
        m_delete->setEnabled(false);
        m_messageBar->setBusy(true);
        m_messageBar->showInfo(tr("Deleting…"));
        Iot::ApiCall *fetch = m_client->getThingShadow(m_thingName, m_shadowName);
        connect(fetch, &Iot::ApiCall::finished, this, [this, fetch] {
            const auto fail = [this](const QString &message, const QString &details) {
                m_messageBar->setBusy(false);
                m_delete->setEnabled(m_document.has_value());
                m_messageBar->showError(message, details, MessageBar::Offer::Nothing);
            };
            if (fetch->error().isError()) {
                fail(tr("Not deleted: the latest version did not load: %1").arg(fetch->error().userMessage()),
                     QString::fromUtf8(fetch->body()));
                return;
            }
            const Iot::ShadowDocument latest = *fetch->result<Iot::ShadowDocument>();
            if (m_services.deleted) {
                Settings::DeletedShadow copy;
                copy.connectionKey = m_services.connectionKey;
                copy.thingName = m_thingName;
                copy.shadowName = m_shadowName;
                const Shadow::EditBase kept = Shadow::editBaseOf(latest);
                copy.state = kept.state;
                copy.version = kept.version;
                copy.deletedAt = QDateTime::currentDateTimeUtc();
                QString error;
                if (!m_services.deleted->add(copy, &error)) {
                    fail(tr("Not deleted: the local copy could not be kept: %1").arg(error), {});
                    return;
                }
            }
            if (!m_client) {
                fail(tr("Not deleted: the connection is gone."), {});
                return;
            }
            Iot::ApiCall *call = m_client->deleteThingShadow(m_thingName, m_shadowName);
            connect(call, &Iot::ApiCall::finished, this, [this, call, fail] {
                if (call->error().isError()) {
                    fail(tr("Not deleted: %1").arg(call->error().userMessage()), QString::fromUtf8(call->body()));
                    return;
                }
                m_messageBar->setBusy(false);
                m_document.reset();
                m_messageBar->showInfo(m_editor->isModified()
                                           ? tr("Deleted; a copy is in Recently deleted. Your unsaved edit "
                                                "is still here: saving it creates the shadow again.")
                                           : tr("Deleted. A copy is in Recently deleted."));
                Q_EMIT deleted(m_thingName, m_shadowName);
            });
        });
    });
    dialog->open();
}

void ShadowView::showHistory()
{
    if (!m_services.history)
        return;
    auto *dialog = new HistoryDialog(m_services.history, m_thingName, m_shadowName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ShadowView::closeEvent(QCloseEvent *event)
{
    if (m_editor->isBusy()) {
        // Whether the save lands decides what is left to keep: wait for it.
        m_messageBar->showInfo(tr("A save is under way: close the tab once it has finished."));
        event->ignore();
        return;
    }
    if (!m_editor->isModified()) {
        event->accept();
        return;
    }
    // On the heap, so that the view going away during the question takes the box with it.
    QPointer<QMessageBox> box = new QMessageBox(QMessageBox::Warning, tr("Unsaved changes"),
                                                tr("Your edit of %1 is not saved.").arg(accessibleName()),
                                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedChangesQuestion"));
    box->setInformativeText(tr("Keep it as a draft to take it up again later, or discard it."));
    QPushButton *keep = box->addButton(tr("&Keep as draft"), QMessageBox::AcceptRole);
    QPushButton *discard = box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box->setDefaultButton(keep);
    box->exec();
    if (!box) // the view went while the question was open
        return;
    const QAbstractButton *clicked = box->clickedButton();
    delete box;
    if (clicked == keep) {
        // If the draft cannot be written, the tab stays, with the edit and the reason.
        event->setAccepted(m_editor->saveDraftNow());
    } else if (clicked == discard) {
        m_editor->discard();
        event->accept();
    } else {
        event->ignore();
    }
}

void ShadowView::refresh()
{
    if (!m_source)
        return;
    m_source->cancelAll();
    setLoading(true);
    m_source->fetchDocument(m_thingName, m_shadowName, ++m_generation);
}

void ShadowView::cancel()
{
    if (!m_loading)
        return;
    ++m_generation;
    m_source->cancelAll();
    setLoading(false);
    m_messageBar->showInfo(m_document ? tr("Refresh cancelled.") : tr("Loading cancelled."),
                           MessageBar::Offer::Retry);
}

QString ShadowView::statusText() const
{
    return m_messageBar->text();
}

void ShadowView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColors();
}

void ShadowView::showDocument(const Iot::ShadowDocument &document)
{
    m_document = document;
    m_delete->setEnabled(m_client && !m_services.readOnly);
    m_editor->setServerDocument(document);
    m_desired->setContent(document.desired, document.desiredMetadata, document.delta);
    m_reported->setContent(document.reported, document.reportedMetadata, document.delta);
    m_delta->setContent(document.delta, document.desiredMetadata, document.delta);
    m_raw->setPlainText(rawJson(document));

    m_version->setText(tr("Version %1").arg(document.version));
    const qint64 bytes = NamedShadowsModel::documentBytes(document);
    m_size->setText(tr("%1 of 8 KB").arg(NamedShadowsModel::sizeText(bytes)));
    m_size->setToolTip(tr("%1 of %2 bytes: desired and reported, metadata not counted")
                           .arg(bytes)
                           .arg(NamedShadowsModel::DocumentLimitBytes));
    m_sizeBar->setValue(int(std::min(bytes, NamedShadowsModel::DocumentLimitBytes)));
    m_sizeBar->setAccessibleDescription(m_size->toolTip());

    const int outOfSync = NamedShadowsModel::outOfSyncCount(document);
    QString text = outOfSync == 0 ? tr("In sync.")
        : outOfSync == 1          ? tr("1 key out of sync.")
                                  : tr("%1 keys out of sync.").arg(outOfSync);
    const int changed
        = m_desired->changedLeaves() + m_reported->changedLeaves() + m_delta->changedLeaves();
    if (changed == 1)
        text = tr("%1 1 value changed since the previous refresh.").arg(text);
    else if (changed > 1)
        text = tr("%1 %2 values changed since the previous refresh.").arg(text).arg(changed);
    m_messageBar->showInfo(text);
}

void ShadowView::setLoading(bool loading)
{
    m_loading = loading;
    m_messageBar->setBusy(loading);
    m_refresh->setEnabled(!loading);
    if (loading)
        m_messageBar->showInfo(m_document ? tr("Refreshing…") : tr("Loading…"));
}

void ShadowView::updateColors()
{
    const QPalette palette = this->palette();
    const QColor negative = SemanticColors::negativeText(palette);
    const QColor base = palette.color(QPalette::Base);
    for (QTreeView *view : std::as_const(m_views)) {
        static_cast<HighlightProxy *>(view->model())
            ->setColors(negative, SemanticColors::blend(base, negative, 0.12),
                        SemanticColors::blend(base, palette.color(QPalette::Highlight), 0.3));
        view->viewport()->update();
    }
    m_highlighter->setPalette(palette);
}
