// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebar.h"

#include "semanticcolors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

MessageBar::MessageBar(const QString &objectNamePrefix, Parts parts,
                       const AccessibleNames &names, QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
{
    m_status->setObjectName(objectNamePrefix + QStringLiteral("Status"));
    m_status->setAccessibleName(names.status);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setVisible(false);

    auto *statusLine = new QHBoxLayout;
    statusLine->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    if (parts.testFlag(Part::Progress)) {
        m_progress = new QProgressBar(this);
        m_progress->setObjectName(objectNamePrefix + QStringLiteral("Progress"));
        m_progress->setAccessibleName(names.progress);
        m_progress->setRange(0, 0);
        m_progress->setTextVisible(false);
        m_progress->setMaximumHeight(fontMetrics().height() / 2 + 2);
        m_progress->setVisible(false);
        layout->addWidget(m_progress);
    }
    const auto addButton = [&](const QString &text, const QString &role,
                               const QString &accessibleName) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(objectNamePrefix + role);
        button->setAccessibleName(accessibleName);
        button->setVisible(false);
        statusLine->addWidget(button);
        return button;
    };
    if (parts.testFlag(Part::Cancel)) {
        m_cancel = addButton(tr("Cancel"), QStringLiteral("Cancel"), names.cancel);
        connect(m_cancel, &QPushButton::clicked, this, &MessageBar::cancelRequested);
    }
    if (parts.testFlag(Part::Retry)) {
        m_retry = addButton(tr("Retry"), QStringLiteral("Retry"), names.retry);
        connect(m_retry, &QPushButton::clicked, this, &MessageBar::retryRequested);
    }
    layout->addLayout(statusLine);
    if (parts.testFlag(Part::Details)) {
        m_detailsButton
            = addButton(tr("Details"), QStringLiteral("DetailsButton"), tr("Error details"));
        m_detailsButton->setAccessibleDescription(
            tr("Shows everything the failed request returned"));
        m_detailsButton->setCheckable(true);
        m_details = new QPlainTextEdit(this);
        m_details->setObjectName(objectNamePrefix + QStringLiteral("ErrorDetails"));
        m_details->setAccessibleName(tr("Error details"));
        m_details->setReadOnly(true);
        m_details->setMaximumHeight(6 * fontMetrics().lineSpacing());
        m_details->setVisible(false);
        connect(m_detailsButton, &QPushButton::toggled, m_details, &QWidget::setVisible);
        layout->addWidget(m_details);
    }
}

void MessageBar::setStatusObjectName(const QString &objectName)
{
    m_status->setObjectName(objectName);
}

void MessageBar::showInfo(const QString &text, Offer offer)
{
    display(text, false, offer, {});
}

void MessageBar::showError(const QString &text, const QString &details, Offer offer)
{
    display(text, true, offer, details);
}

void MessageBar::clear()
{
    display({}, false, Offer::Nothing, {});
}

QString MessageBar::text() const
{
    return m_status->text();
}

void MessageBar::setBusy(bool busy)
{
    if (m_progress)
        m_progress->setVisible(busy);
    if (m_cancel)
        m_cancel->setVisible(busy);
}

void MessageBar::setProgress(int value, int maximum)
{
    if (!m_progress)
        return;
    m_progress->setRange(0, maximum);
    m_progress->setValue(value);
}

void MessageBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateStatusColor();
}

void MessageBar::display(const QString &text, bool error, Offer offer, const QString &details)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    if (error != m_error) {
        m_error = error;
        updateStatusColor();
    }
    if (m_retry)
        m_retry->setVisible(offer == Offer::Retry);
    if (m_detailsButton) {
        // Details the user opened stay open while the same failure is shown again.
        if (details.isEmpty() || details != m_details->toPlainText())
            m_detailsButton->setChecked(false);
        m_details->setPlainText(details);
        m_detailsButton->setVisible(!details.isEmpty());
    }
}

void MessageBar::updateStatusColor()
{
    QPalette colours = m_status->palette();
    colours.setColor(QPalette::WindowText,
                     m_error ? SemanticColors::negativeText(palette())
                             : palette().color(QPalette::WindowText));
    m_status->setPalette(colours);
}
