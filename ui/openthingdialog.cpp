// SPDX-License-Identifier: GPL-3.0-or-later
#include "openthingdialog.h"

#include "semanticcolors.h"
#include "shadow/validation.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

#include <algorithm>

OpenThingDialog::OpenThingDialog(const QStringList &suggestions, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Open Thing by Name"));

    m_name->setObjectName(QStringLiteral("openThingName"));
    m_name->setAccessibleName(tr("Thing name"));
    m_name->setAccessibleDescription(
        tr("The name of the thing to open; it need not be in the loaded list"));
    m_name->setPlaceholderText(tr("Thing name"));
    m_name->setClearButtonEnabled(true);
    QStringList unique = suggestions;
    unique.removeDuplicates();
    auto *completer = new QCompleter(new QStringListModel(unique, this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    // One row height for all: a popup of 100,000 names is then laid out at once (without it,
    // each key costs about 90 ms there).
    auto *popup = new QListView;
    popup->setUniformItemSizes(true);
    completer->setPopup(popup);
    m_name->setCompleter(completer);

    m_error->setObjectName(QStringLiteral("openThingError"));
    m_error->setAccessibleName(tr("Thing name problem"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    updateErrorColour();

    auto *form = new QFormLayout;
    form->addRow(tr("&Thing:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &OpenThingDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

OpenThingDialog::~OpenThingDialog() = default;

QString OpenThingDialog::thingName() const
{
    return m_name->text().trimmed();
}

void OpenThingDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateErrorColour();
}

void OpenThingDialog::updateErrorColour()
{
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, SemanticColors::negativeText(palette()));
    m_error->setPalette(errorPalette);
}

void OpenThingDialog::validate()
{
    const QString name = thingName();
    const auto problem = name.isEmpty() ? std::nullopt : Shadow::validateThingName(name);
    QString message;
    if (problem) {
        // AWS's words, then what exactly is wrong with this name.
        const auto bad = std::find_if(name.cbegin(), name.cend(), [](QChar c) {
            return !(c.isDigit() && c.unicode() < 128) && !(c.isLetter() && c.unicode() < 128)
                && c != u':' && c != u'_' && c != u'-';
        });
        const QString why = bad != name.cend()
            ? tr("“%1” is not allowed; use letters a–z and A–Z, digits, colons, underscores and "
                 "hyphens.")
                  .arg(*bad)
            : tr("It has %n characters; at most 128 are allowed.", nullptr, int(name.size()));
        message = tr("%1. %2").arg(problem->message, why);
    }
    m_error->setText(message);
    m_error->setVisible(problem.has_value());
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(!name.isEmpty() && !problem);
}

QString OpenThingDialog::getThingName(QWidget *parent, const QStringList &suggestions)
{
    OpenThingDialog dialog(suggestions, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.thingName() : QString();
}
