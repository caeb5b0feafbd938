// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "colorscheme.h"
#include "copyasmenu.h"
#include "deletedshadowsdialog.h"
#include "newshadowdialog.h"
#include "publishcomposer.h"
#include "publishdraft.h"
#include "publishpage.h"
#include "retainedtopicsmodel.h"
#include "settings/publishhistory.h"
#include "settings/publishtemplates.h"
#include "settings/deletedshadows.h"
#include "settings/draftstore.h"
#include "shadoweditor.h"
#include "shadowhistory.h"
#include "emptystate.h"
#include "icons.h"
#include "messagebar.h"
#include "iot/connection.h"
#include "iot/copyas.h"
#include "iot/apicall.h"
#include "iot/iotdataclient.h"
#include "iot/requestexecutor.h"
#include "iot/retainedundo.h"
#include "iot/thingspagesource.h"
#include "namedshadowsmodel.h"
#include "requestlogmodel.h"
#include "requestlogview.h"
#include "retainedmessageview.h"
#include "retainedpane.h"
#include "settings/applicationidentity.h"
#include "settings/recentthings.h"
#include "shadowspane.h"
#include "shadowview.h"
#include "thingspane.h"
#include "welcomepage.h"
#include "workspace.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

#include <utility>

namespace {

// Bumped when the docks change, so an old saved layout is not applied to new docks.
constexpr int LayoutVersion = 2;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_settings(Settings::openUserSettings())
{
    setWindowTitle(tr("Shadowscope"));
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(AnimatedDocks | AllowNestedDocks);

    m_drafts = new Settings::DraftStore({}, this);
    m_deleted = new Settings::DeletedShadows({}, this);
    m_history = new ShadowHistory(this);
    m_publishHistory = new Settings::PublishHistory({}, this);
    m_templates = new Settings::PublishTemplates({}, this);

    // Above the workspace: the offer to take up edits left unsaved by an earlier session.
    auto *central = new QWidget(this);
    m_workspace = new Workspace(central);
    m_draftsOffer = new QWidget(central);
    m_draftsOffer->setObjectName(QStringLiteral("draftsOffer"));
    m_draftsOffer->setAccessibleName(tr("Unsaved edits from an earlier session"));
    m_draftsText = new QLabel(m_draftsOffer);
    m_draftsText->setObjectName(QStringLiteral("draftsText"));
    m_draftsText->setWordWrap(true);
    auto *restore = new QPushButton(tr("&Restore"), m_draftsOffer);
    restore->setObjectName(QStringLiteral("draftsRestore"));
    restore->setAccessibleName(tr("Restore the unsaved edits"));
    restore->setAccessibleDescription(tr("Opens each shadow with its unsaved edit"));
    connect(restore, &QPushButton::clicked, this, &MainWindow::restoreDrafts);
    auto *discard = new QPushButton(tr("Disc&ard…"), m_draftsOffer);
    discard->setObjectName(QStringLiteral("draftsDiscard"));
    discard->setAccessibleName(tr("Discard the unsaved edits"));
    discard->setAccessibleDescription(tr("Asks first"));
    connect(discard, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::warning(
            this, tr("Discard unsaved edits?"),
            tr("The unsaved edits of an earlier session are lost. Discard them?"),
            QMessageBox::Cancel | QMessageBox::Discard, QMessageBox::Cancel);
        if (answer == QMessageBox::Discard)
            discardDrafts();
    });
    auto *offerLayout = new QHBoxLayout(m_draftsOffer);
    offerLayout->addWidget(m_draftsText, 1);
    offerLayout->addWidget(restore);
    offerLayout->addWidget(discard);
    m_draftsOffer->hide();
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_draftsOffer);
    centralLayout->addWidget(m_workspace, 1);
    setCentralWidget(central);
    showWelcome({});

    m_thingsPane = new ThingsPane(this);
    m_recentThings = new Settings::RecentThings(m_settings.get(), this);
    m_thingsPane->setRecentThings(m_recentThings);
    QDockWidget *things = addPane(tr("Things"), QStringLiteral("thingsPane"), m_thingsPane,
                                  Qt::LeftDockWidgetArea);
    m_shadowsPane = new ShadowsPane(this);
    addPane(tr("Shadows"), QStringLiteral("shadowsPane"), m_shadowsPane, Qt::LeftDockWidgetArea);
    connect(m_thingsPane, &ThingsPane::thingActivated, this, [this](const QString &thing) { openThing(thing); });
    connect(m_shadowsPane, &ShadowsPane::shadowSelected, this,
            [this](const QString &thing, const QString &shadow) { openShadow(thing, shadow); });
    connect(m_shadowsPane, &ShadowsPane::loadFinished, this, &MainWindow::showPendingShadow);
    // A thing opened before its page of things arrived is selected when it does.
    connect(m_thingsPane, &ThingsPane::loadFinished, this, [this] {
        if (!m_shadowsPane->thingName().isEmpty() && m_thingsPane->currentThing() != m_shadowsPane->thingName())
            m_thingsPane->selectThing(m_shadowsPane->thingName());
    });
    m_retainedPane = new RetainedPane(this);
    connect(m_retainedPane, &RetainedPane::topicActivated, this, [this](const QString &topic) { openTopic(topic); });
    QDockWidget *retained = addPane(tr("Retained topics"), QStringLiteral("retainedPane"),
                                    m_retainedPane, Qt::LeftDockWidgetArea);
    m_requestLog = new RequestLogModel(this);
    QDockWidget *log = addPane(tr("Request log"), QStringLiteral("requestLogPane"),
                               new RequestLogView(m_requestLog, this), Qt::BottomDockWidgetArea);
    // The retained topics share the left column with the things, so the shadow's three
    // trees get the width; the tabs switch between them (Alt+1, Alt+3).
    tabifyDockWidget(things, retained);
    things->raise();
    resizeDocks({things}, {320}, Qt::Horizontal);
    resizeDocks({log}, {150}, Qt::Vertical);
    m_copyAs = new CopyAsMenu({}, nullptr, this);
    connect(m_copyAs, &CopyAsMenu::copied, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    });
    connect(m_copyAs, &CopyAsMenu::failed, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15000);
    });
    connect(m_workspace, &Workspace::currentPageChanged, this, &MainWindow::updateCopyTarget);
    createMenus();


    m_endpointLabel = new QLabel(this);
    m_endpointLabel->setObjectName(QStringLiteral("endpointLabel"));
    m_endpointLabel->setAccessibleName(tr("Connection status"));
    statusBar()->addPermanentWidget(m_endpointLabel, 1);
    resize(1280, 800);
    m_defaultState = saveState(LayoutVersion);
}

MainWindow::~MainWindow()
{
    // The last keys typed go to the drafts while the store is still there.
    for (ShadowView *view : shadowViews())
        view->editor()->saveDraftNow();
    // ~QWidget deletes the children after this body, when this object is a MainWindow no more:
    // none of their signals may reach its slots then (UBSan caught ShadowsPane::loadFinished,
    // sent as its model let go of its source, calling showPendingShadow on the half-gone window).
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        child->disconnect(this);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(Icons::themed(QStringLiteral("network-connect")),
                                             tr("&Connect…"), this, [this] { openConnectionDialog(); });
    connectAction->setObjectName(QStringLiteral("connectAction"));
    connectAction->setShortcut(QKeySequence::Open);
    QAction *publish = file->addAction(tr("&Publish…"), this, [this] { openPublish(); });
    publish->setObjectName(QStringLiteral("publishAction"));
    publish->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"),
                                    qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    m_copyAs->setIcon(Icons::themed(QStringLiteral("edit-copy")));
    edit->addMenu(m_copyAs);
    edit->addSeparator();
    m_newShadow = edit->addAction(tr("&New named shadow…"), this, &MainWindow::newShadow);
    m_newShadow->setObjectName(QStringLiteral("newShadowAction"));
    m_newShadow->setShortcut(QKeySequence::New);
    m_newShadow->setEnabled(false);
    QAction *deleted = edit->addAction(tr("Recently &deleted shadows…"), this, &MainWindow::showDeletedShadows);
    deleted->setObjectName(QStringLiteral("deletedShadowsAction"));
    deleted->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_thingsPane->openThingAction());
    go->addAction(m_thingsPane->pinAction());
    QMenu *recent = go->addMenu(tr("&Recent things"));
    recent->setObjectName(QStringLiteral("recentThingsMenu"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        const QStringList pinned = m_recentThings->pinned();
        const QStringList names = pinned + m_recentThings->recent();
        QStringList shown;
        for (const QString &name : names) {
            if (shown.contains(name))
                continue;
            shown << name;
            QAction *open = recent->addAction(name, this, [this, name] { m_thingsPane->openThing(name); });
            if (pinned.contains(name))
                open->setIcon(Icons::themed(QStringLiteral("pin")));
        }
        if (shown.isEmpty())
            recent->addAction(tr("No things opened yet"))->setEnabled(false);
    });

    // Alt+1, Alt+2, … go to the panes, in the order they were added (shown and raised if
    // hidden or behind another's tab); the View menu shows and hides them.
    go->addSeparator();
    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<QDockWidget *> docks = findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly);
    for (qsizetype index = 0; index < docks.size(); ++index) {
        QDockWidget *dock = docks.at(index);
        QAction *goTo = go->addAction(tr("Go to %1").arg(dock->windowTitle()), this, [dock] {
            dock->show();
            dock->raise();
            dock->widget()->setFocus(Qt::ShortcutFocusReason);
        });
        goTo->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + index)));
        QAction *toggle = dock->toggleViewAction();
        toggle->setText(tr("Show %1").arg(dock->windowTitle()));
        toggle->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key(Qt::Key_1 + index)));
        view->addAction(toggle);
    }
    view->addSeparator();
    view->addAction(tr("&Reset layout"), this, [this] { restoreState(m_defaultState, LayoutVersion); });

    // Appearance: the desktop's choice, or light or dark whatever the desktop says.
    auto *colorScheme = new ColorScheme(this);
    QMenu *appearance = view->addMenu(tr("&Appearance"));
    appearance->setObjectName(QStringLiteral("appearanceMenu"));
    auto *schemes = new QActionGroup(this);
    const ColorScheme::Scheme saved = ColorScheme::saved();
    const std::pair<ColorScheme::Scheme, QString> choices[] = {
        {ColorScheme::Scheme::System, tr("Follow the &system")},
        {ColorScheme::Scheme::Light, tr("&Light")},
        {ColorScheme::Scheme::Dark, tr("&Dark")},
    };
    for (const auto &[scheme, text] : choices) {
        QAction *action = appearance->addAction(text, this, [colorScheme, scheme = scheme] {
            colorScheme->apply(scheme);
            ColorScheme::save(scheme);
        });
        action->setCheckable(true);
        action->setChecked(scheme == saved);
        schemes->addAction(action);
    }
    colorScheme->apply(saved);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Shadowscope"), this, [this] {
        QMessageBox::about(this, tr("About Shadowscope"),
                           tr("<h3>Shadowscope %1</h3>"
                              "<p>A native explorer for AWS IoT Core device shadows and "
                              "retained MQTT messages.</p>"
                              "<p>Licensed under the GNU General Public License, version 3 or "
                              "later.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QDockWidget *MainWindow::addPane(const QString &title, const QString &objectName,
                                 QWidget *content, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::setConnectionServices(Aws::SecretStore *secrets,
                                       ConnectionDialog::ConnectionFactory factory)
{
    m_secrets = secrets;
    m_connectionFactory = std::move(factory);
}

void MainWindow::setConnection(Iot::Connection *connection,
                               const Settings::ConnectionChoice &choice, const QString &problem)
{
    if (m_connection)
        m_connection->disconnect(this);
    // Unsaved edits stay as drafts of the connection they belong to.
    for (ShadowView *view : shadowViews())
        view->editor()->saveDraftNow();
    m_workspace->discardAll();
    m_history->clear();
    m_draftsOffer->hide();
    m_thingsPane->setPageSource(nullptr);
    m_retainedPane->setRetainedUndo(nullptr);
    m_retainedPane->setDataClient(nullptr);
    m_shadowsPane->setDataClient(nullptr);
    delete std::exchange(m_retainedUndo, nullptr);
    m_copyAs->setContext({}, nullptr);
    m_connection = connection;
    m_choice = choice;
    m_recentThings->setConnectionKey(choice.key());
    if (!connection) {
        showWelcome(problem);
        return;
    }
    setWindowTitle(connection->isReadOnly()
                       ? tr("%1 (read-only) — Shadowscope").arg(choice.displayName())
                       : tr("%1 — Shadowscope").arg(choice.displayName()));
    connect(connection->executor(), &Iot::RequestExecutor::attemptFinished, this,
            &MainWindow::appendRequest);
    connect(connection, &Iot::Connection::stateChanged, this, &MainWindow::onConnectionStateChanged);
    onConnectionStateChanged();
}

void MainWindow::onConnectionStateChanged()
{
    setEndpointDescription(m_connection->statusText());
    switch (m_connection->state()) {
    case Iot::Connection::State::Idle:
    case Iot::Connection::State::Connecting:
        m_workspace->setPlaceholder(createEmptyState(tr("Connecting…"), this));
        break;
    case Iot::Connection::State::Ready:
        m_workspace->setPlaceholder(createEmptyState(
            tr("Select a thing to see its shadows: desired, reported and delta side by side."), this));
        m_thingsPane->setPageSource(std::make_unique<Iot::ThingsPageSource>(m_connection->control()));
        m_retainedPane->setDataClient(m_connection->data());
        if (!m_retainedUndo && !m_connection->isReadOnly()) {
            m_retainedUndo = new Iot::RetainedUndo(m_connection->data(), this);
            m_retainedPane->setRetainedUndo(m_retainedUndo);
        }
        m_shadowsPane->setDataClient(m_connection->data());
        m_copyAs->setContext(
            Iot::CopyAsContext{m_connection->dataEndpoint(), m_connection->region(),
                               m_choice.kind == Settings::ConnectionChoice::Kind::AwsProfile ? m_choice.profile : QString(),
                               m_choice.caFile, m_connection->sandboxKeys()},
            m_connection->credentials());
        if (!focusWidget())
            m_thingsPane->setFocus(Qt::OtherFocusReason);
        m_newShadow->setEnabled(!m_connection->isReadOnly() && !m_shadowsPane->thingName().isEmpty());
        offerDrafts();
        break;
    case Iot::Connection::State::Failed:
        showWelcome(m_connection->error().userMessage());
        break;
    }
}

void MainWindow::showWelcome(const QString &problem)
{
    auto *welcome = new WelcomePage(this);
    welcome->setProblem(problem);
    connect(welcome, &WelcomePage::sandboxRequested, this, [this] {
        Q_EMIT connectRequested(Settings::ConnectionChoice{Settings::ConnectionChoice::Kind::Sandbox,
                                                           {}, {}, {}, {}});
    });
    connect(welcome, &WelcomePage::addProfileRequested, this, [this] { openConnectionDialog(true); });
    connect(welcome, &WelcomePage::chooseConnectionRequested, this, [this] { openConnectionDialog(); });
    m_workspace->setPlaceholder(welcome);
}

void MainWindow::openTopic(const QString &topic, Workspace::Mode mode)
{
    if (!m_connection || !m_connection->data())
        return;
    Iot::IotDataClient *client = m_connection->data();
    const QString title = topic.section(QLatin1Char('/'), -1).isEmpty() ? topic : topic.section(QLatin1Char('/'), -1);
    m_workspace->showPage(QStringLiteral("topic:") + topic, title, topic,
                          [this, client, topic] {
                              auto *view = new RetainedMessageView(client, topic);
                              view->setRetainedUndo(m_retainedUndo); // none when read-only
                              connect(view, &RetainedMessageView::republishRequested, this,
                                      [this](const Iot::RetainedMessage &message) {
                                          openPublish(Publish::draftFrom(message));
                                      });
                              return view;
                          },
                          mode);
}

void MainWindow::openThing(const QString &thingName, const std::optional<QString> &shadowName)
{
    if (!m_connection || !m_connection->data())
        return;
    // Selecting the open thing again keeps the shadow on show.
    if (!shadowName && m_shadowsPane->thingName() == thingName)
        return;
    // The Things pane shows which thing is open (selecting it there opens it, with the first
    // shadow, before the shadow asked for here is set).
    m_thingsPane->selectThing(thingName);
    // Null: the first listed shadow.
    m_pendingShadow = shadowName.value_or(QString());
    m_newShadow->setEnabled(!m_connection->isReadOnly());
    if (m_shadowsPane->thingName() != thingName)
        m_shadowsPane->openThing(thingName);
    else if (!m_shadowsPane->model()->isLoading())
        showPendingShadow();
}

void MainWindow::showPendingShadow()
{
    // A thing opens on the shadow asked for, else on its first (the classic one).
    const std::optional<QString> wanted = std::exchange(m_pendingShadow, std::nullopt);
    if (!wanted)
        return;
    const QString first = m_shadowsPane->model()->rowCount() > 0
        ? m_shadowsPane->model()->index(0, 0).data(NamedShadowsModel::ShadowNameRole).toString()
        : QString();
    // A shadow asked for by name opens even when it is not listed (its view says why).
    if (!m_shadowsPane->selectShadow(wanted->isNull() ? first : *wanted) && !wanted->isNull())
        openShadow(m_shadowsPane->thingName(), *wanted);
}

void MainWindow::openShadow(const QString &thingName, const QString &shadowName, Workspace::Mode mode)
{
    if (!m_connection || !m_connection->data())
        return;
    Iot::IotDataClient *client = m_connection->data();
    const std::optional<Iot::ShadowDocument> document = m_shadowsPane->thingName() == thingName
        ? m_shadowsPane->document(shadowName)
        : std::nullopt;
    const QString shadowTitle = shadowName.isEmpty() ? tr("classic") : shadowName;
    const ShadowServices services{m_drafts, m_deleted, m_history, connectionKey(),
                                  m_connection->isReadOnly()};
    m_workspace->showPage(QStringLiteral("shadow:%1/%2").arg(thingName, shadowName),
                          tr("%1 · %2").arg(thingName, shadowTitle),
                          tr("Shadow %1 of thing %2").arg(shadowTitle, thingName),
                          [this, client, thingName, shadowName, document, services] {
                              auto *view = new ShadowView(client, thingName, shadowName, services);
                              if (document)
                                  view->setDocument(*document);
                              // What the view fetched (after a save, say) updates the pane's row.
                              connect(view, &ShadowView::loadFinished, this, [this, view] {
                                  if (view->document() && m_shadowsPane->thingName() == view->thingName())
                                      m_shadowsPane->model()->updateDocument(view->shadowName(), *view->document());
                              });
                              connect(view, &ShadowView::modifiedChanged, this, [this, view](bool modified) {
                                  m_workspace->setPageModified(view, modified);
                              });
                              // A deleted shadow's tab closes, unless it holds an unsaved edit.
                              connect(view, &ShadowView::deleted, this, [this, view](const QString &thing) {
                                  if (!view->editor()->isModified())
                                      m_workspace->discardPage(view);
                                  if (m_shadowsPane->thingName() == thing)
                                      m_shadowsPane->reload();
                              });
                              return view;
                          },
                          mode);
    if (auto *view = qobject_cast<ShadowView *>(m_workspace->currentPage()); view && view->editor()->isModified())
        m_workspace->setPageModified(view, true);
}

PublishPage *MainWindow::openPublish(const std::optional<Publish::Draft> &draft)
{
    if (!m_connection || !m_connection->data())
        return nullptr;
    Iot::IotDataClient *client = m_connection->data();
    auto *page = static_cast<PublishPage *>(m_workspace->showPage(
        QStringLiteral("publish:%1").arg(++m_publishPages), tr("Publish"), tr("Publish a message"),
        [this, client] { return new PublishPage(client, m_publishHistory, m_templates); },
        Workspace::Mode::Keep));
    PublishComposer *composer = page->composer();
    composer->setReadOnly(m_connection->isReadOnly());
    // Completion: what was sent before, the open thing's shadow topics, the retained topics.
    QStringList topics = m_publishHistory->topics();
    const QString thing = m_shadowsPane->thingName();
    composer->setThingName(thing);
    if (!thing.isEmpty()) {
        for (int row = 0; row < m_shadowsPane->model()->rowCount(); ++row) {
            const QString shadow = m_shadowsPane->model()->index(row, 0).data(NamedShadowsModel::ShadowNameRole).toString();
            const QString prefix = shadow.isEmpty()
                ? QStringLiteral("$aws/things/%1/shadow/").arg(thing)
                : QStringLiteral("$aws/things/%1/shadow/name/%2/").arg(thing, shadow);
            topics << prefix + QStringLiteral("update") << prefix + QStringLiteral("get")
                   << prefix + QStringLiteral("delete");
        }
    }
    const RetainedTopicsModel *retained = m_retainedPane->model();
    for (qsizetype i = 0; i < retained->topicCount(); ++i)
        topics << retained->topicAt(i);
    composer->setTopicSuggestions(topics);
    if (draft)
        composer->setDraft(*draft);
    connect(page, &PublishPage::published, this, [this](const Iot::PublishRequest &request) {
        if (request.retain)
            m_retainedPane->refreshTopic(request.topic);
    });
    return page;
}

QList<ShadowView *> MainWindow::shadowViews() const
{
    QList<ShadowView *> views;
    for (QWidget *page : m_workspace->pages()) {
        if (auto *view = qobject_cast<ShadowView *>(page))
            views.append(view);
    }
    return views;
}

QString MainWindow::connectionKey() const
{
    return m_connection ? m_choice.key() + QLatin1Char('@') + m_connection->region() : QString();
}

void MainWindow::offerDrafts()
{
    const QList<Settings::Draft> drafts = m_drafts->drafts(connectionKey());
    QStringList names;
    for (const Settings::Draft &draft : drafts) {
        if (!m_workspace->page(QStringLiteral("shadow:%1/%2").arg(draft.thingName, draft.shadowName)))
            names << tr("%1 · %2").arg(draft.thingName, draft.shadowName.isEmpty() ? tr("classic") : draft.shadowName);
    }
    m_draftsOffer->setVisible(!names.isEmpty());
    m_draftsText->setText(names.size() == 1
                              ? tr("An edit of %1 was not saved in an earlier session.").arg(names.first())
                              : tr("Edits of %1 shadows were not saved in an earlier session: %2.")
                                    .arg(names.size())
                                    .arg(names.join(QLatin1String(", "))));
}

void MainWindow::restoreDrafts()
{
    m_draftsOffer->hide();
    for (const Settings::Draft &draft : m_drafts->drafts(connectionKey())) {
        openShadow(draft.thingName, draft.shadowName, Workspace::Mode::Keep);
        if (auto *view = qobject_cast<ShadowView *>(m_workspace->currentPage()))
            view->edit();
    }
}

void MainWindow::discardDrafts()
{
    m_draftsOffer->hide();
    for (const Settings::Draft &draft : m_drafts->drafts(connectionKey())) {
        if (!m_workspace->page(QStringLiteral("shadow:%1/%2").arg(draft.thingName, draft.shadowName)))
            m_drafts->remove(draft.connectionKey, draft.thingName, draft.shadowName);
    }
}

void MainWindow::newShadow()
{
    const QString thing = m_shadowsPane->thingName();
    if (!m_connection || !m_connection->data() || thing.isEmpty() || m_connection->isReadOnly())
        return;
    QStringList existing;
    for (int row = 0; row < m_shadowsPane->model()->rowCount(); ++row)
        existing << m_shadowsPane->model()->index(row, 0).data(NamedShadowsModel::ShadowNameRole).toString();
    auto *dialog = new NewShadowDialog(thing, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, thing] {
        createShadow(thing, dialog->shadowName(), QJsonObject{{QStringLiteral("desired"), dialog->desired()}},
                     this, [this](const QString &error, const QString &) {
                         if (!error.isEmpty())
                             QMessageBox::warning(this, tr("Shadow not created"), error);
                     });
    });
    dialog->open();
}

void MainWindow::showDeletedShadows()
{
    auto *dialog = new DeletedShadowsDialog(m_deleted, connectionKey(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DeletedShadowsDialog::recreateRequested, this,
            [this, dialog](const Settings::DeletedShadow &entry) {
                if (!m_connection || m_connection->isReadOnly()) {
                    dialog->messageBar()->showError(tr("Read-only session: nothing can be re-created."),
                                                    {}, MessageBar::Offer::Nothing);
                    return;
                }
                dialog->messageBar()->setBusy(true);
                dialog->messageBar()->showInfo(tr("Re-creating…"));
                createShadow(entry.thingName, entry.shadowName, entry.state, dialog,
                             [this, dialog, entry](const QString &error, const QString &details) {
                                 dialog->messageBar()->setBusy(false);
                                 if (!error.isEmpty()) {
                                     dialog->messageBar()->showError(error, details, MessageBar::Offer::Nothing);
                                     return;
                                 }
                                 dialog->messageBar()->showInfo(tr("Re-created."));
                                 m_deleted->remove(entry);
                             });
            });
    dialog->open();
}

void MainWindow::createShadow(const QString &thingName, const QString &shadowName, const QJsonObject &state,
                              QObject *context,
                              const std::function<void(const QString &error, const QString &details)> &done)
{
    if (!m_connection || !m_connection->data())
        return;
    Iot::IotDataClient *client = m_connection->data();
    const QString title = tr("%1 · %2").arg(thingName, shadowName.isEmpty() ? tr("classic") : shadowName);
    const QPointer<QObject> guard(context);
    const auto finish = [guard, done](const QString &error, const QString &details) {
        if (guard)
            done(error, details);
    };
    statusBar()->showMessage(tr("Creating %1…").arg(title));
    Iot::ApiCall *check = client->getThingShadow(thingName, shadowName);
    connect(check, &Iot::ApiCall::finished, this, [=, this] {
        if (!check->error().isError()) {
            statusBar()->clearMessage();
            finish(tr("%1 exists already: open it to change it.").arg(title), {});
            return;
        }
        if (check->error().httpStatus != 404) {
            statusBar()->clearMessage();
            finish(tr("%1 was not created: %2").arg(title, check->error().userMessage()),
                   QString::fromUtf8(check->body()));
            return;
        }
        const QByteArray body
            = QJsonDocument(QJsonObject{{QStringLiteral("state"), state}}).toJson(QJsonDocument::Compact);
        Iot::ApiCall *call = client->updateThingShadow(thingName, shadowName, body);
        connect(call, &Iot::ApiCall::finished, this, [=, this] {
            if (call->error().isError()) {
                statusBar()->clearMessage();
                finish(tr("%1 was not created: %2").arg(title, call->error().userMessage()),
                       QString::fromUtf8(call->body()));
                return;
            }
            statusBar()->showMessage(tr("Created %1.").arg(title), 8000);
            finish({}, {});
            if (m_shadowsPane->thingName() == thingName) {
                m_pendingShadow = shadowName;
                m_shadowsPane->reload();
            } else {
                openThing(thingName, shadowName);
            }
        });
    });
}

void MainWindow::updateCopyTarget()
{
    if (auto *shadow = qobject_cast<ShadowView *>(m_workspace->currentPage()))
        m_copyAs->setTarget(Iot::CopyAsTarget::shadow(shadow->thingName(), shadow->shadowName()));
    else if (auto *message = qobject_cast<RetainedMessageView *>(m_workspace->currentPage()))
        m_copyAs->setTarget(Iot::CopyAsTarget::retainedMessage(message->topic()));
    else
        m_copyAs->setTarget(std::nullopt);
}

WelcomePage *MainWindow::welcomePage() const
{
    return qobject_cast<WelcomePage *>(m_workspace->placeholder());
}

void MainWindow::openConnectionDialog(bool newProfile)
{
    auto *dialog = new ConnectionDialog(m_secrets, m_connectionFactory,
                                        m_connection ? std::optional(m_choice) : std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (newProfile)
        dialog->startNewProfile();
    connect(dialog, &QDialog::accepted, this, [this, dialog] { Q_EMIT connectRequested(dialog->choice()); });
    dialog->open();
}

void MainWindow::setEndpointDescription(const QString &text)
{
    m_endpointLabel->setText(text);
}

QString MainWindow::endpointDescription() const
{
    return m_endpointLabel->text();
}

void MainWindow::appendRequest(const Iot::RequestLogEntry &entry)
{
    m_requestLog->append(entry);
}

void MainWindow::restoreLayout()
{
    const auto settings = Settings::openUserSettings();
    restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray(), LayoutVersion);
}

void MainWindow::saveLayout() const
{
    const auto settings = Settings::openUserSettings();
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(QStringLiteral("window/state"), saveState(LayoutVersion));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    int modified = 0;
    for (ShadowView *view : shadowViews())
        modified += view->editor()->isModified();
    if (modified > 0) {
        QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                        modified == 1 ? tr("One shadow has unsaved changes.")
                                      : tr("%1 shadows have unsaved changes.").arg(modified),
                        QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("quitUnsavedQuestion"));
        box.setInformativeText(tr("They are kept as drafts and offered when Shadowscope next "
                                  "connects to this account, unless you discard them."));
        QPushButton *keep = box.addButton(tr("&Keep drafts and quit"), QMessageBox::AcceptRole);
        QPushButton *discard = box.addButton(tr("&Discard and quit"), QMessageBox::DestructiveRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() == discard) {
            for (ShadowView *view : shadowViews())
                view->editor()->discard();
        } else if (box.clickedButton() != keep) {
            event->ignore();
            return;
        }
        // A draft that cannot be written keeps the window open, its editor saying why.
        for (ShadowView *view : shadowViews()) {
            if (!view->editor()->saveDraftNow()) {
                event->ignore();
                return;
            }
        }
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}
