// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/connectionchoice.h"

#include <QDialog>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;

namespace Aws {
class SecretStore;
}
namespace Iot {
class Connection;
}

/**
 * Chooses the account the window talks to: the built-in "Sandbox (local)", a profile of
 * ~/.aws (as the aws CLI reads them), or one of Shadowscope's own profiles (access key id in
 * the settings, secret access key only in the keychain), with a region and a data endpoint
 * that may override the profile's. "Test connection" connects without leaving the dialog and
 * reports the endpoint, the region, where the credentials came from and the first request's
 * result. Mistakes are reported under the form, at the field, and nothing typed is lost.
 */
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    /** Builds (does not start) a connection for a choice, or says why it cannot. */
    using ConnectionFactory = std::function<std::unique_ptr<Iot::Connection>(
        const Settings::ConnectionChoice &choice, QString *error)>;

    /**
     * @p secrets keeps Shadowscope profiles' secrets; @p factory makes the test connections;
     * @p current is selected first.
     */
    ConnectionDialog(Aws::SecretStore *secrets, ConnectionFactory factory,
                     const std::optional<Settings::ConnectionChoice> &current,
                     QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    /** The choice to connect with (valid after accept()). */
    Settings::ConnectionChoice choice() const { return m_choice; }

    /** Starts a new Shadowscope profile in the form (the first screen's "Add a profile"). */
    void startNewProfile();
    /** Selects the connection that @p choice names; false when it is not listed. */
    bool select(const Settings::ConnectionChoice &choice);

    void accept() override;

Q_SIGNALS:
    /** A test connection ended; the report is in the dialog. */
    void testFinished(bool connected);

private:
    void reloadList();
    void showSelected();
    /** The form as a choice, after checking it; nothing when the form has a mistake. */
    std::optional<Settings::ConnectionChoice> formChoice();
    /** Saves the Shadowscope profile in the form (secret into the keychain), then @p then. */
    void saveAppProfile(const Settings::ConnectionChoice &choice, std::function<void()> then);
    void removeAppProfile();
    void testConnection();
    void showProblem(const QString &problem, QWidget *field = nullptr);
    void setBusy(bool busy);

    Aws::SecretStore *m_secrets;
    ConnectionFactory m_factory;
    std::unique_ptr<Iot::Connection> m_probe;
    Settings::ConnectionChoice m_choice;
    bool m_newProfile = false;

    QListWidget *m_list;
    QLabel *m_description;
    QComboBox *m_region;
    QLineEdit *m_endpoint;
    QWidget *m_appFields;
    QLineEdit *m_name;
    QLineEdit *m_accessKeyId;
    QLineEdit *m_secret;
    QLabel *m_problem;
    QPushButton *m_test;
    QLabel *m_report;
    QPushButton *m_newButton;
    QPushButton *m_removeButton;
    QDialogButtonBox *m_buttons;
};
