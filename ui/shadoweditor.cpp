// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadoweditor.h"

#include "conflictdialog.h"
#include "iot/apicall.h"
#include "iot/iotdataclient.h"
#include "jsontext.h"
#include "jsontextedit.h"
#include "messagebar.h"
#include "reviewdialog.h"
#include "settings/draftstore.h"
#include "shadow/shadowstate.h"
#include "shadow/threewaymerge.h"
#include "shadow/updatecheck.h"
#include "shadowhistory.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTextCursor>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

namespace {

// Long enough not to write on every key, short enough that a crash loses a few keys at most.
constexpr int AutosaveDelayMs = 800;

bool isConflict(const Iot::ApiError &error)
{
    return error.httpStatus == 409 || error.code == QLatin1String("ConflictException");
}

} // namespace

ShadowEditor::ShadowEditor(Iot::IotDataClient *client, const QString &thingName,
                           const QString &shadowName, const ShadowServices &services, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_thingName(thingName)
    , m_shadowName(shadowName)
    , m_services(services)
    , m_text(new JsonTextEdit(this))
    , m_modeBox(new QComboBox(this))
    , m_baseLabel(new QLabel(this))
    , m_format(new QPushButton(tr("Format"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_save(new QPushButton(tr("Save…"), this))
    , m_messageBar(new MessageBar(QStringLiteral("editor"),
                                  MessageBar::Part::Progress | MessageBar::Part::Retry
                                      | MessageBar::Part::Details,
                                  { .status = tr("Editor status"),
                                    .progress = tr("Saving"),
                                    .retry = tr("Save again") },
                                  this))
    , m_autosave(new QTimer(this))
{
    setAccessibleName(tr("Shadow editor"));

    m_text->setObjectName(QStringLiteral("shadowEditorText"));
    m_text->setAccessibleName(tr("Shadow JSON"));

    m_modeBox->setObjectName(QStringLiteral("shadowEditorMode"));
    m_modeBox->setAccessibleName(tr("What to edit"));
    m_modeBox->setAccessibleDescription(
        tr("Desired asks the device for a state; reported plays the device; the update "
           "document is sent as typed. Locked while there are unsaved changes."));
    m_modeBox->addItem(tr("Desired state"), int(Shadow::EditMode::Desired));
    m_modeBox->addItem(tr("Reported state (play the device)"), int(Shadow::EditMode::Reported));
    m_modeBox->addItem(tr("Update document"), int(Shadow::EditMode::Update));
    connect(m_modeBox, &QComboBox::activated, this, [this](int index) {
        setMode(Shadow::EditMode(m_modeBox->itemData(index).toInt()));
    });
    auto *modeLabel = new QLabel(tr("&Mode:"), this);
    modeLabel->setBuddy(m_modeBox);

    m_baseLabel->setObjectName(QStringLiteral("shadowEditorBase"));
    m_baseLabel->setAccessibleName(tr("Version the edit is based on"));
    m_baseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Actions: each has a shortcut while focus is in the editor, and a button.
    const auto addShortcut = [this](QPushButton *button, const QKeySequence &keys,
                                    const QString &description, auto slot) {
        auto *action = new QAction(button->text(), this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        connect(action, &QAction::triggered, this, slot);
        connect(button, &QPushButton::clicked, this, slot);
        const QString withKeys = QStringLiteral("%1 (%2)").arg(
            description, keys.toString(QKeySequence::NativeText));
        button->setAccessibleDescription(withKeys);
        button->setToolTip(withKeys);
    };
    m_save->setObjectName(QStringLiteral("shadowEditorSave"));
    m_save->setAccessibleName(tr("Save the shadow"));
    addShortcut(m_save, QKeySequence::Save,
                tr("Shows the exact update, then sends it with the version the edit started from"),
                &ShadowEditor::save);
    m_revert->setObjectName(QStringLiteral("shadowEditorRevert"));
    m_revert->setAccessibleName(tr("Revert the edit"));
    addShortcut(m_revert, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                tr("Drops the unsaved changes (asks first)"), &ShadowEditor::revert);
    m_format->setObjectName(QStringLiteral("shadowEditorFormat"));
    m_format->setAccessibleName(tr("Format the JSON"));
    connect(m_format, &QPushButton::clicked, m_text, &JsonTextEdit::formatText);
    m_format->setToolTip(tr("Indents the JSON, keeping the members' order (%1 in the text)")
                             .arg(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)
                                      .toString(QKeySequence::NativeText)));
    m_format->setAccessibleDescription(m_format->toolTip());

    auto *header = new QHBoxLayout;
    header->addWidget(modeLabel);
    header->addWidget(m_modeBox);
    header->addSpacing(fontMetrics().averageCharWidth() * 2);
    header->addWidget(m_baseLabel, 1);
    header->addWidget(m_format);
    header->addWidget(m_revert);
    header->addWidget(m_save);

    connect(m_messageBar, &MessageBar::retryRequested, this, &ShadowEditor::save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_messageBar);

    m_autosave->setSingleShot(true);
    m_autosave->setInterval(AutosaveDelayMs);
    connect(m_autosave, &QTimer::timeout, this, &ShadowEditor::saveDraftNow);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        // A refresh replacing unmodified text has nothing to keep or forget.
        const bool wasModified = m_modified;
        updateModified();
        if (m_services.drafts && (wasModified || m_modified))
            m_autosave->start();
    });
    connect(m_text, &JsonTextEdit::validityChanged, this, &ShadowEditor::updateActions);
    connect(m_text, &JsonTextEdit::errorChanged, this, &ShadowEditor::updateActions);

    if (m_services.readOnly) {
        m_text->setReadOnly(true);
        m_messageBar->showInfo(tr("Read-only session: editing is off."));
    }
    updateActions();
    // An edit left unsaved (closed as a draft, or lost in a crash) is taken up again.
    if (m_services.drafts) {
        if (const auto draft = m_services.drafts->load(m_services.connectionKey, thingName, shadowName))
            restoreDraft(*draft);
    }
}

ShadowEditor::~ShadowEditor()
{
    // Whatever was typed since the last autosave goes to the draft before the editor goes.
    if (m_autosave->isActive())
        saveDraftNow();
}

QString ShadowEditor::title() const
{
    return m_shadowName.isEmpty() ? tr("%1 · classic").arg(m_thingName)
                                  : tr("%1 · %2").arg(m_thingName, m_shadowName);
}

QString ShadowEditor::initialText() const
{
    return JsonText::toText(Shadow::initialObject(m_base, m_mode));
}

QString ShadowEditor::statusText() const
{
    return m_messageBar->text();
}

void ShadowEditor::setServerDocument(const std::optional<Iot::ShadowDocument> &document)
{
    const Shadow::EditBase base = Shadow::editBaseOf(document);
    if (m_services.history && document)
        m_services.history->record(m_thingName, m_shadowName, *document);
    if (m_modified || m_busy) {
        if (base.version != m_base.version)
            m_server = base;
        updateActions();
        return;
    }
    setBase(base);
    replaceText(initialText());
    m_baseText = m_text->toPlainText();
    updateModified();
}

void ShadowEditor::setBase(const Shadow::EditBase &base)
{
    m_base = base;
    m_hasBase = true;
    m_server.reset();
    updateActions();
}

void ShadowEditor::restoreDraft(const Settings::Draft &draft)
{
    m_mode = Shadow::editModeFromKey(draft.mode).value_or(Shadow::EditMode::Desired);
    m_modeBox->setCurrentIndex(m_modeBox->findData(int(m_mode)));
    setBase(Shadow::EditBase{draft.baseState, draft.baseVersion});
    m_baseText = initialText();
    replaceText(draft.text);
    updateModified();
    m_messageBar->showInfo(tr("Restored your unsaved edit from %1.")
                               .arg(QLocale().toString(draft.savedAt.toLocalTime(), QLocale::ShortFormat)));
}

void ShadowEditor::setMode(Shadow::EditMode mode)
{
    if (m_modified) {
        // The mode box is disabled then; a caller gets the same answer.
        m_modeBox->setCurrentIndex(m_modeBox->findData(int(m_mode)));
        return;
    }
    m_mode = mode;
    m_modeBox->setCurrentIndex(m_modeBox->findData(int(mode)));
    replaceText(initialText());
    m_baseText = m_text->toPlainText();
    updateModified();
}

void ShadowEditor::replaceText(const QString &text)
{
    if (m_text->toPlainText() == text)
        return;
    // One undo step, so Ctrl+Z gets back what was there.
    QTextCursor cursor(m_text->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
}

void ShadowEditor::updateModified()
{
    const bool modified = m_hasBase && m_text->toPlainText() != m_baseText;
    if (modified == m_modified)
        return;
    m_modified = modified;
    updateActions();
    Q_EMIT modifiedChanged(modified);
}

void ShadowEditor::updateActions()
{
    const bool canWrite = !m_services.readOnly && m_client && m_hasBase && !m_busy;
    m_save->setEnabled(canWrite && m_text->isValid());
    m_revert->setEnabled(m_modified && !m_busy);
    m_modeBox->setEnabled(!m_modified && !m_busy);
    // Nothing is typed before there is a base to compare it with, nor while a save is out.
    m_text->setReadOnly(m_services.readOnly || !m_hasBase || m_busy);
    m_format->setEnabled(m_text->isValid() && !m_text->isReadOnly());

    QString base = !m_hasBase      ? tr("Loading…")
        : m_base.exists()          ? tr("Based on version %1").arg(m_base.version)
                                   : tr("New shadow");
    if (m_server && m_modified)
        base = tr("%1 · the server has version %2 (saving merges)").arg(base).arg(m_server->version);
    if (m_modified)
        base = tr("%1 · unsaved changes").arg(base);
    m_baseLabel->setText(base);

    // The syntax error shown is cleared once the text is valid, unless something replaced it.
    if (const auto error = m_text->error(); error && !m_busy) {
        m_syntaxError = tr("Line %1, column %2: %3").arg(error->line).arg(error->column).arg(error->message);
        m_messageBar->showError(m_syntaxError, {}, MessageBar::Offer::Nothing);
    } else if (!m_busy && !m_syntaxError.isEmpty()) {
        if (m_messageBar->text() == m_syntaxError)
            m_messageBar->clear();
        m_syntaxError.clear();
    }
}

bool ShadowEditor::saveDraftNow()
{
    m_autosave->stop();
    if (!m_services.drafts)
        return true;
    if (!m_modified) {
        m_services.drafts->remove(m_services.connectionKey, m_thingName, m_shadowName);
        return true;
    }
    Settings::Draft draft;
    draft.connectionKey = m_services.connectionKey;
    draft.thingName = m_thingName;
    draft.shadowName = m_shadowName;
    draft.mode = Shadow::editModeKey(m_mode);
    draft.text = m_text->toPlainText();
    draft.baseVersion = m_base.version;
    draft.baseState = m_base.state;
    QString error;
    if (m_services.drafts->save(draft, &error))
        return true;
    m_messageBar->showError(tr("Your edit could not be kept as a draft: %1").arg(error), {},
                            MessageBar::Offer::Nothing);
    return false;
}

void ShadowEditor::revert()
{
    if (!m_modified || m_busy)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Revert the edit?"),
                                tr("Drop your unsaved changes to %1 and show version %2 again?")
                                    .arg(title())
                                    .arg(m_base.version),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("revertConfirmation"));
    QPushButton *drop = box->addButton(tr("&Drop changes"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, drop](QAbstractButton *button) {
        if (button == drop)
            discard();
    });
    box->open();
}

void ShadowEditor::discard()
{
    if (m_server) {
        setBase(*m_server);
        m_baseText = initialText();
    }
    replaceText(m_baseText);
    updateModified();
    saveDraftNow();
    m_messageBar->clear();
}

void ShadowEditor::save()
{
    if (!m_save->isEnabled()) {
        if (const auto error = m_text->error())
            m_text->setFocus(Qt::OtherFocusReason);
        return;
    }
    const Shadow::PreparedUpdate update = Shadow::prepareUpdate(
        m_base, m_mode, m_text->object(), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (update.changesNothing && m_mode != Shadow::EditMode::Update) {
        m_messageBar->showInfo(tr("Nothing to save: the text holds what version %1 holds.")
                                   .arg(m_base.version));
        return;
    }
    const Shadow::UpdatePreview preview
        = Shadow::previewUpdate(update.body, Shadow::storedStateOf(m_base), m_base.version);
    auto *review = new ReviewDialog(title(), m_base, update, preview, this);
    review->setAttribute(Qt::WA_DeleteOnClose);
    connect(review, &QDialog::accepted, this, [this, base = m_base, update] { send(base, update); });
    review->open();
}

void ShadowEditor::send(const Shadow::EditBase &base, const Shadow::PreparedUpdate &update)
{
    if (!m_client)
        return;
    // Whatever happens to the request, the edit is on disk first.
    saveDraftNow();
    m_busy = true;
    updateActions();
    m_messageBar->setBusy(true);
    m_messageBar->showInfo(tr("Saving…"));
    Iot::ApiCall *call = m_client->updateThingShadow(m_thingName, m_shadowName, update.body);
    connect(call, &Iot::ApiCall::finished, this, [this, call, base, update] {
        m_busy = false;
        m_messageBar->setBusy(false);
        const Iot::ApiError &error = call->error();
        if (!error.isError()) {
            const auto *accepted = call->result<Iot::ShadowDocument>();
            const qint64 version = accepted ? accepted->version : m_base.version + 1;
            setBase(Shadow::EditBase{update.mine, version});
            m_baseText = m_mode == Shadow::EditMode::Update
                ? initialText()
                : m_text->toPlainText();
            replaceText(m_baseText);
            updateModified();
            saveDraftNow();
            m_messageBar->showInfo(tr("Saved as version %1.").arg(version));
            Q_EMIT saved(version);
            return;
        }
        updateActions();
        if (isConflict(error)) {
            resolveConflict(base, update);
            return;
        }
        // The service's own words, as it gave them; the edit stays as it is.
        m_messageBar->showError(tr("Not saved (your edit is kept): %1").arg(error.userMessage()),
                                QString::fromUtf8(call->body()));
    });
}

void ShadowEditor::resolveConflict(const Shadow::EditBase &base, const Shadow::PreparedUpdate &update)
{
    if (!m_client) {
        m_messageBar->showError(tr("Not saved: someone else saved this shadow, and the connection "
                                   "is gone (your edit is kept)."),
                                {}, MessageBar::Offer::Nothing);
        return;
    }
    m_busy = true;
    updateActions();
    m_messageBar->setBusy(true);
    m_messageBar->showInfo(tr("Someone else saved this shadow since version %1; fetching theirs to merge…")
                               .arg(base.version));
    Iot::ApiCall *call = m_client->getThingShadow(m_thingName, m_shadowName);
    connect(call, &Iot::ApiCall::finished, this, [this, call, base, update] {
        m_busy = false;
        m_messageBar->setBusy(false);
        updateActions();
        const Iot::ApiError &error = call->error();
        if (error.httpStatus == 404) {
            merge(base, update, Shadow::EditBase{});
            return;
        }
        if (error.isError()) {
            m_messageBar->showError(tr("The latest version did not load, so nothing was merged "
                                       "(your edit is kept): %1")
                                        .arg(error.userMessage()),
                                    QString::fromUtf8(call->body()));
            return;
        }
        const Iot::ShadowDocument theirs = *call->result<Iot::ShadowDocument>();
        merge(base, update, Shadow::editBaseOf(theirs));
        Q_EMIT documentFetched(theirs);
    });
}

void ShadowEditor::merge(const Shadow::EditBase &base, const Shadow::PreparedUpdate &update,
                         const Shadow::EditBase &theirs)
{
    // The base is the one the update was made from, whatever was fetched since.
    const Shadow::ThreeWayMergeResult result = Shadow::threeWayMerge(base.state, update.mine, theirs.state);
    m_server = theirs;
    updateActions();
    auto *dialog = new ConflictDialog(title(), base.version, theirs.version, result, update.mine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, theirs] {
        const QJsonObject resolved = dialog->resolvedState();
        // The edit now starts from their version and holds the merged state; the review shows
        // what that sends.
        setBase(theirs);
        m_baseText = initialText();
        // Overwriting keeps the text: its update, now made against their version, replaces
        // what they saved in the part the edit touches.
        if (!dialog->overwrites()) {
            if (m_mode == Shadow::EditMode::Update) {
                replaceText(JsonText::toText(Shadow::updateDocumentBetween(theirs.state, resolved)));
            } else {
                replaceText(JsonText::toText(Shadow::initialObject({resolved, theirs.version}, m_mode)));
            }
        }
        updateModified();
        saveDraftNow();
        if (m_modified)
            save();
        else
            m_messageBar->showInfo(tr("Their version %1 already holds your changes.").arg(theirs.version));
    });
    connect(dialog, &QDialog::rejected, this, [this, theirs] {
        m_messageBar->showInfo(tr("Not saved: your edit is kept, based on version %1; the server has "
                                  "version %2. Save again to merge.")
                                   .arg(m_base.version)
                                   .arg(theirs.version));
    });
    dialog->open();
}
