// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishpage.h"

#include "publishcomposer.h"
#include "publishdraft.h"
#include "settings/publishhistory.h"
#include "settings/publishtemplates.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

PublishPage::PublishPage(Iot::IotDataClient *client, Settings::PublishHistory *history,
                         Settings::PublishTemplates *templates, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_templates(templates)
    , m_composer(new PublishComposer(client, this))
    , m_historyButton(new QToolButton(this))
    , m_templatesButton(new QToolButton(this))
{
    setAccessibleName(tr("Publish a message"));
    m_composer->setObjectName(QStringLiteral("publishComposer"));

    m_historyButton->setObjectName(QStringLiteral("publishHistoryButton"));
    m_historyButton->setText(tr("&History"));
    m_historyButton->setAccessibleName(tr("Messages sent before"));
    m_historyButton->setAccessibleDescription(tr("Choosing one fills the form with it"));
    m_historyButton->setPopupMode(QToolButton::InstantPopup);
    m_historyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *historyMenu = new QMenu(m_historyButton);
    m_historyButton->setMenu(historyMenu);
    connect(historyMenu, &QMenu::aboutToShow, this, &PublishPage::fillHistoryMenu);

    m_templatesButton->setObjectName(QStringLiteral("publishTemplatesButton"));
    m_templatesButton->setText(tr("Te&mplates"));
    m_templatesButton->setAccessibleName(tr("Templates"));
    m_templatesButton->setAccessibleDescription(
        tr("Save the form as a template, apply, export or import templates"));
    m_templatesButton->setPopupMode(QToolButton::InstantPopup);
    m_templatesButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *templatesMenu = new QMenu(m_templatesButton);
    m_templatesButton->setMenu(templatesMenu);
    connect(templatesMenu, &QMenu::aboutToShow, this, &PublishPage::fillTemplatesMenu);

    connect(m_composer, &PublishComposer::published, this,
            [this](const Iot::PublishRequest &request, const Publish::Draft &draft) {
                m_history->add(draft);
                Q_EMIT published(request, draft);
            });

    auto *row = new QHBoxLayout;
    row->addWidget(m_historyButton);
    row->addWidget(m_templatesButton);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_composer, 1);
}

bool PublishPage::saveTemplate(const QString &name)
{
    QString error;
    if (m_templates->save(name, m_composer->draft(), &error))
        return true;
    QMessageBox::warning(this, tr("Template not saved"), error);
    return false;
}

bool PublishPage::applyTemplate(const QString &name)
{
    const std::optional<Publish::Draft> draft = m_templates->get(name);
    if (!draft)
        return false;
    m_composer->setDraft(*draft);
    return true;
}

void PublishPage::fillHistoryMenu()
{
    QMenu *menu = m_historyButton->menu();
    menu->clear();
    const QList<Settings::PublishHistory::Entry> entries = m_history->entries();
    for (const Settings::PublishHistory::Entry &entry : entries) {
        const QString when = QLocale().toString(entry.sentAt.toLocalTime(), QLocale::ShortFormat);
        menu->addAction(tr("%1 · %2").arg(entry.draft.topic, when), this,
                        [this, draft = entry.draft] { m_composer->setDraft(draft); });
    }
    if (entries.isEmpty()) {
        menu->addAction(tr("Nothing sent yet"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    menu->addAction(tr("&Clear history…"), this, [this] {
        if (QMessageBox::question(this, tr("Clear the history?"),
                                  tr("Forget the %1 messages sent before?").arg(m_history->entries().size()),
                                  QMessageBox::Cancel | QMessageBox::Yes, QMessageBox::Cancel)
            == QMessageBox::Yes)
            m_history->clear();
    });
}

void PublishPage::fillTemplatesMenu()
{
    QMenu *menu = m_templatesButton->menu();
    menu->clear();
    menu->addAction(tr("&Save the form as a template…"), this, &PublishPage::askTemplateName);
    const QStringList names = m_templates->names();
    if (!names.isEmpty()) {
        menu->addSeparator();
        for (const QString &name : names)
            menu->addAction(name, this, [this, name] { applyTemplate(name); });
        QMenu *remove = menu->addMenu(tr("&Delete a template"));
        for (const QString &name : names) {
            remove->addAction(name, this, [this, name] {
                if (QMessageBox::question(this, tr("Delete the template?"),
                                          tr("Delete the template \"%1\"?").arg(name),
                                          QMessageBox::Cancel | QMessageBox::Yes, QMessageBox::Cancel)
                    == QMessageBox::Yes)
                    m_templates->remove(name);
            });
        }
    }
    menu->addSeparator();
    QAction *exportAction = menu->addAction(tr("&Export templates…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export templates"),
                                                          QStringLiteral("shadowscope-templates.json"),
                                                          tr("JSON files (*.json)"));
        QString error;
        if (!path.isEmpty() && !m_templates->exportTo(path, &error))
            QMessageBox::warning(this, tr("Templates not exported"), error);
    });
    exportAction->setEnabled(!names.isEmpty());
    menu->addAction(tr("&Import templates…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import templates"), {},
                                                          tr("JSON files (*.json)"));
        if (path.isEmpty())
            return;
        QString error;
        const int imported = m_templates->importFrom(path, &error);
        if (imported < 0)
            QMessageBox::warning(this, tr("Templates not imported"), error);
    });
}

void PublishPage::askTemplateName()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as a template"),
                                               tr("Template name (variables such as ${thing}, "
                                                  "${timestamp} and ${uuid} are kept):"),
                                               QLineEdit::Normal, m_composer->draft().topic, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    if (m_templates->names().contains(name)
        && QMessageBox::question(this, tr("Replace the template?"),
                                 tr("A template named \"%1\" exists. Replace it?").arg(name),
                                 QMessageBox::Cancel | QMessageBox::Yes, QMessageBox::Cancel)
            != QMessageBox::Yes)
        return;
    saveTemplate(name);
}
