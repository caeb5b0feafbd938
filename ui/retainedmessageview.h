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
} // namespace Iot

/**
 * One retained message, for the central workspace: fetched with GetRetainedMessage when the
 * view is created and on refresh() (F5) only, since AWS may bill every call. Shows the
 * topic, QoS, last modified time and size, the payload as indented JSON (and a tree), UTF-8
 * text or a hex dump (offset, hex, ASCII), and the MQTT 5 user properties in a table. The
 * payload can be saved to a file byte for byte (Ctrl+S). A failure is shown inline with Retry.
 *
 * Key children: "retainedMessageTopic", "retainedMessageQos", "retainedMessageModified",
 * "retainedMessageSize", "retainedMessageKind" (QLabel); "retainedMessageRefresh",
 * "retainedMessageSave" (QPushButton); in a MessageBar "retainedMessageError" (QLabel),
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

Q_SIGNALS:
    /** A fetch ended, with the message or with an error; the view is up to date. */
    void loadFinished();

private:
    void cancel();
    void showMessage(const Iot::RetainedMessage &message);
    void showError(const QString &message);
    void chooseFileAndSave();
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
    MessageBar *m_messageBar;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_payload;
    QTreeWidget *m_jsonTree;
    QTableWidget *m_properties;
};
