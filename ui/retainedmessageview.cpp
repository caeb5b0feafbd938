// SPDX-License-Identifier: GPL-3.0-or-later
#include "retainedmessageview.h"

#include "iot/apicall.h"
#include "iot/iotdataclient.h"
#include "iot/retainedundo.h"
#include "jsontreemodel.h"
#include "messagebar.h"
#include "payloadformat.h"
#include "retainedtopicsmodel.h"

#include <QAction>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Tab { PayloadTab, JsonTreeTab, PropertiesTab };

QString suggestedFileName(const QString &topic, Payload::Kind kind)
{
    QString base = topic.section(u'/', -1);
    if (base.isEmpty())
        base = QStringLiteral("payload");
    switch (kind) {
    case Payload::Kind::Json:
        return base + QStringLiteral(".json");
    case Payload::Kind::Text:
        return base + QStringLiteral(".txt");
    case Payload::Kind::Empty:
    case Payload::Kind::Binary:
        break;
    }
    return base + QStringLiteral(".bin");
}

} // namespace

RetainedMessageView::RetainedMessageView(Iot::IotDataClient *client, const QString &topic,
                                         QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_topic(topic)
    , m_topicLabel(new QLabel(topic, this))
    , m_qos(new QLabel(this))
    , m_modified(new QLabel(this))
    , m_size(new QLabel(this))
    , m_kind(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_save(new QPushButton(tr("&Save payload…"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_republish(new QPushButton(tr("&Edit and re-publish…"), this))
    , m_deletedBar(new QWidget(this))
    , m_deletedLabel(new QLabel(tr("Deleted ·"), m_deletedBar))
    , m_undo(new QPushButton(tr("&Undo"), m_deletedBar))
    , m_messageBar(new MessageBar(QStringLiteral("retainedMessage"),
                                  MessageBar::Part::Progress | MessageBar::Part::Retry,
                                  { .status = tr("Retained message error"),
                                    .progress = tr("Fetching the retained message"),
                                    .retry = tr("Retry fetching the retained message") },
                                  this))
    , m_tabs(new QTabWidget(this))
    , m_payload(new QPlainTextEdit(this))
    , m_jsonTree(new QTreeWidget(this))
    , m_properties(new QTableWidget(0, 2, this))
{
    setAccessibleName(tr("Retained message %1").arg(topic));

    m_topicLabel->setObjectName(QStringLiteral("retainedMessageTopic"));
    m_topicLabel->setAccessibleName(tr("Topic"));
    m_topicLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_topicLabel->setTextFormat(Qt::PlainText);
    m_topicLabel->setWordWrap(true);
    QFont topicFont = m_topicLabel->font();
    topicFont.setBold(true);
    m_topicLabel->setFont(topicFont);
    const std::pair<QLabel *, const char *> fields[] = {
        { m_qos, "retainedMessageQos" },
        { m_modified, "retainedMessageModified" },
        { m_size, "retainedMessageSize" },
        { m_kind, "retainedMessageKind" },
    };
    for (const auto &[label, name] : fields) {
        label->setObjectName(QString::fromLatin1(name));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_qos->setAccessibleName(tr("QoS"));
    m_modified->setAccessibleName(tr("Last modified"));
    m_size->setAccessibleName(tr("Payload size"));
    m_kind->setAccessibleName(tr("Payload kind"));

    m_refresh->setObjectName(QStringLiteral("retainedMessageRefresh"));
    m_refresh->setAccessibleName(tr("Fetch the retained message again"));
    m_refresh->setToolTip(tr("Fetch the message again (F5); AWS may bill each fetch"));
    auto *refreshAction = new QAction(this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refreshAction);
    connect(refreshAction, &QAction::triggered, this, &RetainedMessageView::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &RetainedMessageView::refresh);

    m_save->setObjectName(QStringLiteral("retainedMessageSave"));
    m_save->setAccessibleName(tr("Save the payload to a file"));
    m_save->setToolTip(tr("Save the payload's exact bytes to a file (Ctrl+S)"));
    m_save->setEnabled(false);
    auto *saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, [this] {
        if (m_save->isEnabled())
            chooseFileAndSave();
    });
    connect(m_save, &QPushButton::clicked, this, &RetainedMessageView::chooseFileAndSave);

    m_delete->setObjectName(QStringLiteral("retainedDelete"));
    m_delete->setAccessibleName(tr("Delete the retained message"));
    m_delete->setAccessibleDescription(
        tr("Asks first; the message is saved before it is deleted and Undo publishes it again"));
    m_delete->setToolTip(tr("Delete the retained message, saved first for Undo (Delete)"));
    auto *deleteAction = new QAction(this);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(deleteAction);
    connect(deleteAction, &QAction::triggered, this, [this] {
        if (m_delete->isEnabled())
            confirmAndDelete();
    });
    connect(m_delete, &QPushButton::clicked, this, &RetainedMessageView::confirmAndDelete);

    m_republish->setObjectName(QStringLiteral("retainedRepublish"));
    m_republish->setAccessibleName(tr("Edit and re-publish the retained message"));
    m_republish->setAccessibleDescription(
        tr("Opens the publish composer with this message's topic, payload, QoS and user "
           "properties"));
    m_republish->setToolTip(tr("Open the composer with this message (Ctrl+E)"));
    auto *republishAction = new QAction(this);
    republishAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    republishAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(republishAction);
    const auto republish = [this] {
        if (m_republish->isEnabled() && m_message)
            Q_EMIT republishRequested(*m_message);
    };
    connect(republishAction, &QAction::triggered, this, republish);
    connect(m_republish, &QPushButton::clicked, this, republish);

    m_deletedBar->setObjectName(QStringLiteral("retainedDeletedBar"));
    m_deletedBar->hide();
    m_deletedLabel->setObjectName(QStringLiteral("retainedDeleted"));
    m_deletedLabel->setAccessibleName(tr("Deletion status"));
    m_undo->setObjectName(QStringLiteral("retainedUndo"));
    m_undo->setAccessibleName(tr("Undo the delete"));
    m_undo->setAccessibleDescription(tr("Publishes the saved message again, retained"));
    m_undo->setToolTip(tr("Publish the saved message again (Ctrl+Z)"));
    auto *undoAction = new QAction(this);
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undoAction);
    connect(undoAction, &QAction::triggered, this, [this] {
        if (m_undo->isVisible() && m_undo->isEnabled())
            undoDelete();
    });
    connect(m_undo, &QPushButton::clicked, this, &RetainedMessageView::undoDelete);
    auto *deletedLine = new QHBoxLayout(m_deletedBar);
    deletedLine->setContentsMargins(0, 0, 0, 0);
    deletedLine->addWidget(m_deletedLabel);
    deletedLine->addWidget(m_undo);
    deletedLine->addStretch(1);

    m_messageBar->setStatusObjectName(QStringLiteral("retainedMessageError"));
    connect(m_messageBar, &MessageBar::retryRequested, this, &RetainedMessageView::refresh);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_payload->setObjectName(QStringLiteral("retainedMessagePayload"));
    m_payload->setAccessibleName(tr("Payload"));
    m_payload->setReadOnly(true);
    m_payload->setFont(fixed);
    m_payload->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_jsonTree->setObjectName(QStringLiteral("retainedMessageJsonTree"));
    m_jsonTree->setAccessibleName(tr("Payload as a JSON tree"));
    m_jsonTree->setHeaderLabels({ tr("Key"), tr("Value") });
    m_jsonTree->setUniformRowHeights(true);
    m_properties->setObjectName(QStringLiteral("retainedMessageProperties"));
    m_properties->setAccessibleName(tr("MQTT 5 user properties"));
    m_properties->setHorizontalHeaderLabels({ tr("Key"), tr("Value") });
    m_properties->horizontalHeader()->setStretchLastSection(true);
    m_properties->verticalHeader()->setVisible(false);
    m_properties->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->setObjectName(QStringLiteral("retainedMessageTabs"));
    m_tabs->setAccessibleName(tr("Payload views"));
    m_tabs->addTab(m_payload, tr("Payload"));
    m_tabs->addTab(m_jsonTree, tr("JSON tree"));
    m_tabs->addTab(m_properties, tr("User properties"));

    auto *form = new QFormLayout;
    form->addRow(tr("QoS:"), m_qos);
    form->addRow(tr("Last modified:"), m_modified);
    form->addRow(tr("Size:"), m_size);
    form->addRow(tr("Payload:"), m_kind);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_save);
    buttons->addWidget(m_republish);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_topicLabel);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_deletedBar);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_tabs, 1);

    updateActions();
    refresh();
}

RetainedMessageView::~RetainedMessageView()
{
    cancel();
}

bool RetainedMessageView::isLoading() const
{
    return !m_call.isNull();
}

void RetainedMessageView::refresh()
{
    cancel();
    m_messageBar->clear();
    m_messageBar->setBusy(true);
    Iot::ApiCall *call = m_client->getRetainedMessage(m_topic);
    m_call = call;
    connect(call, &Iot::ApiCall::finished, this, [this, call] {
        m_call.clear();
        m_messageBar->setBusy(false);
        if (const auto *message = call->result<Iot::RetainedMessage>())
            showMessage(*message);
        else
            showError(call->error().userMessage());
        updateActions();
        Q_EMIT loadFinished();
    });
}

bool RetainedMessageView::savePayload(const QString &fileName)
{
    if (!m_message) {
        showError(tr("There is no payload to save yet."));
        return false;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_message->payload) != m_message->payload.size()
        || !file.commit()) {
        m_messageBar->showError(
            tr("The payload was not saved to %1: %2").arg(fileName, file.errorString()), {},
            MessageBar::Offer::Nothing);
        return false;
    }
    m_messageBar->clear();
    return true;
}

void RetainedMessageView::setRetainedUndo(Iot::RetainedUndo *undo)
{
    if (m_retainedUndo)
        disconnect(m_retainedUndo, nullptr, this, nullptr);
    m_retainedUndo = undo;
    m_deleting = m_undoing = false;
    if (undo) {
        connect(undo, &Iot::RetainedUndo::stateChanged, this, &RetainedMessageView::updateActions);
        connect(undo, &Iot::RetainedUndo::removed, this,
                [this](int, const QStringList &failed) { removalEnded(failed); });
        connect(undo, &Iot::RetainedUndo::undone, this,
                [this](int, const QStringList &failed) { undoEnded(failed); });
    }
    updateActions();
}

void RetainedMessageView::confirmAndDelete()
{
    if (!m_retainedUndo || !m_message || m_deleted || m_deleting)
        return;
    QMessageBox confirm(QMessageBox::Warning, tr("Delete Retained Message"),
                        tr("Delete the retained message of “%1”?").arg(m_topic),
                        QMessageBox::Cancel, this);
    confirm.setObjectName(QStringLiteral("retainedDeleteConfirm"));
    confirm.setInformativeText(
        tr("Its payload, QoS and user properties are saved first, and only then is it deleted; "
           "Undo (Ctrl+Z) publishes it again as it was."));
    QPushButton *remove = confirm.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("retainedDeleteConfirmButton"));
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() != remove || !m_retainedUndo)
        return;
    cancel(); // a refresh in flight would show the message that is about to go
    m_messageBar->clear();
    m_messageBar->setBusy(true);
    m_deleting = true;
    m_retainedUndo->remove({ m_topic });
    updateActions();
}

void RetainedMessageView::undoDelete()
{
    if (!m_retainedUndo || !m_deleted || m_undoing
        || m_retainedUndo->undoTopics() != QStringList { m_topic })
        return;
    m_messageBar->clear();
    m_messageBar->setBusy(true);
    m_undoing = true;
    m_retainedUndo->undo();
    updateActions();
}

void RetainedMessageView::removalEnded(const QStringList &failed)
{
    const bool gone = m_retainedUndo->lastSucceeded().contains(m_topic);
    if (!m_deleting) {
        // Deleted elsewhere (a subtree from the Retained pane): say so here too.
        if (gone && !m_deleted) {
            m_deleted = true;
            updateActions();
        }
        return;
    }
    if (!gone && !failed.contains(m_topic))
        return; // another removal, queued before ours, ended
    m_deleting = false;
    m_messageBar->setBusy(false);
    if (gone) {
        m_deleted = true;
    } else {
        m_messageBar->showError(tr("The retained message was not deleted: %1").arg(failureReason()),
                                {}, MessageBar::Offer::Nothing);
    }
    updateActions();
    Q_EMIT deleteFinished(gone);
}

void RetainedMessageView::undoEnded(const QStringList &failed)
{
    const bool restored = m_retainedUndo->lastSucceeded().contains(m_topic);
    if (!m_undoing) {
        // Restored elsewhere (Undo in the Retained pane): show it as it is now.
        if (restored && m_deleted) {
            m_deleted = false;
            updateActions();
            refresh();
        }
        return;
    }
    m_undoing = false;
    m_messageBar->setBusy(false);
    if (restored) {
        m_deleted = false;
        updateActions();
        refresh();
    } else {
        m_messageBar->showError(tr("The retained message was not restored: %1")
                                    .arg(failed.contains(m_topic)
                                             ? failureReason()
                                             : tr("a newer delete was undone first; try again")),
                                {}, MessageBar::Offer::Nothing);
        updateActions();
    }
    Q_EMIT undoFinished(restored);
}

void RetainedMessageView::updateActions()
{
    const bool busy = m_deleting || m_undoing;
    m_delete->setEnabled(m_retainedUndo && m_message && !m_deleted && !busy);
    m_republish->setEnabled(m_message.has_value());
    m_deletedBar->setVisible(m_deleted);
    const bool newest
        = m_retainedUndo && m_retainedUndo->undoTopics() == QStringList { m_topic };
    m_undo->setEnabled(m_deleted && newest && !busy);
    m_undo->setToolTip(newest || !m_deleted
                           ? tr("Publish the saved message again (Ctrl+Z)")
                           : tr("Undo the deletes made after this one first (Ctrl+Z in the "
                                "Retained pane)"));
}

QString RetainedMessageView::failureReason() const
{
    if (m_retainedUndo) {
        for (const Iot::RetainedUndo::Failure &failure : m_retainedUndo->lastFailures()) {
            if (failure.topic == m_topic)
                return failure.message;
        }
    }
    return {};
}

void RetainedMessageView::cancel()
{
    if (!m_call)
        return;
    disconnect(m_call, nullptr, this, nullptr);
    m_call->cancel();
    m_call.clear();
    m_messageBar->setBusy(false);
}

void RetainedMessageView::showMessage(const Iot::RetainedMessage &message)
{
    m_message = message;
    const Payload::Kind kind = Payload::detectKind(message.payload);
    m_qos->setText(QString::number(message.qos));
    m_modified->setText(message.lastModified.isValid()
                            ? RetainedTopicsModel::formatTime(message.lastModified.toMSecsSinceEpoch())
                            : QString());
    m_size->setText(tr("%n bytes", nullptr, int(message.payload.size())));
    m_kind->setText(Payload::kindName(kind));
    m_save->setEnabled(true);

    switch (kind) {
    case Payload::Kind::Json:
        m_payload->setPlainText(Payload::prettyJson(message.payload));
        break;
    case Payload::Kind::Text:
        m_payload->setPlainText(QString::fromUtf8(message.payload));
        break;
    case Payload::Kind::Empty:
        m_payload->clear();
        break;
    case Payload::Kind::Binary:
        m_payload->setPlainText(Payload::hexDump(message.payload));
        break;
    }

    m_jsonTree->clear();
    if (kind == Payload::Kind::Json) {
        const QJsonDocument document = QJsonDocument::fromJson(message.payload);
        auto *root = new QTreeWidgetItem(m_jsonTree);
        root->setText(0, document.isArray() ? QStringLiteral("[ ]") : QStringLiteral("{ }"));
        const QJsonValue value = document.isArray() ? QJsonValue(document.array())
                                                    : QJsonValue(document.object());
        addJsonItems(root, {}, value);
        m_jsonTree->expandAll();
        m_jsonTree->resizeColumnToContents(0);
    }
    m_tabs->setTabEnabled(JsonTreeTab, kind == Payload::Kind::Json);

    m_properties->setRowCount(int(message.userProperties.size()));
    for (int row = 0; row < message.userProperties.size(); ++row) {
        m_properties->setItem(row, 0, new QTableWidgetItem(message.userProperties.at(row).key));
        m_properties->setItem(row, 1,
                              new QTableWidgetItem(message.userProperties.at(row).value));
    }
    m_tabs->setTabText(PropertiesTab, tr("User properties (%1)").arg(message.userProperties.size()));
}

void RetainedMessageView::showError(const QString &message)
{
    m_messageBar->showError(tr("The retained message did not load: %1").arg(message));
}

void RetainedMessageView::chooseFileAndSave()
{
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Save payload"),
        suggestedFileName(m_topic, m_message ? Payload::detectKind(m_message->payload)
                                             : Payload::Kind::Binary));
    if (!fileName.isEmpty())
        savePayload(fileName);
}

void RetainedMessageView::addJsonItems(QTreeWidgetItem *parent, const QString &key,
                                       const QJsonValue &value)
{
    QTreeWidgetItem *item = parent;
    if (!key.isNull()) {
        item = new QTreeWidgetItem(parent);
        item->setText(0, key);
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (item != parent)
            item->setText(1, tr("{%n keys}", nullptr, int(object.size())));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            addJsonItems(item, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (item != parent)
            item->setText(1, tr("[%n items]", nullptr, int(array.size())));
        for (qsizetype i = 0; i < array.size(); ++i)
            addJsonItems(item, QStringLiteral("[%1]").arg(i), array.at(i));
    } else {
        item->setText(1, JsonTreeModel::jsonText(value));
    }
}
