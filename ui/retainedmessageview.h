// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class MessageBar;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QJsonValue;

namespace Iot {
class ApiCall;
class IotDataClient;
class RetainedUndo;
} // namespace Iot

/**
 * One retained message, for the central workspace: fetched with GetRetainedMessage when the
 * view is created and on refresh() (F5) only, since AWS may bill every call. Shows the
 * topic, QoS, last modified time and size, the payload as indented JSON (and a tree), UTF-8
 * text or a hex dump (offset, hex, ASCII), and the MQTT 5 user properties in a table. The
 * payload can be saved to a file byte for byte (Ctrl+S). A failure is shown inline with Retry.
 * With a RetainedUndo (setRetainedUndo()), Delete… (the Delete key) deletes the message after
 * a confirmation, saving it first, and then shows "Deleted · Undo"; Undo (Ctrl+Z) publishes it
 * again as it was (while its delete is the newest). A delete or undo of this topic made
 * elsewhere through the same RetainedUndo (the Retained pane's) shows here too. Edit and
 * re-publish… (Ctrl+E) hands the message to the composer.
 *
 * Key children: "retainedMessageTopic", "retainedMessageQos", "retainedMessageModified",
 * "retainedMessageSize", "retainedMessageKind" (QLabel); "retainedMessageRefresh",
 * "retainedMessageSave", "retainedDelete", "retainedRepublish" (QPushButton); after a delete
 * "retainedDeleted" (QLabel) and "retainedUndo" (QPushButton); the confirmation is a
 * QMessageBox "retainedDeleteConfirm" with "retainedDeleteConfirmButton"; in a MessageBar "retainedMessageError" (QLabel),
 * "retainedMessageRetry" (QPushButton) and "retainedMessageProgress" (QProgressBar);
 * "retainedMessageTabs" (QTabWidget) with
 * "retainedMessagePayload" (QPlainTextEdit), "retainedMessageJsonTree" (QTreeWidget) and
 * "retainedMessageProperties" (QTableWidget).
 */
class RetainedMessageView final : public QWidget
{
    Q_OBJECT
public:
    /** @p client is not owned and must outlive the view; the message is fetched at once. */
    RetainedMessageView(Iot::IotDataClient *client, const QString &topic,
                        QWidget *parent = nullptr);
    ~RetainedMessageView() override;

    QString topic() const { return m_topic; }
    /** The message last fetched, if one was. */
    const std::optional<Iot::RetainedMessage> &message() const { return m_message; }
    bool isLoading() const;

    /** Fetches the message again (F5); a fetch in flight is abandoned. */
    void refresh();
    /**
     * Writes the payload's exact bytes to @p fileName; false, with the reason shown inline,
     * when there is no payload or the file cannot be written.
     */
    bool savePayload(const QString &fileName);

    /**
     * Deletes and restores through @p undo (not owned; nullptr: Delete… stays disabled).
     * Share one with the Retained pane, so that both use the same undo buffer.
     */
    void setRetainedUndo(Iot::RetainedUndo *undo);
    /** True after the message was deleted (here or elsewhere) and until it is restored. */
    bool isDeleted() const { return m_deleted; }

Q_SIGNALS:
    /** A fetch ended, with the message or with an error; the view is up to date. */
    void loadFinished();
    /** Edit and re-publish… was chosen: open the composer with @p message. */
    void republishRequested(const Iot::RetainedMessage &message);
    /** A delete asked for here ended; @p deleted says whether the message went. */
    void deleteFinished(bool deleted);
    /** An undo asked for here ended; @p restored says whether the message is back. */
    void undoFinished(bool restored);

private:
    void cancel();
    void showMessage(const Iot::RetainedMessage &message);
    void showError(const QString &message);
    void chooseFileAndSave();
    void confirmAndDelete();
    void undoDelete();
    void removalEnded(const QStringList &failed);
    void undoEnded(const QStringList &failed);
    void updateActions();
    /** The first failure's reason for this topic in the last operation of m_undo. */
    QString failureReason() const;
    void addJsonItems(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value);

    Iot::IotDataClient *m_client;
    QString m_topic;
    QPointer<Iot::ApiCall> m_call;
    std::optional<Iot::RetainedMessage> m_message;
    QLabel *m_topicLabel;
    QLabel *m_qos;
    QLabel *m_modified;
    QLabel *m_size;
    QLabel *m_kind;
    QPushButton *m_refresh;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_republish;
    QWidget *m_deletedBar;
    QLabel *m_deletedLabel;
    QPushButton *m_undo;
    QPointer<Iot::RetainedUndo> m_retainedUndo;
    bool m_deleting = false; ///< our remove() is running
    bool m_undoing = false;  ///< our undo() is running
    bool m_deleted = false;
    MessageBar *m_messageBar;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_payload;
    QTreeWidget *m_jsonTree;
    QTableWidget *m_properties;
};
