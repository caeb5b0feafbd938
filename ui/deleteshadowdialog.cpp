// SPDX-License-Identifier: GPL-3.0-or-later
#include "deleteshadowdialog.h"

#include "semanticcolors.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

DeleteShadowDialog::DeleteShadowDialog(const QString &thingName, const QString &shadowName,
                                       QWidget *parent)
    : QDialog(parent)
    , m_expected(shadowName.isEmpty() ? QStringLiteral("classic") : shadowName)
    , m_confirm(new QLineEdit(this))
    , m_delete(new QPushButton(tr("&Delete Shadow"), this))
{
    const QString what = shadowName.isEmpty()
        ? tr("the classic shadow of “%1”").arg(thingName)
        : tr("the shadow “%1” of “%2”").arg(shadowName, thingName);
    setWindowTitle(tr("Delete Shadow"));

    auto *message = new QLabel(tr("<p>Delete %1 from AWS IoT?</p>"
                                  "<p>AWS cannot undo this. A copy of its desired and reported "
                                  "state is kept on this computer under <b>Recently deleted</b>, "
                                  "from where it can be re-created (a shadow re-created within "
                                  "48 hours continues the old version number).</p>")
                                   .arg(what.toHtmlEscaped()),
                               this);
    message->setObjectName(QStringLiteral("deleteShadowMessage"));
    message->setWordWrap(true);
    message->setTextFormat(Qt::RichText);

    auto *prompt
        = new QLabel(tr("Type <b>%1</b> to confirm:").arg(m_expected.toHtmlEscaped()), this);
    prompt->setTextFormat(Qt::RichText);
    prompt->setBuddy(m_confirm);

    m_confirm->setObjectName(QStringLiteral("deleteShadowConfirm"));
    m_confirm->setAccessibleName(tr("Confirm shadow name"));
    m_confirm->setAccessibleDescription(
        tr("Type %1 exactly to enable the Delete Shadow button").arg(m_expected));
    m_confirm->setPlaceholderText(m_expected);

    m_delete->setObjectName(QStringLiteral("deleteShadowButton"));
    m_delete->setAccessibleName(tr("Delete shadow"));
    m_delete->setAccessibleDescription(
        tr("Deletes %1 from AWS IoT; a local copy is kept in Recently deleted").arg(what));
    // Never the default: neither Enter in the field nor focus on the button deletes.
    m_delete->setAutoDefault(false);
    m_delete->setDefault(false);
    m_delete->setEnabled(false);
    updateDestructiveColour();

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_delete, QDialogButtonBox::DestructiveRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("deleteShadowCancel"));
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(message);
    layout->addWidget(prompt);
    layout->addWidget(m_confirm);
    layout->addWidget(buttons);

    connect(m_confirm, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_delete->setEnabled(text == m_expected); });
    connect(m_delete, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_confirm->setFocus();
}

DeleteShadowDialog::~DeleteShadowDialog() = default;

void DeleteShadowDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateDestructiveColour();
}

void DeleteShadowDialog::updateDestructiveColour()
{
    QPalette destructive = m_delete->palette();
    destructive.setColor(QPalette::ButtonText, SemanticColors::negativeText(palette()));
    m_delete->setPalette(destructive);
}
