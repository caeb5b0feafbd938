// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class PublishComposer;
class QToolButton;
namespace Iot {
class IotDataClient;
struct PublishRequest;
}
namespace Publish {
struct Draft;
}
namespace Settings {
class PublishHistory;
class PublishTemplates;
}

/**
 * A publish tab in the workspace: the PublishComposer under a row with the History menu (the
 * messages sent, newest first; choosing one fills the form) and the Templates menu (save the
 * form as a named template with its ${variables}, apply one, delete one after asking, export
 * all to a JSON file, import a file). Each successful send is added to the history.
 *
 * Key children: "publishComposer", "publishHistoryButton", "publishTemplatesButton"
 * (QToolButton with a menu).
 */
class PublishPage final : public QWidget
{
    Q_OBJECT
public:
    /** @p history and @p templates (not owned) must outlive the page; @p client may be nullptr. */
    PublishPage(Iot::IotDataClient *client, Settings::PublishHistory *history,
                Settings::PublishTemplates *templates, QWidget *parent = nullptr);

    PublishComposer *composer() const { return m_composer; }
    /** Saves the form as template @p name (replacing one of that name). */
    bool saveTemplate(const QString &name);
    /** Fills the form from template @p name; false if there is none. */
    bool applyTemplate(const QString &name);

Q_SIGNALS:
    void published(const Iot::PublishRequest &request, const Publish::Draft &draft);

private:
    void fillHistoryMenu();
    void fillTemplatesMenu();
    void askTemplateName();

    Settings::PublishHistory *m_history;
    Settings::PublishTemplates *m_templates;
    PublishComposer *m_composer;
    QToolButton *m_historyButton;
    QToolButton *m_templatesButton;
};
