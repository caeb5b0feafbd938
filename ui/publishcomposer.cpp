// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishcomposer.h"

#include "iot/apicall.h"
#include "iot/datashadowsource.h"
#include "iot/iotdataclient.h"
#include "jsontextedit.h"
#include "messagebar.h"
#include "semanticcolors.h"
#include "userpropertiesmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <limits>

namespace {

// Long enough not to check on every key, short enough to feel live.
constexpr int ValidationDelayMs = 150;

// The payload stack's pages.
enum Page { JsonPage, TextPage, FilePage, EmptyPage };

Page pageFor(Publish::PayloadMode mode)
{
    switch (mode) {
    case Publish::PayloadMode::Json:
        return JsonPage;
    case Publish::PayloadMode::Text:
    case Publish::PayloadMode::Base64:
    case Publish::PayloadMode::Hex:
        return TextPage;
    case Publish::PayloadMode::File:
        return FilePage;
    case Publish::PayloadMode::Empty:
        return EmptyPage;
    }
    return JsonPage;
}

// How many bytes @p draft's payload has, decoding leniently so that a size shows while the
// text is still being typed (and for a file, without reading it).
qint64 payloadSize(const Publish::Draft &draft)
{
    switch (draft.mode) {
    case Publish::PayloadMode::Json:
    case Publish::PayloadMode::Text:
        return draft.payloadText.toUtf8().size();
    case Publish::PayloadMode::Base64:
        return QByteArray::fromBase64(draft.payloadText.toLatin1()).size();
    case Publish::PayloadMode::Hex:
        return QByteArray::fromHex(draft.payloadText.toLatin1()).size();
    case Publish::PayloadMode::File:
        return draft.payloadText.isEmpty() ? 0 : QFileInfo(draft.payloadText).size();
    case Publish::PayloadMode::Empty:
        return 0;
    }
    return 0;
}

} // namespace

PublishComposer::PublishComposer(Iot::IotDataClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_topic(new QLineEdit(this))
    , m_suggestions(new QStringListModel(this))
    , m_mode(new QComboBox(this))
    , m_payloadStack(new QStackedWidget(this))
    , m_json(new JsonTextEdit(this))
    , m_text(new QPlainTextEdit(this))
    , m_file(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_size(new QLabel(this))
    , m_qos(new QComboBox(this))
    , m_retain(new QCheckBox(tr("&Retain"), this))
    , m_propertiesToggle(new QToolButton(this))
    , m_properties(new QWidget(this))
    , m_contentType(new QLineEdit(this))
    , m_payloadFormat(new QComboBox(this))
    , m_responseTopic(new QLineEdit(this))
    , m_correlation(new QLineEdit(this))
    , m_correlationEncoding(new QComboBox(this))
    , m_expiry(new QSpinBox(this))
    , m_userProperties(new UserPropertiesModel(this))
    , m_userPropertiesView(new QTableView(this))
    , m_addProperty(new QPushButton(tr("&Add property"), this))
    , m_removeProperty(new QPushButton(tr("Remove propert&y"), this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_readOnlyNote(new QLabel(this))
    , m_status(new MessageBar(
          QStringLiteral("publish"), MessageBar::Part::Retry | MessageBar::Part::Details,
          { .status = tr("Publish status"), .retry = tr("Publish again") }, this))
    , m_validation(new QTimer(this))
{
    setAccessibleName(tr("Publish composer"));

    m_topic->setObjectName(QStringLiteral("publishTopic"));
    m_topic->setAccessibleName(tr("Topic"));
    m_topic->setAccessibleDescription(
        tr("The MQTT topic to publish to: no + or #, at most 256 bytes and 7 slashes; "
           "${thing}, ${timestamp}, ${iso8601} and ${uuid} are expanded when sending"));
    m_topic->setPlaceholderText(tr("e.g. factory/line-1/${thing}/telemetry"));
    m_topic->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_suggestions, this);
    completer->setCaseSensitivity(Qt::CaseSensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_topic->setCompleter(completer);

    m_mode->setObjectName(QStringLiteral("publishMode"));
    m_mode->setAccessibleName(tr("Payload mode"));
    m_mode->setAccessibleDescription(tr("How the payload is typed: JSON, text, base64, hex, "
                                        "a file's bytes, or no payload"));
    // In Publish::PayloadMode order, so the index is the mode.
    m_mode->addItems({ tr("JSON"), tr("Text"), tr("Base64"), tr("Hex"), tr("File"), tr("Empty") });

    m_payloadStack->setObjectName(QStringLiteral("publishPayloadStack"));
    m_json->setObjectName(QStringLiteral("publishPayloadJson"));
    m_json->setAccessibleName(tr("JSON payload"));
    m_json->setAccessibleDescription(tr("The payload as JSON, checked as it is typed; "
                                        "Ctrl+Shift+F formats it"));
    m_json->setPlainText(QStringLiteral("{\n}"));
    m_text->setObjectName(QStringLiteral("publishPayloadText"));
    m_text->setAccessibleName(tr("Payload text"));
    m_text->setAccessibleDescription(tr("The payload typed as text, base64 or hex"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTabChangesFocus(true);
    m_file->setObjectName(QStringLiteral("publishFile"));
    m_file->setAccessibleName(tr("Payload file"));
    m_file->setAccessibleDescription(tr("The path of the file whose bytes are sent as they are"));
    m_file->setPlaceholderText(tr("A file whose bytes are sent as the payload"));
    m_browse->setObjectName(QStringLiteral("publishBrowse"));
    m_browse->setAccessibleName(tr("Choose the payload file"));
    m_browse->setAccessibleDescription(tr("Opens a file dialog to choose the payload file"));
    auto *emptyNote = new QLabel(tr("The message is sent without a payload. Retained with an "
                                    "empty payload, it deletes the topic's retained message."),
                                 this);
    emptyNote->setObjectName(QStringLiteral("publishEmptyNote"));
    emptyNote->setWordWrap(true);
    emptyNote->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *filePage = new QWidget(this);
    auto *fileLayout = new QHBoxLayout;
    fileLayout->setContentsMargins({});
    fileLayout->addWidget(m_file, 1);
    fileLayout->addWidget(m_browse);
    auto *filePageLayout = new QVBoxLayout(filePage);
    filePageLayout->setContentsMargins({});
    filePageLayout->addLayout(fileLayout);
    filePageLayout->addStretch(1);
    m_payloadStack->insertWidget(JsonPage, m_json);
    m_payloadStack->insertWidget(TextPage, m_text);
    m_payloadStack->insertWidget(FilePage, filePage);
    m_payloadStack->insertWidget(EmptyPage, emptyNote);

    m_size->setObjectName(QStringLiteral("publishSize"));
    m_size->setAccessibleName(tr("Payload size"));
    m_size->setAccessibleDescription(tr("The payload's size in bytes against AWS IoT's limit"));

    m_qos->setObjectName(QStringLiteral("publishQos"));
    m_qos->setAccessibleName(tr("Quality of service"));
    m_qos->setAccessibleDescription(tr("0: at most once; 1: at least once"));
    m_qos->addItems({ tr("0 (at most once)"), tr("1 (at least once)") });
    m_retain->setObjectName(QStringLiteral("publishRetain"));
    m_retain->setAccessibleName(tr("Retain"));
    m_retain->setAccessibleDescription(
        tr("AWS IoT keeps the message as the topic's retained message"));

    m_propertiesToggle->setObjectName(QStringLiteral("publishPropertiesToggle"));
    m_propertiesToggle->setText(tr("MQTT &5 properties"));
    m_propertiesToggle->setAccessibleName(tr("MQTT 5 properties"));
    m_propertiesToggle->setAccessibleDescription(
        tr("Shows or hides content type, payload format, response topic, correlation data, "
           "message expiry and user properties"));
    m_propertiesToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_propertiesToggle->setCheckable(true);
    m_propertiesToggle->setAutoRaise(true);
    m_properties->setObjectName(QStringLiteral("publishProperties"));
    m_contentType->setObjectName(QStringLiteral("publishContentType"));
    m_contentType->setAccessibleName(tr("Content type"));
    m_contentType->setAccessibleDescription(tr("The payload's MIME type, e.g. application/json"));
    m_payloadFormat->setObjectName(QStringLiteral("publishPayloadFormat"));
    m_payloadFormat->setAccessibleName(tr("Payload format indicator"));
    m_payloadFormat->setAccessibleDescription(
        tr("Whether the payload is declared UTF-8 text, bytes, or not declared"));
    // In Iot::PayloadFormat order.
    m_payloadFormat->addItems({ tr("Not set"), tr("Bytes"), tr("UTF-8") });
    m_responseTopic->setObjectName(QStringLiteral("publishResponseTopic"));
    m_responseTopic->setAccessibleName(tr("Response topic"));
    m_responseTopic->setAccessibleDescription(tr("Where a receiver should answer; no wildcards"));
    m_correlation->setObjectName(QStringLiteral("publishCorrelationData"));
    m_correlation->setAccessibleName(tr("Correlation data"));
    m_correlation->setAccessibleDescription(
        tr("Bytes that tie a response to this request, typed as chosen beside it"));
    m_correlationEncoding->setObjectName(QStringLiteral("publishCorrelationEncoding"));
    m_correlationEncoding->setAccessibleName(tr("Correlation data encoding"));
    m_correlationEncoding->setAccessibleDescription(
        tr("Whether the correlation data is typed as text, hex or base64"));
    // In Publish::BytesEncoding order.
    m_correlationEncoding->addItems({ tr("Text"), tr("Hex"), tr("Base64") });
    m_expiry->setObjectName(QStringLiteral("publishMessageExpiry"));
    m_expiry->setAccessibleName(tr("Message expiry"));
    m_expiry->setAccessibleDescription(
        tr("Seconds the message lives; the lowest value means not set"));
    m_expiry->setRange(0, std::numeric_limits<int>::max());
    m_expiry->setSpecialValueText(tr("Not set"));
    m_expiry->setSuffix(tr(" s"));
    m_userPropertiesView->setObjectName(QStringLiteral("publishUserProperties"));
    m_userPropertiesView->setModel(m_userProperties);
    m_userPropertiesView->setAccessibleName(tr("User properties"));
    m_userPropertiesView->setAccessibleDescription(
        tr("MQTT 5 user properties sent with the message, in order; names may repeat"));
    m_userPropertiesView->horizontalHeader()->setStretchLastSection(true);
    m_userPropertiesView->verticalHeader()->setVisible(false);
    m_userPropertiesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_userPropertiesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_userPropertiesView->setTabKeyNavigation(false);
    m_addProperty->setObjectName(QStringLiteral("publishAddProperty"));
    m_addProperty->setAccessibleName(tr("Add a user property"));
    m_addProperty->setAccessibleDescription(tr("Appends a row and starts editing its name"));
    m_removeProperty->setObjectName(QStringLiteral("publishRemoveProperty"));
    m_removeProperty->setAccessibleName(tr("Remove the selected user properties"));
    m_removeProperty->setAccessibleDescription(
        tr("Removes the selected rows of the table (Delete in the table)"));
    m_removeProperty->setEnabled(false);

    m_send->setObjectName(QStringLiteral("publishSend"));
    m_send->setAccessibleName(tr("Send"));
    m_send->setAccessibleDescription(tr("Publishes the message (Ctrl+Return)"));
    m_send->setToolTip(tr("Publish the message (Ctrl+Return)"));
    m_readOnlyNote->setObjectName(QStringLiteral("publishReadOnlyNote"));
    m_readOnlyNote->setAccessibleName(tr("Why sending is off"));
    m_readOnlyNote->setText(
        tr("This session is read-only: nothing can be published. Connect without "
           "read-only to send."));
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->hide();
    m_status->setStatusObjectName(QStringLiteral("publishStatus"));

    // Layout: the message on top, the MQTT 5 properties folded under it, Send at the bottom.
    auto *topicLabel = new QLabel(tr("&Topic:"), this);
    topicLabel->setBuddy(m_topic);
    auto *modeLabel = new QLabel(tr("Pay&load:"), this);
    modeLabel->setBuddy(m_mode);
    auto *qosLabel = new QLabel(tr("&QoS:"), this);
    qosLabel->setBuddy(m_qos);

    auto *form = new QFormLayout;
    auto *topicColumn = new QVBoxLayout;
    topicColumn->addWidget(m_topic);
    topicColumn->addWidget(addProblemLabel(QStringLiteral("topic"), m_topic, tr("Topic")));
    form->addRow(topicLabel, topicColumn);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_mode);
    modeRow->addStretch(1);
    modeRow->addWidget(m_size);
    form->addRow(modeLabel, modeRow);
    auto *qosRow = new QHBoxLayout;
    qosRow->addWidget(m_qos);
    qosRow->addWidget(m_retain);
    qosRow->addStretch(1);
    form->addRow(qosLabel, qosRow);

    auto *propertiesForm = new QFormLayout(m_properties);
    propertiesForm->setContentsMargins({});
    const auto addPropertyRow = [&](const QString &label, QWidget *field, QLayout *row,
                                    const QString &problemField, const QString &fieldName) {
        auto *rowLabel = new QLabel(label, m_properties);
        rowLabel->setBuddy(field);
        auto *column = new QVBoxLayout;
        if (row)
            column->addLayout(row);
        else
            column->addWidget(field);
        if (!problemField.isEmpty())
            column->addWidget(addProblemLabel(problemField, field, fieldName));
        propertiesForm->addRow(rowLabel, column);
    };
    addPropertyRow(tr("Co&ntent type:"), m_contentType, nullptr, {}, {});
    addPropertyRow(tr("Payload f&ormat:"), m_payloadFormat, nullptr, {}, {});
    addPropertyRow(tr("Res&ponse topic:"), m_responseTopic, nullptr,
                   QStringLiteral("responseTopic"), tr("Response topic"));
    auto *correlationRow = new QHBoxLayout;
    correlationRow->addWidget(m_correlation, 1);
    correlationRow->addWidget(m_correlationEncoding);
    addPropertyRow(tr("&Correlation data:"), m_correlation, correlationRow,
                   QStringLiteral("correlationData"), tr("Correlation data"));
    addPropertyRow(tr("&Message expiry:"), m_expiry, nullptr, QStringLiteral("messageExpiry"),
                   tr("Message expiry"));
    auto *propertyButtons = new QHBoxLayout;
    propertyButtons->addWidget(m_addProperty);
    propertyButtons->addWidget(m_removeProperty);
    propertyButtons->addStretch(1);
    auto *userPropertiesColumn = new QVBoxLayout;
    userPropertiesColumn->addWidget(m_userPropertiesView);
    userPropertiesColumn->addLayout(propertyButtons);
    addPropertyRow(tr("&User properties:"), m_userPropertiesView, userPropertiesColumn,
                   QStringLiteral("userProperties"), tr("User properties"));

    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_send);
    sendRow->addWidget(m_readOnlyNote, 1);
    sendRow->addStretch(0);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_payloadStack, 1);
    layout->addWidget(addProblemLabel(QStringLiteral("payload"), m_payloadStack, tr("Payload")));
    layout->addWidget(addProblemLabel(QStringLiteral("qos"), m_qos, tr("Quality of service")));
    layout->addWidget(m_propertiesToggle);
    layout->addWidget(m_properties);
    layout->addLayout(sendRow);
    layout->addWidget(m_status);
    setPropertiesVisible(false);

    // Wiring: every edit rechecks the form after a pause; Send checks at once.
    m_validation->setSingleShot(true);
    m_validation->setInterval(ValidationDelayMs);
    connect(m_validation, &QTimer::timeout, this, &PublishComposer::validate);
    const auto later = [this] {
        m_validation->start();
        updateSize();
    };
    connect(m_topic, &QLineEdit::textChanged, this, later);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &PublishComposer::modeChanged);
    connect(m_json, &QPlainTextEdit::textChanged, this, later);
    connect(m_text, &QPlainTextEdit::textChanged, this, later);
    connect(m_file, &QLineEdit::textChanged, this, later);
    connect(m_browse, &QPushButton::clicked, this, &PublishComposer::chooseFile);
    connect(m_retain, &QCheckBox::toggled, this, later);
    connect(m_responseTopic, &QLineEdit::textChanged, this, later);
    connect(m_correlation, &QLineEdit::textChanged, this, later);
    connect(m_correlationEncoding, &QComboBox::currentIndexChanged, this, later);
    connect(m_userProperties, &UserPropertiesModel::propertiesChanged, this, later);
    connect(m_propertiesToggle, &QToolButton::toggled, this,
            &PublishComposer::setPropertiesVisible);
    connect(m_addProperty, &QPushButton::clicked, this, [this] {
        setPropertiesVisible(true);
        const QModelIndex added = m_userProperties->appendRow();
        m_userPropertiesView->setCurrentIndex(added);
        m_userPropertiesView->setFocus(Qt::OtherFocusReason);
        m_userPropertiesView->edit(added);
    });
    auto *removeAction = new QAction(tr("Remove property"), m_userPropertiesView);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_userPropertiesView->addAction(removeAction);
    connect(removeAction, &QAction::triggered, m_removeProperty, &QPushButton::click);
    connect(m_removeProperty, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        const QModelIndexList selected = m_userPropertiesView->selectionModel()->selectedRows();
        for (const QModelIndex &index : selected)
            rows.append(index.row());
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (int row : std::as_const(rows))
            m_userProperties->removeRowsAt(row);
    });
    connect(m_userPropertiesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                m_removeProperty->setEnabled(
                    m_userPropertiesView->selectionModel()->hasSelection());
            });
    connect(m_send, &QPushButton::clicked, this, &PublishComposer::send);
    connect(m_status, &MessageBar::retryRequested, this, &PublishComposer::send);

    auto *sendAction = new QAction(tr("Send"), this);
    sendAction->setObjectName(QStringLiteral("publishSendAction"));
    sendAction->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    sendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(sendAction);
    connect(sendAction, &QAction::triggered, this, [this] {
        if (m_send->isEnabled())
            send();
    });

    modeChanged();
    updateProblemColors();
    updateSendEnabled();
    validate();
}

PublishComposer::~PublishComposer()
{
    if (m_call)
        m_call->cancel();
}

QLabel *PublishComposer::addProblemLabel(const QString &field, QWidget *widget,
                                         const QString &fieldName)
{
    auto *label = new QLabel(this);
    QString name = field;
    name[0] = name[0].toUpper();
    label->setObjectName(QStringLiteral("publish") + name + QStringLiteral("Problem"));
    label->setAccessibleName(tr("%1 problem").arg(fieldName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->hide();
    m_fields.append({ field, widget, label });
    return label;
}

void PublishComposer::setDraft(const Publish::Draft &draft)
{
    m_topic->setText(draft.topic);
    m_mode->setCurrentIndex(int(draft.mode));
    switch (pageFor(draft.mode)) {
    case JsonPage:
        m_json->setPlainText(draft.payloadText);
        break;
    case TextPage:
        m_text->setPlainText(draft.payloadText);
        break;
    case FilePage:
        m_file->setText(draft.payloadText);
        break;
    case EmptyPage:
        break;
    }
    m_qos->setCurrentIndex(std::clamp(draft.qos, 0, 1));
    m_retain->setChecked(draft.retain);
    m_contentType->setText(draft.contentType);
    m_payloadFormat->setCurrentIndex(int(draft.payloadFormat));
    m_responseTopic->setText(draft.responseTopic);
    m_correlation->setText(draft.correlationData);
    m_correlationEncoding->setCurrentIndex(int(draft.correlationEncoding));
    m_expiry->setValue(int(
        std::clamp<qint64>(draft.messageExpiry.value_or(0), 0, std::numeric_limits<int>::max())));
    m_userProperties->setProperties(draft.userProperties);
    updateSize();
    validate();
}

Publish::Draft PublishComposer::draft() const
{
    Publish::Draft draft;
    draft.topic = m_topic->text();
    draft.mode = Publish::PayloadMode(m_mode->currentIndex());
    switch (pageFor(draft.mode)) {
    case JsonPage:
        draft.payloadText = m_json->toPlainText();
        break;
    case TextPage:
        draft.payloadText = m_text->toPlainText();
        break;
    case FilePage:
        draft.payloadText = m_file->text();
        break;
    case EmptyPage:
        break;
    }
    draft.qos = m_qos->currentIndex();
    draft.retain = m_retain->isChecked();
    draft.contentType = m_contentType->text();
    draft.payloadFormat = Iot::PayloadFormat(m_payloadFormat->currentIndex());
    draft.responseTopic = m_responseTopic->text();
    draft.correlationData = m_correlation->text();
    draft.correlationEncoding = Publish::BytesEncoding(m_correlationEncoding->currentIndex());
    if (m_expiry->value() != m_expiry->minimum())
        draft.messageExpiry = m_expiry->value();
    draft.userProperties = m_userProperties->properties();
    return draft;
}

void PublishComposer::setTopicSuggestions(const QStringList &topics)
{
    QStringList sorted = topics;
    sorted.sort();
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    m_suggestions->setStringList(sorted);
}

void PublishComposer::setThingName(const QString &thingName)
{
    m_thingName = thingName;
    m_validation->start();
}

void PublishComposer::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_readOnlyNote->setVisible(readOnly);
    updateSendEnabled();
}

bool PublishComposer::isSending() const
{
    return !m_call.isNull();
}

void PublishComposer::send()
{
    if (m_readOnly || isSending())
        return;
    m_validation->stop();
    const Publish::Draft typed = draft();
    const Publish::Draft sent
        = Publish::expanded(typed, m_thingName, QDateTime::currentDateTimeUtc());
    const auto built = Publish::buildRequest(sent);
    if (const auto *problems = std::get_if<QList<Publish::Problem>>(&built)) {
        QWidget *first = showProblems(*problems);
        m_status->showError(tr("Not sent: correct the marked fields first."), {},
                            MessageBar::Offer::Nothing);
        if (first)
            first->setFocus(Qt::OtherFocusReason);
        return;
    }
    showProblems({});
    if (!m_client) {
        m_status->showError(tr("Not sent: not connected to an account."), {},
                            MessageBar::Offer::Nothing);
        return;
    }
    const Iot::PublishRequest request = std::get<Iot::PublishRequest>(built);
    m_status->showInfo(tr("Publishing to %1…").arg(request.topic));
    Iot::ApiCall *call = m_client->publish(request);
    m_call = call;
    updateSendEnabled();
    connect(call, &Iot::ApiCall::finished, this,
            [this, call, request, typed] { finished(call, request, typed); });
}

void PublishComposer::finished(Iot::ApiCall *call, const Iot::PublishRequest &request,
                               const Publish::Draft &draft)
{
    m_call.clear();
    updateSendEnabled();
    const Iot::ApiError &error = call->error();
    if (error.isError()) {
        m_status->showError(error.userMessage(), Iot::DataShadowSource::errorDetails(error),
                            error.kind == Iot::ApiError::Kind::Cancelled
                                    || error.kind == Iot::ApiError::Kind::ReadOnly
                                ? MessageBar::Offer::Nothing
                                : MessageBar::Offer::Retry);
        return;
    }
    const int qos = request.qos.value_or(0);
    const QString size = request.payload.size() == 1
        ? tr("1 byte")
        : tr("%1 bytes").arg(QLocale().toString(qint64(request.payload.size())));
    m_status->showInfo(
        request.retain
            ? tr("Published to %1 (QoS %2, retained) · %3").arg(request.topic).arg(qos).arg(size)
            : tr("Published to %1 (QoS %2) · %3").arg(request.topic).arg(qos).arg(size));
    Q_EMIT published(request, draft);
}

void PublishComposer::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateProblemColors();
}

QWidget *PublishComposer::payloadEditor() const
{
    switch (pageFor(Publish::PayloadMode(m_mode->currentIndex()))) {
    case JsonPage:
        return m_json;
    case TextPage:
        return m_text;
    case FilePage:
        return m_file;
    case EmptyPage:
        return m_mode;
    }
    return m_mode;
}

void PublishComposer::modeChanged()
{
    const auto mode = Publish::PayloadMode(m_mode->currentIndex());
    m_payloadStack->setCurrentIndex(pageFor(mode));
    switch (mode) {
    case Publish::PayloadMode::Text:
        m_text->setPlaceholderText(tr("Text, sent as UTF-8"));
        m_text->setAccessibleDescription(tr("The payload as text, sent as UTF-8"));
        break;
    case Publish::PayloadMode::Base64:
        m_text->setPlaceholderText(tr("Base64, e.g. SGVsbG8="));
        m_text->setAccessibleDescription(tr("The payload's bytes in base64"));
        break;
    case Publish::PayloadMode::Hex:
        m_text->setPlaceholderText(tr("Hex bytes, e.g. 48 65 6c 6c 6f"));
        m_text->setAccessibleDescription(
            tr("The payload's bytes as pairs of hex digits; spaces and line breaks are ignored"));
        break;
    default:
        break;
    }
    updateSize();
    validate();
}

void PublishComposer::validate()
{
    const Publish::Draft sent
        = Publish::expanded(draft(), m_thingName, QDateTime::currentDateTimeUtc());
    const auto built = Publish::buildRequest(sent);
    const auto *problems = std::get_if<QList<Publish::Problem>>(&built);
    showProblems(problems ? *problems : QList<Publish::Problem>());
}

QWidget *PublishComposer::showProblems(const QList<Publish::Problem> &problems)
{
    QWidget *first = nullptr;
    for (const Field &field : std::as_const(m_fields)) {
        const auto found = std::find_if(
            problems.cbegin(), problems.cend(),
            [&](const Publish::Problem &problem) { return problem.field == field.name; });
        const bool fault = found != problems.cend();
        field.problem->setText(fault ? found->message : QString());
        field.problem->setVisible(fault);
        if (fault && !m_propertiesToggle->isChecked() && m_properties->isAncestorOf(field.widget))
            m_propertiesToggle->setChecked(true);
    }
    // The first problem in the order buildRequest() gives them.
    for (const Publish::Problem &problem : problems) {
        for (const Field &field : std::as_const(m_fields)) {
            if (field.name == problem.field && !first)
                first = field.name == QLatin1String("payload") ? payloadEditor() : field.widget;
        }
    }
    return first;
}

void PublishComposer::updateSize()
{
    const qint64 size = payloadSize(draft());
    const bool over = size > Publish::MaxPayloadBytes;
    m_size->setText(
        tr("%1 bytes of %2")
            .arg(QLocale().toString(size), QLocale().toString(qint64(Publish::MaxPayloadBytes))));
    if (over != m_sizeOver) {
        m_sizeOver = over;
        updateProblemColors();
    }
}

void PublishComposer::updateSendEnabled()
{
    m_send->setEnabled(!m_readOnly && !isSending());
}

void PublishComposer::updateProblemColors()
{
    const QColor failure = SemanticColors::negativeText(palette());
    for (const Field &field : std::as_const(m_fields)) {
        QPalette labelPalette = field.problem->palette();
        labelPalette.setColor(QPalette::WindowText, failure);
        field.problem->setPalette(labelPalette);
    }
    QPalette sizePalette = palette();
    if (m_sizeOver)
        sizePalette.setColor(QPalette::WindowText, failure);
    m_size->setPalette(sizePalette);
}

void PublishComposer::setPropertiesVisible(bool visible)
{
    m_propertiesToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    if (m_propertiesToggle->isChecked() != visible)
        m_propertiesToggle->setChecked(visible);
    m_properties->setVisible(visible);
}

void PublishComposer::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Payload file"), m_file->text());
    if (!path.isEmpty())
        m_file->setText(path);
}
