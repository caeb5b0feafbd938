// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectiondialog.h"
#include "iot/connection.h"
#include "publishdraft.h"
#include "settings/connectionchoice.h"
#include "workspace.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class CopyAsMenu;
class PublishPage;
class QPushButton;
class ShadowHistory;
class ShadowView;
class QDockWidget;
class QLabel;
class QSettings;
class RetainedPane;
class ShadowsPane;
class ThingsPane;
class RequestLogModel;
class WelcomePage;
namespace Aws {
class SecretStore;
}
namespace Iot {
class RetainedUndo;
struct RequestLogEntry;
}
namespace Settings {
class DeletedShadows;
class PublishHistory;
class PublishTemplates;
class DraftStore;
class RecentThings;
struct DeletedShadow;
}

/**
 * The explorer window: things, the selected thing's shadows and the retained topics as
 * docks around the workspace (the opened shadows and messages), the request log below, and
 * a status line that says which endpoint the window talks to. Without a connection the
 * workspace shows the first screen (WelcomePage). The layout is restored on start.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /**
     * What the connection dialog needs: where Shadowscope profiles keep their secrets and how
     * to build a connection for "Test connection". Both must outlive the window.
     */
    void setConnectionServices(Aws::SecretStore *secrets, ConnectionDialog::ConnectionFactory factory);

    /**
     * Shows @p connection (not owned; it must outlive the window or be replaced first): its
     * state in the status line, and once it is Ready, its things. Closes what the previous
     * connection opened. nullptr: not connected, with @p problem (empty: no credentials found).
     */
    void setConnection(Iot::Connection *connection, const Settings::ConnectionChoice &choice,
                       const QString &problem = {});
    Iot::Connection *connection() const { return m_connection; }

    /** Shows which endpoint the window talks to, e.g. "Sandbox · http://127.0.0.1:8443". */
    void setEndpointDescription(const QString &text);
    QString endpointDescription() const;

    ThingsPane *thingsPane() const { return m_thingsPane; }
    RetainedPane *retainedPane() const { return m_retainedPane; }
    ShadowsPane *shadowsPane() const { return m_shadowsPane; }

    /**
     * Opens @p thingName (listed or not) in the Shadows pane and, once its shadows are
     * listed, shows @p shadowName ("" the classic one; nothing: the first listed).
     */
    void openThing(const QString &thingName, const std::optional<QString> &shadowName = std::nullopt);
    /** Shows one shadow in the workspace (its document as the Shadows pane has it, if any). */
    void openShadow(const QString &thingName, const QString &shadowName,
                    Workspace::Mode mode = Workspace::Mode::Preview);
    CopyAsMenu *copyAsMenu() const { return m_copyAs; }

    /**
     * Opens the retained message of @p topic in the workspace (fetched once: GetRetainedMessage
     * can be billed); Keep leaves its tab open when the next one is previewed.
     */
    void openTopic(const QString &topic, Workspace::Mode mode = Workspace::Mode::Preview);
    Workspace *workspace() const { return m_workspace; }
    WelcomePage *welcomePage() const;

    /** The shadows open in the workspace. */
    QList<ShadowView *> shadowViews() const;
    /**
     * Opens every shadow that has a draft (an edit left unsaved by a crash or a close), each
     * in a kept tab with its editor holding the draft.
     */
    void restoreDrafts();
    /** Forgets the drafts of this connection (what "Discard" in the drafts offer does). */
    void discardDrafts();
    /** Asks for a name and an initial desired state, then creates a named shadow of the open thing. */
    void newShadow();
    /** Shows the shadows deleted from this connection, from which each can be re-created. */
    void showDeletedShadows();
    Settings::DraftStore *drafts() const { return m_drafts; }
    /**
     * Opens a publish tab (File › Publish…, Ctrl+Shift+P), filled with @p draft if given; its
     * topic field completes from the retained topics, the history and the open thing's
     * shadow topics.
     */
    PublishPage *openPublish(const std::optional<Publish::Draft> &draft = std::nullopt);
    Settings::PublishHistory *publishHistory() const { return m_publishHistory; }
    Settings::DeletedShadows *deletedShadows() const { return m_deleted; }

    /** Adds one attempt of an AWS call to the request log pane. @see RequestLogView */
    void appendRequest(const Iot::RequestLogEntry &entry);

    /** Opens the connection dialog (on a new Shadowscope profile with @p newProfile). */
    void openConnectionDialog(bool newProfile = false);

    /** Restores the window's size and docks as they were when it was last closed. */
    void restoreLayout();
    void saveLayout() const;

Q_SIGNALS:
    /** The user chose a connection (dialog or first screen). */
    void connectRequested(const Settings::ConnectionChoice &choice);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    QDockWidget *addPane(const QString &title, const QString &objectName, QWidget *content,
                         Qt::DockWidgetArea area);
    void onConnectionStateChanged();
    void showWelcome(const QString &problem);
    /** Shows the shadow openThing() asked for, once the thing's shadows are listed. */
    void showPendingShadow();
    /** What "Copy as" acts on: the current tab's shadow or retained message. */
    void updateCopyTarget();
    /** Offers the drafts this connection has, if any, above the workspace. */
    void offerDrafts();
    /**
     * Creates @p shadowName of @p thingName with @p state, unless it exists already (it is
     * fetched first: an update would merge into it), and shows it. @p done is called with
     * what went wrong (empty on success) unless @p context has gone by then.
     */
    void createShadow(const QString &thingName, const QString &shadowName, const QJsonObject &state,
                      QObject *context,
                      const std::function<void(const QString &error, const QString &details)> &done);
    /** What drafts and deleted copies of the current connection are filed under. */
    QString connectionKey() const;

    QPointer<Iot::Connection> m_connection;
    Settings::ConnectionChoice m_choice;
    Aws::SecretStore *m_secrets = nullptr;
    ConnectionDialog::ConnectionFactory m_connectionFactory;
    QByteArray m_defaultState;
    std::unique_ptr<QSettings> m_settings;
    Settings::RecentThings *m_recentThings = nullptr;
    RetainedPane *m_retainedPane = nullptr;
    ShadowsPane *m_shadowsPane = nullptr;
    /** The shadow to show once the opened thing's shadows are listed. */
    std::optional<QString> m_pendingShadow;
    CopyAsMenu *m_copyAs = nullptr;
    Workspace *m_workspace = nullptr;
    QLabel *m_endpointLabel = nullptr;
    ThingsPane *m_thingsPane = nullptr;
    RequestLogModel *m_requestLog = nullptr;
    Settings::DraftStore *m_drafts = nullptr;
    Settings::DeletedShadows *m_deleted = nullptr;
    ShadowHistory *m_history = nullptr;
    QWidget *m_draftsOffer = nullptr;
    QLabel *m_draftsText = nullptr;
    QAction *m_newShadow = nullptr;
    Settings::PublishHistory *m_publishHistory = nullptr;
    Settings::PublishTemplates *m_templates = nullptr;
    int m_publishPages = 0; ///< publish tabs opened, for their keys
    /** The connection's one undo buffer of deleted retained messages (pane and views share it). */
    Iot::RetainedUndo *m_retainedUndo = nullptr;
};
