// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"
#include "publishdraft.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class JsonTextEdit;
class MessageBar;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QStringListModel;
class QTableView;
class QTimer;
class QToolButton;
class UserPropertiesModel;

namespace Iot {
class ApiCall;
class IotDataClient;
} // namespace Iot

/**
 * The publish composer (issue 6): a topic, a payload typed as JSON (JsonTextEdit), text,
 * base64 or hex, read from a file or left empty, its size against AWS's 128 KB limit, QoS,
 * Retain and the MQTT 5 properties. Every field is checked as it is typed (after a short
 * pause) and the problem shown under it in the failure colour; send() (Ctrl+Return) expands
 * ${thing}, ${timestamp}, ${iso8601} and ${uuid}, refuses a draft with problems before any
 * request (focusing the first field at fault) and otherwise publishes it, showing the outcome
 * inline. Nothing typed is cleared by a send.
 *
 * Key children: "publishTopic" (QLineEdit, with a QCompleter), "publishMode" (QComboBox, in
 * PayloadMode order) switching "publishPayloadStack" (QStackedWidget) between
 * "publishPayloadJson" (JsonTextEdit), "publishPayloadText" (QPlainTextEdit: text, base64,
 * hex), "publishFile" (QLineEdit) with "publishBrowse" (QPushButton), and an empty page;
 * "publishSize" (QLabel), "publishQos" (QComboBox), "publishRetain" (QCheckBox);
 * "publishPropertiesToggle" (QToolButton) showing "publishProperties" with
 * "publishContentType", "publishResponseTopic", "publishCorrelationData" (QLineEdit),
 * "publishPayloadFormat", "publishCorrelationEncoding" (QComboBox), "publishMessageExpiry"
 * (QSpinBox, 0 = not set), "publishUserProperties" (QTableView over a UserPropertiesModel),
 * "publishAddProperty", "publishRemoveProperty" (QPushButton); "publishSend" (QPushButton);
 * "publishReadOnlyNote" (QLabel); and in a MessageBar "publishStatus" (QLabel),
 * "publishRetry" and "publishDetailsButton". Each field's problem shows in a QLabel named
 * after it: "publishTopicProblem", "publishPayloadProblem", "publishQosProblem",
 * "publishResponseTopicProblem", "publishCorrelationDataProblem",
 * "publishMessageExpiryProblem", "publishUserPropertiesProblem".
 *
 * @see Publish::buildRequest, Iot::IotDataClient::publish
 */
class PublishComposer final : public QWidget
{
    Q_OBJECT
public:
    /** Publishes through @p client (not owned; nullptr: not connected). */
    explicit PublishComposer(Iot::IotDataClient *client, QWidget *parent = nullptr);
    ~PublishComposer() override;

    /** Fills the form with @p draft (its payload text goes to its mode's editor). */
    void setDraft(const Publish::Draft &draft);
    /** The form as typed (variables not expanded). */
    Publish::Draft draft() const;
    /**
     * Completion for the topic field: retained topics, history, the open thing's shadow
     * topics (the lead fills it). Matches anywhere in a topic.
     */
    void setTopicSuggestions(const QStringList &topics);
    /** What ${thing} expands to. */
    void setThingName(const QString &thingName);
    /** Read-only session: Send is disabled and a note says why. */
    void setReadOnly(bool readOnly);
    /** Whether a publish is in flight (Send is disabled meanwhile). */
    bool isSending() const;

public Q_SLOTS:
    /**
     * Publishes the form (Ctrl+Return, Ctrl+Enter): the variables expanded, every problem
     * shown at its field and nothing sent when there is one.
     */
    void send();

Q_SIGNALS:
    /**
     * A publish succeeded: @p request as sent, @p draft as typed. The lead records history
     * and refreshes the retained pane.
     */
    void published(const Iot::PublishRequest &request, const Publish::Draft &draft);

protected:
    void changeEvent(QEvent *event) override;

private:
    /** A field that buildRequest() may find fault with, and where its problem shows. */
    struct Field
    {
        QString name; ///< Publish::Problem::field
        QWidget *widget; ///< focused when it is the first at fault
        QLabel *problem;
    };

    QLabel *addProblemLabel(const QString &field, QWidget *widget, const QString &fieldName);
    QWidget *payloadEditor() const;
    void modeChanged();
    void validate();
    /** Shows @p problems at their fields (and clears the others); the first one's field. */
    QWidget *showProblems(const QList<Publish::Problem> &problems);
    void updateSize();
    void updateSendEnabled();
    void updateProblemColors();
    void setPropertiesVisible(bool visible);
    void chooseFile();
    void finished(Iot::ApiCall *call, const Iot::PublishRequest &request,
                  const Publish::Draft &draft);

    QPointer<Iot::IotDataClient> m_client;
    QPointer<Iot::ApiCall> m_call;
    QString m_thingName;
    bool m_readOnly = false;
    QList<Field> m_fields;

    QLineEdit *m_topic;
    QStringListModel *m_suggestions;
    QComboBox *m_mode;
    QStackedWidget *m_payloadStack;
    JsonTextEdit *m_json;
    QPlainTextEdit *m_text;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QLabel *m_size;
    QComboBox *m_qos;
    QCheckBox *m_retain;
    QToolButton *m_propertiesToggle;
    QWidget *m_properties;
    QLineEdit *m_contentType;
    QComboBox *m_payloadFormat;
    QLineEdit *m_responseTopic;
    QLineEdit *m_correlation;
    QComboBox *m_correlationEncoding;
    QSpinBox *m_expiry;
    UserPropertiesModel *m_userProperties;
    QTableView *m_userPropertiesView;
    QPushButton *m_addProperty;
    QPushButton *m_removeProperty;
    QPushButton *m_send;
    QLabel *m_readOnlyNote;
    MessageBar *m_status;
    QTimer *m_validation;
    bool m_sizeOver = false;
};
