// SPDX-License-Identifier: GPL-3.0-or-later
#include "newshadowdialog.h"

#include "jsonhighlighter.h"
#include "semanticcolors.h"
#include "shadow/shadowstate.h"
#include "shadow/validation.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <variant>

namespace {

/** What is wrong with @p text as an initial desired state, or an empty string. */
QString desiredProblem(const QString &text, QJsonObject *desired)
{
    if (text.trimmed().isEmpty())
        return {};
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes and may lie past the whitespace after the culprit;
        // the line and column are the editor's, just after the last token read.
        QString before = QString::fromUtf8(utf8.left(error.offset));
        while (!before.isEmpty() && before.back().isSpace())
            before.chop(1);
        const qsizetype line = before.count(u'\n') + 1;
        const qsizetype column = before.size() - before.lastIndexOf(u'\n');
        return NewShadowDialog::tr("Not valid JSON: %1 at line %2, column %3.")
            .arg(error.errorString())
            .arg(line)
            .arg(column);
    }
    if (!document.isObject())
        return NewShadowDialog::tr("The desired state must be a JSON object, such as "
                                   "{\"power\": \"on\"}.");
    // The update creating the shadow, checked as the service checks it.
    const QJsonObject body { { QStringLiteral("state"),
                               QJsonObject { { QStringLiteral("desired"), document.object() } } } };
    const Shadow::Limits limits;
    const auto request
        = Shadow::parseUpdateRequest(QJsonDocument(body).toJson(QJsonDocument::Compact), limits);
    if (const auto *refused = std::get_if<Shadow::ValidationError>(&request))
        return NewShadowDialog::tr("AWS would refuse this state: %1.").arg(refused->message);
    const auto outcome
        = Shadow::applyUpdate(std::nullopt, 0, std::get<Shadow::UpdateRequest>(request), 0, limits);
    if (const auto *refused = std::get_if<Shadow::ValidationError>(&outcome))
        return NewShadowDialog::tr("AWS would refuse this state: %1 (%2 bytes).")
            .arg(refused->message)
            .arg(limits.maxStateBytes);
    *desired = document.object();
    return {};
}

} // namespace

NewShadowDialog::NewShadowDialog(const QString &thingName, const QStringList &existing,
                                 QWidget *parent)
    : QDialog(parent)
    , m_existing(existing)
    , m_name(new QLineEdit(this))
    , m_nameError(new QLabel(this))
    , m_desired(new QPlainTextEdit(this))
    , m_desiredError(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_create(m_buttons->addButton(tr("C&reate"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("New Shadow of %1").arg(thingName));

    auto *intro = new QLabel(tr("Creates a named shadow of the thing “%1” by sending its first "
                                "update.")
                                 .arg(thingName),
                             this);
    intro->setWordWrap(true);

    m_name->setObjectName(QStringLiteral("newShadowName"));
    m_name->setAccessibleName(tr("Shadow name"));
    m_name->setAccessibleDescription(
        tr("The name of the new shadow: 1 to 64 letters, digits, colons, underscores, hyphens "
           "or dollar signs, not a name the thing already has"));
    m_name->setPlaceholderText(tr("e.g. config"));
    m_name->setClearButtonEnabled(true);

    m_nameError->setObjectName(QStringLiteral("newShadowNameError"));
    m_nameError->setAccessibleName(tr("Shadow name problem"));
    m_nameError->setWordWrap(true);
    m_nameError->setVisible(false);

    m_desired->setObjectName(QStringLiteral("newShadowDesired"));
    m_desired->setAccessibleName(tr("Initial desired state"));
    m_desired->setAccessibleDescription(
        tr("Optional: a JSON object sent as the new shadow's desired state; leave empty for "
           "none"));
    m_desired->setPlaceholderText(tr("{\"power\": \"on\"}  (optional)"));
    m_desired->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_desired->setTabChangesFocus(true);
    m_highlighter = new JsonHighlighter(m_desired->document());

    m_desiredError->setObjectName(QStringLiteral("newShadowDesiredError"));
    m_desiredError->setAccessibleName(tr("Initial desired state problem"));
    m_desiredError->setWordWrap(true);
    m_desiredError->setVisible(false);
    updateErrorColours();

    m_create->setObjectName(QStringLiteral("newShadowCreate"));
    m_create->setAccessibleName(tr("Create shadow"));
    m_create->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("Initial &desired:"), m_desired);
    form->addRow(QString(), m_desiredError);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &NewShadowDialog::validate);
    connect(m_desired, &QPlainTextEdit::textChanged, this, &NewShadowDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

NewShadowDialog::~NewShadowDialog() = default;

QString NewShadowDialog::shadowName() const
{
    return m_name->text().trimmed();
}

QJsonObject NewShadowDialog::desired() const
{
    return m_desiredObject;
}

void NewShadowDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        updateErrorColours();
        m_highlighter->setPalette(palette());
    }
}

void NewShadowDialog::updateErrorColours()
{
    for (QLabel *label : { m_nameError, m_desiredError }) {
        QPalette errorPalette = label->palette();
        errorPalette.setColor(QPalette::WindowText, SemanticColors::negativeText(palette()));
        label->setPalette(errorPalette);
    }
}

void NewShadowDialog::validate()
{
    const QString name = shadowName();
    QString nameMessage;
    if (!name.isEmpty()) {
        if (Shadow::validateShadowName(name)) {
            const auto bad = std::find_if(name.cbegin(), name.cend(), [](QChar c) {
                return !(c.isDigit() && c.unicode() < 128) && !(c.isLetter() && c.unicode() < 128)
                    && c != u':' && c != u'_' && c != u'-' && c != u'$';
            });
            nameMessage = bad != name.cend()
                ? tr("“%1” is not allowed in a shadow name; use letters a–z and A–Z, digits, "
                     "colons, underscores, hyphens and dollar signs.")
                      .arg(*bad)
                : tr("The name has %n characters; at most 64 are allowed.", nullptr,
                     int(name.size()));
        } else if (m_existing.contains(name)) {
            nameMessage = tr("The thing already has a shadow named “%1”.").arg(name);
        }
    }
    m_nameError->setText(nameMessage);
    m_nameError->setVisible(!nameMessage.isEmpty());

    QJsonObject desired;
    const QString desiredMessage = desiredProblem(m_desired->toPlainText(), &desired);
    m_desiredObject = desired;
    m_desiredError->setText(desiredMessage);
    m_desiredError->setVisible(!desiredMessage.isEmpty());

    m_create->setEnabled(!name.isEmpty() && nameMessage.isEmpty() && desiredMessage.isEmpty());
}
